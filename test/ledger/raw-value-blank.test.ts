/**
 * isBlank and trimmed skip trim() on a first-character test; they must agree with trim() always
 * (isBlank: once the invisible marks of src/text.ts are dropped, as they are from cell text).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { isBlank, trimmed } from '../../src/ledger/raw-value.js';
import { withoutInvisibleMarks } from '../../src/text.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { writeCsv } from './helpers/csv.js';
import { withTempDir, writeWorkbook } from './helpers/workbook.js';

/** Every UTF-16 code unit, alone and around text. */
const SAMPLES: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
  const c = String.fromCharCode(code);
  SAMPLES.push(c, `${c}李明`, `李明${c}`, `${c}${c}`, `a${c}b`);
}

describe('isBlank and trimmed agree with String.prototype.trim', () => {
  test('on every code unit alone, leading, trailing, doubled and inside text', () => {
    const wrongBlank = SAMPLES.filter((s) => isBlank(s) !== (withoutInvisibleMarks(s).trim() === ''));
    const wrongTrim = SAMPLES.filter((s) => trimmed(s) !== s.trim());
    expect(wrongBlank.map((s) => s.codePointAt(0)?.toString(16))).toEqual([]);
    expect(wrongTrim.map((s) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' '))).toEqual([]);
  });

  test('empty, null and non-text cells', () => {
    expect([isBlank(''), isBlank(null), isBlank(undefined), isBlank(0), isBlank(false), isBlank(new Date(0))]).toEqual([true, true, true, false, false, false]);
    expect(trimmed('')).toBe('');
    expect(trimmed('\u3000 张三 \u3000')).toBe('张三');
  });
});

describe('a cell holding only invisible marks is empty', () => {
  const INVISIBLE_ONLY = ['\u200b', '\u200b \u3000', '\ufeff', '\u2060', '\u00ad', '\u200e\u200f', '\u202e'];

  test.each(INVISIBLE_ONLY.map((text) => [[...text].map((c) => c.codePointAt(0)!.toString(16)).join(' '), text]))('U+%s is blank', (_name, text) => {
    expect(isBlank(text)).toBe(true);
  });

  test('text around an invisible mark is not blank', () => {
    expect([isBlank('\u200b李明'), isBlank('\u200bx\u200b'), isBlank('\u00ad0')]).toEqual([false, false, false]);
  });

  // A zero-width space left in an optional 备注 or 延期原因 (text pasted from a web page and
  // deleted) read as "备注 is required and empty": the case was set aside, never judged, and the
  // center charged for an incomplete ledger.
  test.each(['csv', 'xlsx'] as const)('zero-width space alone in optional cells does not set the case aside (%s)', async (kind) => {
    await withTempDir(async (dir) => {
      const header = [...CASE_HEADER, '备注', '延期原因'];
      const rows = [header, [...caseRow(), '\u200b', '\u200b '], [...caseRow({ 受理编号: 'SL-2026-10-0002', 收费金额: '\u200b' }), '', '']];
      const input =
        kind === 'csv'
          ? (await writeCsv(dir, '城东社区-2026-10-办件台账.csv', rows), dir)
          : await writeWorkbook(join(dir, 'month.xlsx'), [{ name: '办件台账', rows }]);
      const ledger = await readLedger(input);
      expect(ledger.dataIssues).toEqual([]);
      expect(ledger.accounts.cases).toEqual({ rowsRead: 2, rowsEvaluated: 2, rowsSetAside: 0 });
      const first = ledger.sheets.cases![0]!.record;
      expect([first.note, first.extension_reason]).toEqual([undefined, undefined]);
    });
  });

  test('a row of invisible marks alone is a blank row: not read, not counted', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [[...CASE_HEADER], caseRow(), CASE_HEADER.map(() => '\u200b')]);
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([]);
      expect(ledger.accounts.cases).toEqual({ rowsRead: 1, rowsEvaluated: 1, rowsSetAside: 0 });
    });
  });
});
