import { describe, expect, test } from 'vitest';
import { ISSUE_TYPES, issueType, renderIssueMessage } from '../../src/ledger/issue-codes.js';
import type { DataIssue } from '../../src/ledger/types.js';

const SAMPLE: DataIssue = {
  file: 'month.xlsx',
  sheet: 'cases',
  sheetName: '办件台账',
  row: 14,
  column: 'A',
  header: '受理编号',
  value: 'SL-0042',
  code: 'duplicate-key',
  message: '',
  params: { firstRow: 9 },
};

describe('the data issue catalogue', () => {
  test('every code has titles, a description and messages in both languages', () => {
    expect(ISSUE_TYPES.length).toBeGreaterThanOrEqual(15);
    for (const type of ISSUE_TYPES) {
      expect(type.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(type.title.zh && type.title.en && type.description, type.code).toBeTruthy();
      expect(type.message.zh && type.message.en, type.code).toBeTruthy();
    }
  });

  test('messages use the same template fields in Chinese and English', () => {
    const fields = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const type of ISSUE_TYPES) expect(fields(type.message.zh), type.code).toEqual(fields(type.message.en));
  });

  test('renders an issue in either language from its fields', () => {
    expect(renderIssueMessage(SAMPLE, 'en')).toBe('受理编号 "SL-0042" repeats row 9');
    expect(renderIssueMessage(SAMPLE, 'zh')).toBe('受理编号“SL-0042”与第 9 行重复');
  });

  test('a field missing from the issue stays visible instead of vanishing', () => {
    const { params: _params, ...withoutParams } = SAMPLE;
    expect(renderIssueMessage(withoutParams, 'en')).toBe('受理编号 "SL-0042" repeats row {firstRow}');
  });

  test('issueType looks a code up', () => {
    expect(issueType('bad-date').title).toEqual({ zh: '日期无法识别', en: 'Bad date' });
  });
});
