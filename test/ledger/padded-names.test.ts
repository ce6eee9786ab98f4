/**
 * A two-character name padded to line up (`王　芳`, `王 芳`) is the same person as 王芳 in every
 * column that names a staff member. Read as written it was a second person: not on the staff
 * board (a false 办事公开制/一), with part of 王芳's cases, and her repeats of a clause counted
 * apart, so escalation missed them.
 */
import { describe, expect, test } from 'vitest';
import { parseName } from '../../src/ledger/cells/column-types.js';
import { sheetSpec } from '../../src/ledger/columns.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import type { RawValue } from '../../src/ledger/raw-value.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { writeCsv } from './helpers/csv.js';
import { withTempDir } from './helpers/workbook.js';

describe('parseName', () => {
  test.each([
    ['王　芳', '王芳'],
    ['王 芳', '王芳'],
    [' 王\u3000\u3000芳 ', '王芳'],
    ['欧阳 小 明', '欧阳小明'],
    ['王\u200b 芳', '王芳'],
  ] as [RawValue, string][])('reads %j as %j', (value, expected) => {
    expect(parseName(value)).toEqual({ ok: true, value: expected });
  });

  test.each(['John Smith', '阿卜杜·热合曼', 'Li Ming 李明', '王芳'])('keeps %j as written', (name) => {
    expect(parseName(name)).toEqual({ ok: true, value: name });
  });
});

describe('the columns that name a staff member', () => {
  test('are read as names; free text and the applicant are not', () => {
    const names = (key: Parameters<typeof sheetSpec>[0]) => sheetSpec(key).columns.filter((c) => c.names).map((c) => c.key);
    expect(names('cases')).toEqual(['handler']);
    expect(names('complaints')).toEqual(['respondent', 'first_responder']);
    expect(names('attendance')).toEqual(['staff', 'cover']);
    expect(names('handovers')).toEqual(['absent_staff', 'cover', 'approver']);
    expect(names('staff')).toEqual(['name']);
    expect(names('other')).toEqual(['staff']);
  });

  test('a padded 经办人 and the staff board name one person', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [[...CASE_HEADER, '备注'], [...caseRow({ 经办人: '王　芳' }), '王　芳 代 李 明']]);
      await writeCsv(dir, '城东社区-2026-10-人员公示.csv', [['姓名', '职务', '电话', '已公示', '佩戴胸卡'], ['王 芳', '代办员', '13800000001', '是', '是']]);
      await writeCsv(dir, '城东社区-2026-10-考勤记录.csv', [['日期', '姓名', '状态', '顶岗人'], ['2026-10-12', '王　芳', '请假', '李　明']]);
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([]);
      const [row] = ledger.sheets.cases!;
      expect(row!.record.handler).toBe('王芳');
      expect(row!.record.note).toBe('王　芳 代 李 明');
      expect(ledger.sheets.staff!.map((r) => r.record.name)).toEqual(['王芳']);
      expect(ledger.sheets.attendance!.map((r) => [r.record.staff, r.record.cover])).toEqual([['王芳', '李明']]);
    });
  });
});
