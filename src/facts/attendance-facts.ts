/**
 * Attendance scope: one record per attendance row of the period. A 请假/出差/会议 row also
 * carries the absence it belongs to (absences.ts): a multi-day absence is one act, judged on
 * its first day in this ledger.
 */
import type { LedgerRow } from '../ledger/types.js';
import { columnFacts } from './fact-template.js';
import { handoverKey, type Lookups } from './lookups.js';
import type { ScopeRecord } from './types.js';

export function attendanceRecord(row: LedgerRow<'attendance'>, lookups: Lookups): ScopeRecord {
  const a = row.record;
  const absence = lookups.absences.get(row);
  return {
    scope: 'attendance',
    ref: { sheet: 'attendance', row: row.row, key: handoverKey(a.staff, a.date) },
    date: a.date,
    facts: Object.assign(columnFacts('attendance', a), {
      handover_exists: lookups.handovers ? lookups.handovers.covers(a.staff, a.date) : null,
      absence_first_day: absence ? absence.firstRow === row.row : null,
      absence_from: absence?.from ?? null,
      absence_to: absence?.to ?? null,
      absence_days: absence?.days ?? null,
      absence_covered: absence?.covered ?? null,
      absence_approved: absence?.approved ?? null,
    }),
  };
}
