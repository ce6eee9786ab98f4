/**
 * Event dates: the date that places a finding in a month (docs/grading.md, "Each act is judged
 * once, across months"). Each rule names one of its scope's date facts as its `event`; an audit
 * judges a rule on a record only when that date falls in the audited period (period.ts,
 * `judgedInPeriod`), and the finding is dated by it. The facts here are the event dates the
 * ledger does not hold:
 * - windowed duties (the one-time notice, the result notice, same-day completion) happen when
 *   done, late or not (a notice given before receipt, on the 受理日期); a duty not done is an
 *   event once its window has closed by as-of, on the first working day past the window, and not
 *   before — so nothing falls between two months, and nothing is judged while the window is
 *   still open;
 * - a case's overdue event is its 办结日期 once completed, else the first working day past its
 *   deadline; that event is under way for as long as the case stays open (`overdueOngoing`), so
 *   every month's audit judges it again while the case is open past its deadline;
 * - case facts with no date of their own (差错, 偏差/损失, 遗失, 满意度, 往返次数, 不予办理) take the
 *   办结日期, or as-of while the case is open;
 * - a complaint is judged on its 核实日期, else on its 登记日期, and a complaint logged before the
 *   period that is 是 now with no 核实日期 on as-of (history tells whether it was reported);
 * - staff, items, the center and the ledger are judged on the period's last day.
 * A date after as-of has not happened yet on as-of: an event fact is never later than as-of,
 * except the period's last day, which is the period's own.
 */
import type { WorkCalendar } from '../calendar/types.js';
import { firstDayOfMonth, lastDayOfMonth } from '../calendar/dates.js';
import type { CaseRecord, ComplaintRecord, IsoDate } from '../ledger/types.js';
import type { CaseLimit } from './deadline.js';

/**
 * The windows (working days) of the duties dated by them when not done: the params that judge
 * them late, handed over by the audit (src/rules/windows.ts reads them from the rule set).
 */
export interface DutyWindows {
  /** One-time notice: notified within this many working days after receipt (notice-late's maxNoticeDays). */
  notice: number;
  /** Result notice: told within this many working days after completion (result-notice-late's maxResultNoticeDays). */
  resultNotice: number;
}

export const DEFAULT_DUTY_WINDOWS: DutyWindows = { notice: 5, resultNotice: 2 };

/** A case's event facts (written among its facts by addCaseEvents). */
export interface CaseEvents {
  notice_event_on: IsoDate | null;
  result_notice_event_on: IsoDate | null;
  same_day_event_on: IsoDate | null;
  overdue_event_on: IsoDate | null;
  outcome_on: IsoDate;
}

/** The first working day past a window of `days` working days after `from`, if it has come by as-of. */
function pastWindow(cal: WorkCalendar, from: IsoDate, days: number, asOf: IsoDate): IsoDate | null {
  if (from >= asOf) return null;
  const day = cal.tryAddWorkingDays(from, days + 1);
  return day !== undefined && day <= asOf ? day : null;
}

/** A date in the ledger counts only once it has come (by as-of). */
function byAsOf(date: IsoDate | undefined, asOf: IsoDate): IsoDate | null {
  return date !== undefined && date <= asOf ? date : null;
}

/**
 * The day the one-time notice was given, as an event; null when not notified by as-of. A notice
 * given before the 受理日期 (at the first inquiry) is a receipt-time act dated the 受理日期: the
 * case is in no ledger before it is received, so a notice dated in an earlier month would be
 * judged in no month at all.
 */
function noticeGivenOn(c: CaseRecord, asOf: IsoDate): IsoDate | null {
  if (c.notified !== true) return null;
  if (c.notified_on === undefined) return c.received_on;
  const on = byAsOf(c.notified_on, asOf);
  return on !== null && on < c.received_on ? c.received_on : on;
}

/**
 * Writes the case's event facts into `facts` (a case record's facts: in place, no object in
 * between). `completed`: the 办结日期 as seen on as-of (null while open); `limit`: the limit the
 * case is bound by (deadline.ts). Returns whether the case is open past its deadline on as-of:
 * its overdue event lasts into every later month.
 */
export function addCaseEvents(facts: CaseEvents, c: CaseRecord, cal: WorkCalendar, asOf: IsoDate, limit: CaseLimit, completed: IsoDate | null, windows: DutyWindows): boolean {
  const notifiedOn = noticeGivenOn(c, asOf);
  const toldOn = byAsOf(c.result_notified_on, asOf);
  const overdueOpen = completed === null && limit.deadline !== null && limit.deadline < asOf;
  facts.notice_event_on = notifiedOn ?? pastWindow(cal, c.received_on, windows.notice, asOf);
  facts.result_notice_event_on = completed === null ? null : (toldOn ?? pastWindow(cal, completed, windows.resultNotice, asOf));
  facts.same_day_event_on = completed ?? pastWindow(cal, c.received_on, 0, asOf);
  facts.overdue_event_on =
    completed !== null ? (limit.deadline === null && limit.after === null ? null : completed) : overdueOpen ? cal.addWorkingDays(limit.deadline!, 1) : null;
  facts.outcome_on = completed ?? asOf;
  return overdueOpen;
}

/**
 * A complaint's event: its 核实日期 once come; else its 登记日期 when logged in the period; else
 * (logged before the period, not yet verified on paper) as-of when it is 是 now — substantiated
 * since the last ledger — and its 登记日期 otherwise. Null while a 核实日期 lies after as-of. A
 * complaint verified before it was logged (taken by phone, written in the register later) is
 * dated its 登记日期: no ledger holds it before then, so an earlier month could never judge it.
 */
export function complaintEventOn(c: ComplaintRecord, period: string, asOf: IsoDate): IsoDate | null {
  if (c.verified_on !== undefined) return c.verified_on < c.logged_on ? c.logged_on : byAsOf(c.verified_on, asOf);
  if (c.logged_on >= firstDayOfMonth(period)) return c.logged_on;
  return c.substantiated === '是' ? asOf : c.logged_on;
}

/** Findings on staff, items, the center and the ledger are about the whole period: its last day. */
export function periodEnd(period: string): IsoDate {
  return lastDayOfMonth(period);
}
