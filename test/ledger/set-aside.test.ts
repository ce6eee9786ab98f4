/**
 * setAsideRows (src/ledger/set-aside.ts) copies a sheet's rows only from the first row it sets
 * aside on: the rows before it, between and after set-aside rows are kept in order, and a sheet
 * with nothing set aside is the very ledger given.
 */
import { describe, expect, it } from 'vitest';
import { setAsideRows } from '../../src/ledger/set-aside.js';
import { ledgerOf } from '../facts/helpers.js';

const ids = ['A', 'B', 'C', 'D', 'E'];

function setAside(drop: readonly string[]) {
  const ledger = ledgerOf({ cases: ids.map((case_id) => ({ case_id })) });
  const screened = setAsideRows(ledger, 'cases', (row) =>
    drop.includes(row.record.case_id) ? { column: 'case_id', value: row.record.case_id, code: 'after-as-of', params: { asOf: '2026-10-31' } } : undefined,
  );
  return { ledger, screened };
}

describe('setting rows aside', () => {
  it.each([
    [['A'], ['B', 'C', 'D', 'E']],
    [['C'], ['A', 'B', 'D', 'E']],
    [['E'], ['A', 'B', 'C', 'D']],
    [['B', 'D'], ['A', 'C', 'E']],
    [['A', 'B', 'C', 'D', 'E'], []],
  ])('sets aside %j and keeps the rest in order', (drop, kept) => {
    const { ledger, screened } = setAside(drop);
    expect(screened.sheets.cases!.map((row) => row.record.case_id)).toEqual(kept);
    expect(screened.dataIssues.map((issue) => [issue.row, issue.value])).toEqual(drop.map((id) => [ids.indexOf(id) + 2, id]));
    expect(screened.accounts.cases).toEqual({ rowsRead: 5, rowsEvaluated: kept.length, rowsSetAside: drop.length });
    expect(ledger.sheets.cases!.map((row) => row.record.case_id)).toEqual(ids);
  });

  it('is the ledger given, rows and all, when nothing is set aside', () => {
    const { ledger, screened } = setAside([]);
    expect(screened).toBe(ledger);
  });
});
