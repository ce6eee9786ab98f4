/** Center scope: the one center row (none when the sheet is absent or empty). */
import type { IsoDate, Ledger } from '../ledger/types.js';
import { columnFacts } from './fact-template.js';
import type { ScopeRecord } from './types.js';

export function centerRecords(ledger: Ledger, asOf: IsoDate): ScopeRecord[] {
  const row = ledger.sheets.center?.[0];
  if (!row) return [];
  return [{ scope: 'center', ref: { sheet: 'center', row: row.row, key: 'center' }, date: asOf, facts: columnFacts('center', row.record) }];
}
