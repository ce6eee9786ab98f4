/**
 * What an audit of one period judges (docs/grading.md, "Each act is judged once, across
 * months"): events, not whole records. Every record of the ledger not dated after as-of is
 * built; each rule names the date fact of its event (`event`), and a rule is judged on a record
 * only when that date falls in the period — or, for an event still under way on as-of (an open
 * case past its deadline), when it began before the period. So a case received last month is
 * judged this month for what happened this month (its completion, a window closing, an overdue
 * that goes on), never again for its receipt-time duties.
 *
 * The period's workload (service figures, a person's and an item's cases of the period) is
 * another question, answered by `isCaseOfPeriod`. Records dated after as-of are set aside with a
 * data issue before records are built (src/ledger/as-of.ts); the filters here only guard against
 * a caller that did not.
 */
import { firstDayOfMonth, lastDayOfMonth, monthOf } from '../calendar/dates.js';
import { sheetSpec } from '../ledger/columns.js';
import type { CaseRecord, IsoDate, LedgerRow } from '../ledger/types.js';
import type { ScopeRecord } from './types.js';

export function inPeriod(date: IsoDate, period: string): boolean {
  return monthOf(date) === period;
}

/** The completion date as seen on as-of: a completion dated after as-of has not happened yet. */
export function completedBy(record: CaseRecord, asOf: IsoDate): IsoDate | null {
  return record.completed_on !== undefined && record.completed_on <= asOf ? record.completed_on : null;
}

/**
 * A case of the period's workload: received in the period, or received before it and still open
 * on as-of or completed inside it (cases handled, 按期办结率, a person's and an item's cases).
 */
export function isCaseOfPeriod(record: CaseRecord, period: string, asOf: IsoDate): boolean {
  if (record.received_on > asOf) return false;
  if (inPeriod(record.received_on, period)) return true;
  if (record.received_on >= firstDayOfMonth(period)) return false;
  const completed = completedBy(record, asOf);
  return completed === null || inPeriod(completed, period);
}

/** Sheets whose records carry a date of their own (the rest are lookups or summaries). */
export const DATED_SHEETS = ['cases', 'complaints', 'attendance', 'other'] as const;
type DatedSheet = (typeof DATED_SHEETS)[number];

function dateColumnOf(sheet: DatedSheet): string {
  return sheetSpec(sheet).dateColumn ?? (sheet === 'cases' ? 'received_on' : 'date');
}

export function recordDate(row: LedgerRow<DatedSheet>): IsoDate {
  return (row.record as unknown as Record<string, IsoDate>)[dateColumnOf(row.sheet)]!;
}

/** A row that has happened by as-of: its events may fall in any period up to as-of. */
export function notAfterAsOf(row: LedgerRow<DatedSheet>, asOf: IsoDate): boolean {
  return recordDate(row) <= asOf;
}

/** The rows of one dated sheet that are notAfterAsOf, its date column looked up once. */
export function rowsNotAfterAsOf<S extends DatedSheet>(sheet: S, rows: readonly LedgerRow<S>[], asOf: IsoDate): LedgerRow<S>[] {
  const column = dateColumnOf(sheet);
  return rows.filter((row) => (row.record as unknown as Record<string, IsoDate>)[column]! <= asOf);
}

export interface PeriodBounds {
  first: IsoDate;
  last: IsoDate;
}

export function periodBounds(period: string): PeriodBounds {
  return { first: firstDayOfMonth(period), last: lastDayOfMonth(period) };
}

/**
 * A rule whose event is the date fact `event` is judged on `record` in this period: the date
 * falls in it, or it fell before and the event is still under way on as-of. No date (the event
 * has not happened by as-of, e.g. a window still open) is no event.
 */
export function judgedInPeriod(record: ScopeRecord, event: string, bounds: PeriodBounds): boolean {
  const date = record.facts[event];
  if (typeof date !== 'string') return false;
  if (date > bounds.last) return false;
  return date >= bounds.first || (record.ongoing?.includes(event) ?? false);
}

/**
 * `judgedInPeriod` for one event, compiled into one function with the event's name and the
 * period's bounds in the code. `record.facts[event]` with the name changing from event to event
 * is a megamorphic keyed read: the 6 events of the case rules on 100,000 cases spent ~25 ms
 * there (self time in a CPU profile of bench/audit-child.mjs), more than on any other line of
 * the evaluation; compiling the read alone left ~22 ms in the same profile. The name and the
 * bounds are JSON-quoted.
 */
export function judgedInPeriodOf(event: string, bounds: PeriodBounds): (record: ScopeRecord) => boolean {
  const name = JSON.stringify(event);
  return new Function(
    'record',
    `"use strict";
    const date = record.facts[${name}];
    if (typeof date !== 'string' || date > ${JSON.stringify(bounds.last)}) return false;
    if (date >= ${JSON.stringify(bounds.first)}) return true;
    const ongoing = record.ongoing;
    return ongoing != null && ongoing.includes(${name});`,
  ) as (record: ScopeRecord) => boolean;
}
