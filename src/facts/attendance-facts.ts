/** Attendance scope: one record per attendance row of the period. */
import type { LedgerRow } from '../ledger/types.js';
import { columnFacts } from './fact-template.js';
import { handoverKey, type Lookups } from './lookups.js';
import type { ScopeRecord } from './types.js';

export function attendanceRecord(row: LedgerRow<'attendance'>, lookups: Lookups): ScopeRecord {
  const a = row.record;
  return {
    scope: 'attendance',
    ref: { sheet: 'attendance', row: row.row, key: handoverKey(a.staff, a.date) },
    date: a.date,
    facts: Object.assign(columnFacts('attendance', a), {
      handover_exists: lookups.handovers ? lookups.handovers.has(handoverKey(a.staff, a.date)) : null,
    }),
  };
}
