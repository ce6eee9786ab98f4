/** Other scope (失职追究制/二.10): one record per row the inspector entered for the period. */
import { parseGrade } from '../grade-scale.js';
import type { LedgerRow } from '../ledger/types.js';
import { columnFacts } from './fact-template.js';
import { handoverKey } from './lookups.js';
import type { ScopeRecord } from './types.js';

export function otherRecord(row: LedgerRow<'other'>): ScopeRecord {
  const o = row.record;
  return {
    scope: 'other',
    ref: { sheet: 'other', row: row.row, key: handoverKey(o.staff, o.date) },
    date: o.date,
    facts: Object.assign(columnFacts('other', o), { suggested_grade: parseGrade(o.grade) ?? null }),
  };
}
