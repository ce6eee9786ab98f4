/**
 * One odd date does not stop the audit. Working days are counted from a case's dates, and a
 * date no loaded calendar covers (a 受理日期 typed as 1900-01-01, or of a year with no calendar
 * file yet) cannot be counted from; that used to stop the whole audit with exit 2 over one row.
 * Now such a row is set aside with the data issue `outside-calendar` on that cell, like a date
 * that cannot be read, and the rest of the month is audited. What still stops the audit is what
 * makes the whole month unjudgeable: an as-of outside the calendars (facts/build.ts).
 *
 * A date counts when the time facts would count working days from it (facts/case-facts.ts,
 * facts/deadline.ts): the 受理日期 and the 办结日期; the 补齐日期, 告知日期 and 结果告知日期 when
 * they fall after the 受理日期 and on or before as-of. A 补齐日期 after the last loaded day is not
 * one: the deadline is then simply after the calendars. Every case not dated after as-of is
 * screened, not only the period's workload: the facts of every such case are built (events, not
 * records: facts/period.ts), and a case of an earlier year stopped the audit.
 *
 * A 办结日期 that contradicts the rest of the row cannot be counted either, and a guess would
 * sanction someone: a case whose 办理结果 says it is finished (办结, 不予办理) with no 办结日期 was
 * read as still open, so it ran overdue to as-of (a deduction for a case whose result had been told
 * on time); a 办结日期 before the 受理日期 made a 即办件 "not done the day received" and counted a
 * result-notice delay from before the case existed. Such a case is set aside on its 办结日期 with
 * `missing-completion-date` or `completed-before-receipt`.
 */
import type { WorkCalendar } from '../calendar/types.js';
import { applyAsOf } from '../ledger/as-of.js';
import { setAsideRows } from '../ledger/set-aside.js';
import type { SetAsideCell } from '../ledger/set-aside.js';
import type { CaseRecord, CaseResult, IsoDate, Ledger } from '../ledger/types.js';

/** The case dates working days are counted from or to, with their column names. */
export const COUNTED_DATES = [
  ['received_on', '受理日期'],
  ['materials_completed_on', '补齐日期'],
  ['notified_on', '告知日期'],
  ['completed_on', '办结日期'],
  ['result_notified_on', '结果告知日期'],
] as const;

type DateColumn = (typeof COUNTED_DATES)[number][0];

/** A date working days would be counted from that no loaded calendar covers. */
function uncovered(date: IsoDate | undefined, cal: WorkCalendar, asOf: IsoDate): date is IsoDate {
  return date !== undefined && date <= asOf && !cal.covers(date);
}

/** The same for a date counted only when after the 受理日期 and not after the last loaded day. */
function uncoveredAfterReceipt(date: IsoDate | undefined, c: CaseRecord, cal: WorkCalendar, asOf: IsoDate): boolean {
  return uncovered(date, cal, asOf) && date > c.received_on && date <= cal.lastDay;
}

/**
 * The first of COUNTED_DATES, in that order, that the calendars do not cover. Written out column
 * by column instead of a search over the list with a keyed read per column: the whole screen of
 * the 100,000-case bench month went from 31 to 24 ms and from 32 to 22 ms of CPU (two runs of 10
 * alternating rounds, cold in a fresh process).
 */
function firstUncounted(c: CaseRecord, cal: WorkCalendar, asOf: IsoDate): DateColumn | undefined {
  if (uncovered(c.received_on, cal, asOf)) return 'received_on';
  if (uncoveredAfterReceipt(c.materials_completed_on, c, cal, asOf)) return 'materials_completed_on';
  if (uncoveredAfterReceipt(c.notified_on, c, cal, asOf)) return 'notified_on';
  if (uncovered(c.completed_on, cal, asOf)) return 'completed_on';
  if (uncoveredAfterReceipt(c.result_notified_on, c, cal, asOf)) return 'result_notified_on';
  return undefined;
}

/** The results that say a case is finished: its 办结日期 is the day it was. */
const FINISHED_RESULTS: ReadonlySet<CaseResult> = new Set<CaseResult>(['办结', '不予办理']);

/** A 办结日期 missing from a finished case, or dated before its receipt. */
function contradictedCompletion(c: CaseRecord): SetAsideCell | undefined {
  if (c.completed_on === undefined) {
    return FINISHED_RESULTS.has(c.result) ? { column: 'completed_on', value: '', code: 'missing-completion-date', params: { result: c.result } } : undefined;
  }
  if (c.completed_on < c.received_on) return { column: 'completed_on', value: c.completed_on, code: 'completed-before-receipt', params: { received: c.received_on } };
  return undefined;
}

/**
 * The ledger with every case set aside whose counted dates the calendars do not cover, or whose
 * 办结日期 contradicts its result or its receipt.
 */
export function setAsideUncountedDates(ledger: Ledger, cal: WorkCalendar, asOf: IsoDate): Ledger {
  return setAsideRows(ledger, 'cases', (row) => {
    const column = firstUncounted(row.record, cal, asOf);
    if (column === undefined) return contradictedCompletion(row.record);
    const value = row.record[column]!;
    return { column, value, code: 'outside-calendar', params: { years: yearsText(cal.years), year: value.slice(0, 4) } };
  });
}

/** `2024–2026`, or the years listed when they are not one run. */
function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '—';
  const run = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  return run && years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
}

/**
 * The ledger as an audit judges it: the records dated after as-of set aside (ledger/as-of.ts),
 * then the cases whose dates cannot be counted. The audit and `rules test` both screen through
 * here, so a rule's own case is never judged where the audit would have set it aside.
 */
export function screenForAudit(ledger: Ledger, cal: WorkCalendar, asOf: IsoDate): Ledger {
  return setAsideUncountedDates(applyAsOf(ledger, asOf), cal, asOf);
}
