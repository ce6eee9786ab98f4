/** Cell forms only a workbook has: formulas, rich text, hyperlinks, error values, date cells, serials. */
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../src/ledger/read-ledger.js';
import type { CaseRecord, DataIssue } from '../../src/ledger/types.js';
import { CASE_HEADER, caseColumnLetter, caseRow } from './helpers/cases.js';
import { utcDate, withTempDir, writeWorkbook, type WriteOptions } from './helpers/workbook.js';

async function readCases(rows: unknown[][], options: WriteOptions = {}) {
  return withTempDir(async (dir) => {
    const file = await writeWorkbook(`${dir}/cells.xlsx`, [{ name: '办件台账', rows: [[...CASE_HEADER], ...rows] }], options);
    const ledger = await readLedger(file);
    return { records: (ledger.sheets.cases ?? []).map((row) => row.record as CaseRecord), issues: ledger.dataIssues, ledger };
  });
}

const issueAt = (issue: DataIssue) => [issue.row, issue.column, issue.code, issue.value];

describe.each(['memory', 'streaming'] as const)('workbook cells (exceljs %s writer)', (writer) => {
  test('a formula cell gives its cached result: text, number, date and boolean results', async () => {
    const { records, issues } = await readCases(
      [
        caseRow({
          受理编号: { formula: 'CONCATENATE("SL-","0042")', result: 'SL-0042' },
          受理日期: { formula: 'DATE(2026,10,3)', result: utcDate(2026, 10, 3) },
          材料齐全: { formula: 'TRUE()', result: true },
          '承诺时限(工作日)': { formula: '2+3', result: 5 },
        }),
      ],
      { writer },
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ case_id: 'SL-0042', received_on: '2026-10-03', materials_complete: true, promised_days: 5 });
  });

  test('formula results 0 and FALSE are values, not missing (exceljs cell.value drops falsy results)', async () => {
    const { records, issues } = await readCases(
      [caseRow({ 材料齐全: { formula: 'FALSE()', result: false }, 收费金额: { formula: '0*100', result: 0 } })],
      { writer },
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ materials_complete: false, fee: 0 });
  });

  test('rich text and hyperlink cells give their text', async () => {
    const { records, issues } = await readCases(
      [
        caseRow({
          申请人: { richText: [{ text: '王' }, { font: { bold: true }, text: '芳' }] },
          事项名称: { text: '居住证办理', hyperlink: 'https://example.org/items/1' },
        }),
      ],
      { writer },
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ applicant: '王芳', item: '居住证办理' });
  });

  test('date cells, serial numbers and written dates all become YYYY-MM-DD', async () => {
    const { records, issues } = await readCases(
      [
        caseRow({ 受理编号: 'A', 受理日期: utcDate(2026, 10, 3) }),
        caseRow({ 受理编号: 'B', 受理日期: 46298 }),
        caseRow({ 受理编号: 'C', 受理日期: '2026年10月3日' }),
        caseRow({ 受理编号: 'D', 受理日期: '2026/10/3' }),
      ],
      { writer },
    );
    expect(issues).toEqual([]);
    expect(records.map((record) => record.received_on)).toEqual(['2026-10-03', '2026-10-03', '2026-10-03', '2026-10-03']);
  });

  test('a phone number stored as a number is read as its digits', async () => {
    const { records } = await readCases([caseRow({ 联系电话: 13812345678 })], { writer });
    expect(records[0]?.phone).toBe('13812345678');
  });

  test('Excel error values and formulas with error results are data issues', async () => {
    const { records, issues, ledger } = await readCases(
      [
        caseRow({ 受理编号: 'A', 经办人: { error: '#N/A' } }),
        caseRow({ 受理编号: 'B', 收费金额: { formula: '1/0', result: { error: '#DIV/0!' } } }),
        caseRow({ 受理编号: 'C' }),
      ],
      { writer },
    );
    expect(records.map((record) => record.case_id)).toEqual(['C']);
    expect(issues.map(issueAt)).toEqual([
      [2, caseColumnLetter('经办人'), 'formula-error', '#N/A'],
      // The streaming reader keeps no error name for a formula result; the formula is shown.
      [3, caseColumnLetter('收费金额'), 'formula-error', expect.stringContaining('=1/0')],
    ]);
    expect(ledger.accounts.cases).toEqual({ rowsRead: 3, rowsEvaluated: 1, rowsSetAside: 2 });
  });
});

describe('workbook-only cases', () => {
  test('a formula saved without a result is a data issue, not an empty cell', async () => {
    const { issues } = await readCases([caseRow({ 经办人: { formula: 'VLOOKUP(A2,名单!A:B,2,0)' } })]);
    expect(issues.map(issueAt)).toEqual([[2, caseColumnLetter('经办人'), 'formula-no-result', '=VLOOKUP(A2,名单!A:B,2,0)']]);
  });

  test('the 1904 date system: date cells and bare serials both land on the right day', async () => {
    const { records, issues } = await readCases(
      [caseRow({ 受理编号: 'A', 受理日期: utcDate(2026, 10, 3) }), caseRow({ 受理编号: 'B', 受理日期: 44836 })],
      { date1904: true },
    );
    expect(issues).toEqual([]);
    expect(records.map((record) => record.received_on)).toEqual(['2026-10-03', '2026-10-03']);
  });

  test('real boolean cells and 1/0 number cells are read as booleans', async () => {
    const { records } = await readCases([caseRow({ 受理编号: 'A', 材料齐全: true }), caseRow({ 受理编号: 'B', 材料齐全: 0 })]);
    expect(records.map((record) => record.materials_complete)).toEqual([true, false]);
  });
});
