/**
 * Ledger scope (全程代理制/三.4: the ledger itself is incomplete): one record per sheet with
 * rows set aside for data issues. `after-as-of` issues are left out: a record dated after
 * "today" is a choice of as-of, not a gap in the ledger.
 */
import type { DataIssue, Ledger, SheetKey } from '../ledger/types.js';
import { SHEET_KEYS } from '../ledger/types.js';
import { periodEnd } from './events.js';
import { newFacts } from './fact-template.js';
import type { ScopeRecord } from './types.js';

const NOT_INCOMPLETE: ReadonlySet<string> = new Set(['after-as-of']);

function isSheetKey(value: string): value is SheetKey {
  return (SHEET_KEYS as readonly string[]).includes(value);
}

/** Dated by the period's last day: the ledger's gaps are the period's (events.ts). */
export function ledgerRecords(ledger: Ledger, period: string): ScopeRecord[] {
  const bySheet = new Map<SheetKey, DataIssue[]>();
  for (const issue of ledger.dataIssues) {
    if (NOT_INCOMPLETE.has(issue.code) || !isSheetKey(issue.sheet)) continue;
    const list = bySheet.get(issue.sheet);
    if (list) list.push(issue);
    else bySheet.set(issue.sheet, [issue]);
  }
  return SHEET_KEYS.filter((k) => bySheet.has(k)).map((sheet): ScopeRecord => {
    const issues = bySheet.get(sheet)!;
    const rows = [...new Set(issues.map((i) => i.row).filter((r) => r > 0))].sort((a, b) => a - b);
    const codes = [...new Set(issues.map((i) => i.code))].sort();
    return {
      scope: 'ledger',
      ref: { sheet, row: rows[0] ?? 0, key: sheet },
      date: periodEnd(period),
      facts: Object.assign(newFacts('ledger'), { period_end: periodEnd(period), sheet, sheet_name: ledger.sheetNames[sheet] ?? issues[0]!.sheetName, issue_count: issues.length, rows, codes }),
      rows,
    };
  });
}
