/**
 * Records dated after as-of cannot be judged yet (docs/time-limits.md): they are set aside with the data
 * issue `after-as-of`, and the sheet's accounts move them from evaluated to set aside.
 */
import { renderIssueMessage } from './issue-codes.js';
import { sheetSpec } from './columns.js';
import { SHEET_KEYS, type DataIssue, type IsoDate, type Ledger, type LedgerRow, type SheetKey } from './types.js';

export function applyAsOf(ledger: Ledger, asOf: IsoDate): Ledger {
  const next: Ledger = { ...ledger, sheets: { ...ledger.sheets }, accounts: { ...ledger.accounts }, dataIssues: [...ledger.dataIssues] };
  for (const key of SHEET_KEYS) {
    const rows = ledger.sheets[key] as LedgerRow[] | undefined;
    const dateColumn = sheetSpec(key).dateColumn;
    if (!rows || !dateColumn) continue;
    const kept: LedgerRow[] = [];
    for (const row of rows) {
      const date = (row.record as unknown as Record<string, unknown>)[dateColumn];
      if (typeof date === 'string' && date > asOf) next.dataIssues.push(afterAsOfIssue(ledger, key, row, dateColumn, date, asOf));
      else kept.push(row);
    }
    const moved = rows.length - kept.length;
    if (moved === 0) continue;
    (next.sheets as Record<SheetKey, unknown>)[key] = kept;
    const account = ledger.accounts[key] ?? { rowsRead: rows.length, rowsEvaluated: rows.length, rowsSetAside: 0 };
    next.accounts[key] = { ...account, rowsEvaluated: account.rowsEvaluated - moved, rowsSetAside: account.rowsSetAside + moved };
  }
  return next;
}

function afterAsOfIssue(ledger: Ledger, key: SheetKey, row: LedgerRow, dateColumn: string, date: string, asOf: IsoDate): DataIssue {
  const layout = ledger.layout?.[key];
  const column = layout?.columns.find((candidate) => candidate.key === dateColumn);
  const issue: DataIssue = {
    file: layout?.file ?? ledger.source.file,
    sheet: key,
    sheetName: ledger.sheetNames[key] ?? key,
    row: row.row,
    column: column?.letter ?? '',
    header: column?.header ?? sheetSpec(key).columns.find((c) => c.key === dateColumn)!.zh,
    value: date,
    code: 'after-as-of',
    message: '',
    params: { asOf },
  };
  issue.message = renderIssueMessage(issue, 'en');
  return issue;
}
