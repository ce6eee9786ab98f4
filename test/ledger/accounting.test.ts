/**
 * Every row read is accounted for (docs/ledger.md): rows read = rows evaluated + rows set aside, and
 * every row set aside carries at least one data issue at its row. Checked on messy input.
 */
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { SHEET_KEYS, type Ledger } from '../../src/ledger/types.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { writeCsv } from './helpers/csv.js';
import { withTempDir, writeWorkbook } from './helpers/workbook.js';

/** A month's ledger as it arrives: titles, blank rows, and one of each kind of bad cell. */
const MESSY_CASES: { rows: unknown[][]; bad: number; good: number } = {
  rows: [
    ['城东社区便民服务中心办件台账'],
    ['2026年10月', null, null, '制表:张三'],
    [],
    [...CASE_HEADER, '审核意见'],
    caseRow({ 受理编号: 'SL-01' }),
    caseRow({ 受理编号: 'SL-02', 受理日期: '2026-02-30' }),
    [],
    caseRow({ 受理编号: 'SL-03', 材料齐全: '也许' }),
    caseRow({ 受理编号: 'SL-04', 办件类型: '普通件' }),
    caseRow({ 受理编号: 'SL-05', 往返次数: '2.5' }),
    caseRow({ 受理编号: 'SL-06', '承诺时限(工作日)': 'abc' }),
    caseRow({ 受理编号: 'SL-07', 收费金额: '-20' }),
    caseRow({ 受理编号: 'SL-08', 往返次数: 0 }),
    caseRow({ 受理编号: 'SL-09', 申请人: '' }),
    caseRow({ 受理编号: 'SL-01' }),
    caseRow({ 受理编号: '', 经办人: '' }),
    ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '只有审核意见'],
    caseRow({ 受理编号: 'SL-10', 受理日期: '2026/10/3', 材料齐全: 'N', 一次性告知: '√', 收费金额: '￥1,200' }),
    caseRow({ 受理编号: 'SL-11', 受理日期: '2026-13-45', 材料齐全: 'bad', 办理结果: '完成' }),
    [],
    [],
  ],
  // SL-02..SL-09, the repeated SL-01, the row without id and handler, the row with only a note, SL-11
  bad: 12,
  good: 2,
};

function expectAccounted(ledger: Ledger): void {
  for (const key of SHEET_KEYS) {
    const account = ledger.accounts[key];
    if (!account) continue;
    expect(account.rowsRead, key).toBe(account.rowsEvaluated + account.rowsSetAside);
    expect(ledger.sheets[key]?.length, key).toBe(account.rowsEvaluated);
    const issueRows = new Set(ledger.dataIssues.filter((issue) => issue.sheet === key && issue.row > 0).map((issue) => issue.row));
    const evaluatedRows = new Set(ledger.sheets[key]!.map((row) => row.row));
    for (const row of evaluatedRows) expect(issueRows.has(row), `${key} row ${row} evaluated despite an issue`).toBe(false);
    const sheetLevel = ledger.dataIssues.some((issue) => issue.sheet === key && (issue.code === 'missing-column' || issue.code === 'missing-header'));
    if (!sheetLevel) expect(issueRows.size, key).toBe(account.rowsSetAside);
  }
}

describe('accounting on messy input', () => {
  test('xlsx: rows read = rows evaluated + rows set aside, and each set-aside row has an issue', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(`${dir}/messy.xlsx`, [
        { name: '办件台账', rows: MESSY_CASES.rows, merges: ['A1:Q1'] },
        { name: '投诉登记', rows: [['登记编号', '登记日期', '被投诉人', '类别', '是否属实', '首问责任人'], ['TS-1', '2026-10-05', '李明', '态度粗暴', '待查', '张三'], ['TS-1', '2026-10-06', '李明', '其他', '否', '张三']] },
        { name: '中心信息', rows: [['中心名称', '所属街道', '投诉电话'], ['城东社区便民服务中心', '城东街道', '12345'], ['城东社区', '城东', '']] },
        { name: '人员公示', rows: [['姓名', '职务'], ['李明', '代办员']] },
      ]);
      const ledger = await readLedger(file);
      expectAccounted(ledger);
      expect(ledger.accounts.cases).toEqual({ rowsRead: MESSY_CASES.bad + MESSY_CASES.good, rowsEvaluated: MESSY_CASES.good, rowsSetAside: MESSY_CASES.bad });
      expect(ledger.accounts.complaints).toEqual({ rowsRead: 2, rowsEvaluated: 1, rowsSetAside: 1 });
      expect(ledger.accounts.center).toEqual({ rowsRead: 2, rowsEvaluated: 1, rowsSetAside: 1 });
      // Two header names only: no header, so the one data row is read and set aside with the sheet.
      expect(ledger.accounts.staff).toEqual({ rowsRead: 2, rowsEvaluated: 0, rowsSetAside: 2 });
    });
  });

  test('csv: the same messy sheet gives the same accounts and the same issues', async () => {
    await withTempDir(async (dir) => {
      const xlsx = await readLedger(await writeWorkbook(`${dir}/messy.xlsx`, [{ name: '办件台账', rows: MESSY_CASES.rows }]));
      await writeCsv(`${dir}`, '城东社区-2026-10-办件台账.csv', MESSY_CASES.rows, 'gbk');
      const csv = await readLedger(dir);
      expectAccounted(csv);
      expect(csv.accounts).toEqual(xlsx.accounts);
      const where = (ledger: Ledger) => ledger.dataIssues.map((issue) => [issue.row, issue.column, issue.code, issue.value]);
      expect(where(csv)).toEqual(where(xlsx));
    });
  });

  test('the issues of the messy sheet, cell by cell', async () => {
    await withTempDir(async (dir) => {
      const ledger = await readLedger(await writeWorkbook(`${dir}/messy.xlsx`, [{ name: '办件台账', rows: MESSY_CASES.rows }]));
      expect(ledger.sheets.cases?.map((row) => row.row)).toEqual([5, 18]);
      expect(ledger.sheets.cases?.[1]?.record).toMatchObject({ received_on: '2026-10-03', materials_complete: false, notified: true, fee: 1200 });
      expect(ledger.dataIssues.map((issue) => [issue.row, issue.column, issue.header, issue.code, issue.value])).toEqual([
        [6, 'B', '受理日期', 'bad-date', '2026-02-30'],
        [8, 'H', '材料齐全', 'bad-boolean', '也许'],
        [9, 'F', '办件类型', 'bad-enum', '普通件'],
        [10, 'M', '往返次数', 'bad-integer', '2.5'],
        [11, 'N', '承诺时限(工作日)', 'bad-integer', 'abc'],
        [12, 'Q', '收费金额', 'out-of-range', '-20'],
        [13, 'M', '往返次数', 'out-of-range', '0'],
        [14, 'C', '申请人', 'missing-required', ''],
        [15, 'A', '受理编号', 'duplicate-key', 'SL-01'],
        [16, 'A', '受理编号', 'missing-required', ''],
        [16, 'G', '经办人', 'missing-required', ''],
        [17, 'A', '受理编号', 'missing-required', ''],
        [17, 'B', '受理日期', 'missing-required', ''],
        [17, 'C', '申请人', 'missing-required', ''],
        [17, 'E', '事项名称', 'missing-required', ''],
        [17, 'F', '办件类型', 'missing-required', ''],
        [17, 'G', '经办人', 'missing-required', ''],
        [17, 'H', '材料齐全', 'missing-required', ''],
        [17, 'P', '办理结果', 'missing-required', ''],
        [19, 'B', '受理日期', 'bad-date', '2026-13-45'],
        [19, 'H', '材料齐全', 'bad-boolean', 'bad'],
        [19, 'P', '办理结果', 'bad-enum', '完成'],
      ]);
    });
  });
});
