/** Center scope: the one center row (none when the sheet is absent or empty), dated by the period's last day. */
import type { Ledger } from '../ledger/types.js';
import { periodEnd } from './events.js';
import { columnFacts } from './fact-template.js';
import type { ScopeRecord } from './types.js';

export function centerRecords(ledger: Ledger, period: string): ScopeRecord[] {
  const row = ledger.sheets.center?.[0];
  if (!row) return [];
  const date = periodEnd(period);
  return [{ scope: 'center', ref: { sheet: 'center', row: row.row, key: 'center' }, date, facts: Object.assign(columnFacts('center', row.record), { period_end: date }) }];
}
