/**
 * The limit a case is bound by, and its deadline (docs/time-limits.md, "The limit a case is
 * bound by"):
 * - the clock starts on 补齐日期 when the application was made complete later, else on 受理日期
 *   (行政许可法 §32); the day it starts is never counted;
 * - a 承诺件 or 上报件 is bound by its promise (承诺时限), but never beyond the item's statutory
 *   limit (事项公开 法定时限); with no promise, by the statutory limit alone;
 * - a 即办件 is due the day it is received (限时办结制/二 judges that); for 二.6 it is overdue
 *   once it is still not done past the statutory limit, so its deadline here is start + 法定时限;
 * - a 退回补正 case is with the applicant: no clock runs, it has no deadline;
 * - a case with neither a promise nor a statutory limit has no deadline.
 * A deadline past the last loaded calendar day is after every as-of the calendars can judge, so
 * it is recorded as "after YYYY-12-31" and the case is simply not yet overdue.
 */
import type { WorkCalendar } from '../calendar/types.js';
import type { CaseRecord, IsoDate } from '../ledger/types.js';

/** Which limit binds the case: the codes of the `limit_basis` fact (words in value-labels.ts). */
export const LIMIT_BASES = ['promise', 'statutory', 'promise-capped', 'none', 'with-applicant'] as const;
export type LimitBasis = (typeof LIMIT_BASES)[number];

export interface CaseLimit {
  basis: LimitBasis;
  /** Working days the case is bound by; null without a limit. */
  days: number | null;
  /** The day the clock starts: 补齐日期 when given (and not before receipt), else 受理日期. */
  start: IsoDate;
  /** The day it is due; null without a limit, or when the day runs past the calendars. */
  deadline: IsoDate | null;
  /** When the deadline runs past the calendars: the last covered day, which it is after. */
  after: IsoDate | null;
}

/** The day the clock starts (a 补齐日期 before the 受理日期 is a slip of the pen: receipt wins). */
export function clockStart(c: CaseRecord): IsoDate {
  const completed = c.materials_completed_on;
  return completed !== undefined && completed > c.received_on ? completed : c.received_on;
}

function boundDays(c: CaseRecord, statutoryDays: number | null): { basis: LimitBasis; days: number | null } {
  if (c.result === '退回补正') return { basis: 'with-applicant', days: null };
  if (c.kind === '即办件') return statutoryDays === null ? { basis: 'none', days: null } : { basis: 'statutory', days: statutoryDays };
  const promised = c.promised_days ?? null;
  if (promised === null) return statutoryDays === null ? { basis: 'none', days: null } : { basis: 'statutory', days: statutoryDays };
  if (statutoryDays !== null && promised > statutoryDays) return { basis: 'promise-capped', days: statutoryDays };
  return { basis: 'promise', days: promised };
}

/** What binds a case before the calendar is asked: which limit, how many working days, from when. */
export type BoundLimit = Pick<CaseLimit, 'basis' | 'days' | 'start'>;

/** `statutoryDays`: the item's 法定时限, null when the item is not listed or the items sheet is absent. */
export function boundLimit(c: CaseRecord, statutoryDays: number | null): BoundLimit {
  const { basis, days } = boundDays(c, statutoryDays);
  return { basis, days, start: clockStart(c) };
}

/**
 * The day a limit falls due: `days` working days after its start; undefined when that
 * runs past the last loaded calendar day (a start after it is itself past the calendars).
 * Throws the calendar's date-outside-calendar error when the start is in no loaded year.
 */
export function dueDay(start: IsoDate, days: number, cal: WorkCalendar): IsoDate | undefined {
  return start > cal.lastDay ? undefined : cal.tryAddWorkingDays(start, days);
}

/** The limit of a bound case whose due day is known (dueDay): null without a limit. */
export function limitDue(bound: BoundLimit, due: IsoDate | undefined, cal: WorkCalendar): CaseLimit {
  const { basis, days, start } = bound;
  if (days === null) return { basis, days, start, deadline: null, after: null };
  return due === undefined ? { basis, days, start, deadline: null, after: cal.lastDay } : { basis, days, start, deadline: due, after: null };
}

/**
 * `statutoryDays`: the item's 法定时限, null when the item is not listed or the items sheet is
 * absent (then only promises bind). Throws the calendar's date-outside-calendar error when the
 * clock's start is in no loaded year. An audit asks case-limits.ts, which works each case out once.
 */
export function caseLimit(c: CaseRecord, statutoryDays: number | null, cal: WorkCalendar): CaseLimit {
  const bound = boundLimit(c, statutoryDays);
  return limitDue(bound, bound.days === null ? undefined : dueDay(bound.start, bound.days, cal), cal);
}

/**
 * Working days past the deadline until `end` (the completion date, or as-of while open); 0 when
 * not late or when the deadline is after the calendars; null when the case has no deadline.
 */
export function overdueDays(limit: CaseLimit, end: IsoDate, cal: WorkCalendar): number | null {
  if (limit.after !== null) return 0;
  if (limit.deadline === null) return null;
  return end > limit.deadline ? cal.workingDaysBetween(limit.deadline, end) : 0;
}

/** Completed by its deadline: the figure 按期办结率 counts (a deadline after the calendars is not yet reached). */
export function completedOnTime(limit: CaseLimit, completedOn: IsoDate): boolean | null {
  if (limit.after !== null) return true;
  if (limit.deadline === null) return null;
  return completedOn <= limit.deadline;
}
