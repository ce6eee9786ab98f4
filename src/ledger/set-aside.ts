/**
 * Setting rows aside after reading (docs/ledger.md, "Every row accounted for"): a row the audit
 * cannot judge, though it was read clean (dated after as-of, a date no calendar covers), leaves
 * its sheet with one data issue on the cell that decides it, and the sheet's account moves it
 * from evaluated to set aside, so rowsRead = rowsEvaluated + rowsSetAside still holds.
 */
import { renderIssueMessage } from './issue-codes.js';
import { sheetSpec } from './columns.js';
import type { DataIssue, DataIssueCode, Ledger, LedgerRow, SheetKey } from './types.js';

/** The cell that decides a row is set aside, and why. */
export interface SetAsideCell {
  /** The record key of the column. */
  column: string;
  value: string;
  code: DataIssueCode;
  params: Record<string, string | number>;
}

/**
 * The ledger without the rows of `key` for which `judge` names a cell, each with its data issue;
 * the same ledger when it names none. The given ledger is not changed.
 */
export function setAsideRows<K extends SheetKey>(ledger: Ledger, key: K, judge: (row: LedgerRow<K>) => SetAsideCell | undefined): Ledger {
  const rows = ledger.sheets[key] as LedgerRow<K>[] | undefined;
  if (!rows) return ledger;
  // Most months set nothing aside: the rows are copied only from the first row set aside on.
  // Copying every row regardless cost 3–5 ms per 100,000 cases, each time (as-of and the
  // calendar screen both pass over the cases; docs/performance.md).
  let first = 0;
  let cell: SetAsideCell | undefined;
  for (; first < rows.length; first++) {
    cell = judge(rows[first]!);
    if (cell) break;
  }
  if (!cell) return ledger;
  const issues: DataIssue[] = [cellIssue(ledger, key, rows[first]!.row, cell)];
  const kept: LedgerRow<K>[] = rows.slice(0, first);
  for (let i = first + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const judged = judge(row);
    if (judged) issues.push(cellIssue(ledger, key, row.row, judged));
    else kept.push(row);
  }
  const account = ledger.accounts[key] ?? { rowsRead: rows.length, rowsEvaluated: rows.length, rowsSetAside: 0 };
  // One at a time: push(...issues) overflowed the stack beyond ~125,000 issues.
  const dataIssues = ledger.dataIssues.slice();
  for (const issue of issues) dataIssues.push(issue);
  return {
    ...ledger,
    sheets: { ...ledger.sheets, [key]: kept },
    accounts: { ...ledger.accounts, [key]: { ...account, rowsEvaluated: account.rowsEvaluated - issues.length, rowsSetAside: account.rowsSetAside + issues.length } },
    dataIssues,
  };
}

function cellIssue(ledger: Ledger, key: SheetKey, row: number, cell: SetAsideCell): DataIssue {
  const layout = ledger.layout?.[key];
  const column = layout?.columns.find((candidate) => candidate.key === cell.column);
  const issue: DataIssue = {
    file: layout?.file ?? ledger.source.file,
    sheet: key,
    sheetName: ledger.sheetNames[key] ?? sheetSpec(key).zh,
    row,
    column: column?.letter ?? '',
    header: column?.header ?? sheetSpec(key).columns.find((c) => c.key === cell.column)?.zh ?? cell.column,
    value: cell.value,
    code: cell.code,
    message: '',
    params: cell.params,
  };
  issue.message = renderIssueMessage(issue, 'en');
  return issue;
}
