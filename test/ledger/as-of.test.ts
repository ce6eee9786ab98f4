import { describe, expect, test } from 'vitest';
import { applyAsOf } from '../../src/ledger/as-of.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import type { CaseRecord, Ledger } from '../../src/ledger/types.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { MONTH_SHEETS } from './helpers/month.js';
import { withTempDir, writeWorkbook } from './helpers/workbook.js';

async function monthWithLateCases(): Promise<Ledger> {
  return withTempDir(async (dir) =>
    readLedger(
      await writeWorkbook(`${dir}/month.xlsx`, [
        {
          name: '办件台账',
          rows: [
            [...CASE_HEADER],
            caseRow({ 受理编号: 'A', 受理日期: '2026-10-30' }),
            caseRow({ 受理编号: 'B', 受理日期: '2026-10-31' }),
            caseRow({ 受理编号: 'C', 受理日期: '2026-11-02' }),
            caseRow({ 受理编号: 'D', 受理日期: 'bad' }),
          ],
        },
        ...MONTH_SHEETS.slice(1),
      ]),
    ),
  );
}

describe('applyAsOf', () => {
  test('sets aside records dated after as-of with after-as-of, moving them in the accounts', async () => {
    const ledger = await monthWithLateCases();
    const audited = applyAsOf(ledger, '2026-10-31');
    expect(audited.sheets.cases?.map((row) => (row.record as CaseRecord).case_id)).toEqual(['A', 'B']);
    expect(audited.accounts.cases).toEqual({ rowsRead: 4, rowsEvaluated: 2, rowsSetAside: 2 });
    const late = audited.dataIssues.filter((issue) => issue.code === 'after-as-of');
    expect(late).toEqual([
      {
        file: ledger.source.file,
        sheet: 'cases',
        sheetName: '办件台账',
        row: 4,
        column: 'B',
        header: '受理日期',
        value: '2026-11-02',
        code: 'after-as-of',
        message: '受理日期 "2026-11-02" is after the as-of date 2026-10-31',
        params: { asOf: '2026-10-31' },
      },
    ]);
  });

  test('uses each sheet\'s own date column (complaints, attendance, handovers, other)', async () => {
    const ledger = await monthWithLateCases();
    const audited = applyAsOf(ledger, '2026-10-12');
    const late = audited.dataIssues.filter((issue) => issue.code === 'after-as-of').map((issue) => [issue.sheet, issue.header, issue.value]);
    expect(late).toEqual([
      ['cases', '受理日期', '2026-10-30'],
      ['cases', '受理日期', '2026-10-31'],
      ['cases', '受理日期', '2026-11-02'],
      ['attendance', '日期', '2026-10-13'],
      ['attendance', '日期', '2026-10-14'],
      ['handovers', '日期', '2026-10-14'],
      ['other', '日期', '2026-10-20'],
    ]);
    // 2026-10-12 itself is not after as-of.
    expect(audited.sheets.complaints).toHaveLength(1);
    // Sheets without a date column are left alone.
    expect(audited.sheets.staff).toEqual(ledger.sheets.staff);
    for (const account of Object.values(audited.accounts)) expect(account.rowsRead).toBe(account.rowsEvaluated + account.rowsSetAside);
  });

  test('does not change the ledger it is given', async () => {
    const ledger = await monthWithLateCases();
    const before = structuredClone(ledger);
    applyAsOf(ledger, '2026-10-01');
    expect(ledger).toEqual(before);
  });

  test('nothing after as-of: the same rows and accounts', async () => {
    const ledger = await monthWithLateCases();
    const audited = applyAsOf(ledger, '2026-12-31');
    expect(audited.sheets).toEqual(ledger.sheets);
    expect(audited.accounts).toEqual(ledger.accounts);
    expect(audited.dataIssues).toEqual(ledger.dataIssues);
  });
});
