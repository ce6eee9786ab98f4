/**
 * Which records an audit of one period looks at (SPEC §3, ARCHITECTURE "Period and scope of
 * records"). Cases: received in the period, or received before it and still open on as-of or
 * completed inside it — an old open case is exactly what 拖压卡 means. Complaints, attendance
 * and other: dated in the period. Records dated after as-of are never audited; the pipeline
 * sets them aside with a data issue before building records (src/ledger/as-of.ts), so the
 * filters here only guard against a caller that did not.
 */
import { firstDayOfMonth, monthOf } from '../calendar/dates.js';
import { sheetSpec } from '../ledger/columns.js';
import type { CaseRecord, IsoDate, LedgerRow } from '../ledger/types.js';

export function inPeriod(date: IsoDate, period: string): boolean {
  return monthOf(date) === period;
}

/** The completion date as seen on as-of: a completion dated after as-of has not happened yet. */
export function completedBy(record: CaseRecord, asOf: IsoDate): IsoDate | null {
  return record.completed_on !== undefined && record.completed_on <= asOf ? record.completed_on : null;
}

export function isAuditedCase(record: CaseRecord, period: string, asOf: IsoDate): boolean {
  if (record.received_on > asOf) return false;
  if (inPeriod(record.received_on, period)) return true;
  if (record.received_on >= firstDayOfMonth(period)) return false;
  const completed = completedBy(record, asOf);
  return completed === null || inPeriod(completed, period);
}

/** Sheets whose records are audited by their own date (the rest are lookups). */
export const DATED_SHEETS = ['cases', 'complaints', 'attendance', 'other'] as const;
type DatedSheet = (typeof DATED_SHEETS)[number];

export function recordDate(row: LedgerRow<DatedSheet>): IsoDate {
  const r = row.record as unknown as Record<string, IsoDate>;
  return r[sheetSpec(row.sheet).dateColumn ?? (row.sheet === 'cases' ? 'received_on' : 'date')]!;
}

/** A dated record of the period (complaints, attendance, other), not after as-of. */
export function isAuditedDated(row: LedgerRow<DatedSheet>, period: string, asOf: IsoDate): boolean {
  const date = recordDate(row);
  return date <= asOf && inPeriod(date, period);
}
