/** Record ids, the one center row, missing required columns, and sheets given twice. */
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { withTempDir, writeWorkbook, type SheetDraft } from './helpers/workbook.js';

const CASES: SheetDraft = { name: '办件台账', rows: [[...CASE_HEADER], caseRow()] };

async function read(sheets: SheetDraft[]) {
  return withTempDir(async (dir) => readLedger(await writeWorkbook(`${dir}/keys.xlsx`, sheets)));
}

describe('duplicate ids', () => {
  test('later rows repeating a 受理编号 are set aside, naming the first row', async () => {
    const ledger = await read([
      { name: '办件台账', rows: [[...CASE_HEADER], caseRow({ 受理编号: 'A' }), caseRow({ 受理编号: 'B' }), caseRow({ 受理编号: 'A' }), caseRow({ 受理编号: ' A ' })] },
    ]);
    expect(ledger.sheets.cases?.map((row) => row.row)).toEqual([2, 3]);
    expect(ledger.dataIssues.map((issue) => [issue.row, issue.column, issue.code, issue.value, issue.params])).toEqual([
      [4, 'A', 'duplicate-key', 'A', { firstRow: 2 }],
      [5, 'A', 'duplicate-key', 'A', { firstRow: 2 }],
    ]);
    expect(ledger.dataIssues[0]?.message).toBe('受理编号 "A" repeats row 2');
    expect(ledger.accounts.cases).toEqual({ rowsRead: 4, rowsEvaluated: 2, rowsSetAside: 2 });
  });

  test('a repeating row with another issue: both issues, in row order among the other rows', async () => {
    const ledger = await read([
      {
        name: '办件台账',
        rows: [[...CASE_HEADER], caseRow({ 受理编号: 'A' }), caseRow({ 受理编号: 'A', 受理日期: 'bad' }), caseRow({ 受理编号: 'B', 受理日期: 'bad' }), caseRow({ 受理编号: 'C' })],
      },
    ]);
    expect(ledger.dataIssues.map((issue) => [issue.row, issue.code])).toEqual([[3, 'bad-date'], [3, 'duplicate-key'], [4, 'bad-date']]);
    expect(ledger.sheets.cases?.map((row) => row.row)).toEqual([2, 5]);
    expect(ledger.accounts.cases).toEqual({ rowsRead: 4, rowsEvaluated: 2, rowsSetAside: 2 });
  });

  test('ids out of order: each repeat names the row its id first appeared in', async () => {
    const ids = ['SL-9', 'SL-10', 'SL-2', 'SL-10', 'SL-9', 'SL-1', 'SL-2'];
    const ledger = await read([{ name: '办件台账', rows: [[...CASE_HEADER], ...ids.map((id) => caseRow({ 受理编号: id }))] }]);
    expect(ledger.sheets.cases?.map((row) => row.record.case_id)).toEqual(['SL-9', 'SL-10', 'SL-2', 'SL-1']);
    expect(ledger.dataIssues.map((issue) => [issue.row, issue.value, issue.params])).toEqual([
      [5, 'SL-10', { firstRow: 3 }],
      [6, 'SL-9', { firstRow: 2 }],
      [8, 'SL-2', { firstRow: 4 }],
    ]);
  });

  test('a repeat of a row that was itself set aside still names that row', async () => {
    const ledger = await read([{ name: '办件台账', rows: [[...CASE_HEADER], caseRow({ 受理编号: 'A', 受理日期: 'bad' }), caseRow({ 受理编号: 'A' })] }]);
    expect(ledger.dataIssues.map((issue) => [issue.row, issue.code])).toEqual([[2, 'bad-date'], [3, 'duplicate-key']]);
    expect(ledger.accounts.cases).toEqual({ rowsRead: 2, rowsEvaluated: 0, rowsSetAside: 2 });
  });

  test('登记编号 is unique in complaints', async () => {
    const header = ['登记编号', '登记日期', '被投诉人', '类别', '是否属实', '首问责任人'];
    const ledger = await read([CASES, { name: '投诉登记', rows: [header, ['T-1', '2026-10-01', '李明', '其他', '否', '张三'], ['T-1', '2026-10-02', '李明', '其他', '否', '张三']] }]);
    expect(ledger.dataIssues).toMatchObject([{ sheet: 'complaints', row: 3, column: 'A', code: 'duplicate-key', params: { firstRow: 2 } }]);
  });

  test('names may repeat on sheets without unique ids (attendance)', async () => {
    const ledger = await read([CASES, { name: '考勤记录', rows: [['日期', '姓名', '状态'], ['2026-10-01', '李明', '迟到'], ['2026-10-01', '李明', '早退']] }]);
    expect(ledger.dataIssues).toEqual([]);
    expect(ledger.sheets.attendance).toHaveLength(2);
  });
});

describe('the center sheet', () => {
  test('holds one row: later rows are set aside as extra-center-row', async () => {
    const header = ['中心名称', '所属街道', '投诉电话'];
    const ledger = await read([CASES, { name: '中心信息', rows: [header, ['城东中心', '城东街道', '12345'], [], ['城西中心', '城西街道', '']] }]);
    expect(ledger.sheets.center?.map((row) => row.record)).toEqual([{ center: '城东中心', district: '城东街道', complaint_phone: '12345' }]);
    expect(ledger.dataIssues).toMatchObject([{ sheet: 'center', row: 4, column: '', code: 'extra-center-row', params: { firstRow: 2 } }]);
    expect(ledger.accounts.center).toEqual({ rowsRead: 2, rowsEvaluated: 1, rowsSetAside: 1 });
  });
});

describe('missing required columns', () => {
  test('one sheet-level issue per missing column; every row is set aside', async () => {
    const header = CASE_HEADER.filter((name) => name !== '经办人' && name !== '办理结果');
    const row = caseRow().filter((_, index) => CASE_HEADER[index] !== '经办人' && CASE_HEADER[index] !== '办理结果');
    const ledger = await read([{ name: '办件台账', rows: [header, row, row] }]);
    expect(ledger.dataIssues.map((issue) => [issue.row, issue.code, issue.params])).toEqual([
      [1, 'missing-column', { header: '经办人' }],
      [1, 'missing-column', { header: '办理结果' }],
    ]);
    expect(ledger.dataIssues[0]?.message).toBe('the header lacks the required column "经办人"; no row of the sheet can be read');
    expect(ledger.accounts.cases).toEqual({ rowsRead: 2, rowsEvaluated: 0, rowsSetAside: 2 });
  });
});

describe('a sheet given twice', () => {
  test('the first is read; the second is a duplicate-sheet issue and not counted', async () => {
    const ledger = await read([CASES, { name: 'cases', rows: [[...CASE_HEADER], caseRow(), caseRow()] }]);
    expect(ledger.sheetNames.cases).toBe('办件台账');
    expect(ledger.accounts.cases).toEqual({ rowsRead: 1, rowsEvaluated: 1, rowsSetAside: 0 });
    expect(ledger.dataIssues).toMatchObject([{ sheet: 'cases', sheetName: 'cases', row: 0, code: 'duplicate-sheet', params: { firstSheet: '办件台账' } }]);
  });
});
