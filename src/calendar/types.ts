import type { IsoDate } from '../ledger/types.js';

/**
 * Working days (docs/time-limits.md): weekends and statutory holidays do not count, make-up working days
 * do; the start day is never counted. Every method throws a DutyAuditError
 * ('date-outside-calendar') for a date no loaded calendar covers — a guess would be wrong.
 */
export interface WorkCalendar {
  /** Years covered by the loaded calendar files. */
  readonly years: readonly number[];
  covers(date: IsoDate): boolean;
  isWorkingDay(date: IsoDate): boolean;
  /** The last day the loaded calendars cover (31 December of the last loaded year). */
  readonly lastDay: IsoDate;
  /** The date `n` working days after `date` (n ≥ 0; n = 0 returns `date`). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Like addWorkingDays, but undefined when the result runs past `lastDay`: such a date is
   * after every day the calendars cover, which is all a deadline needs to know to be "not yet
   * overdue" (docs/time-limits.md, across a year's end). `date` itself must be covered.
   */
  tryAddWorkingDays(date: IsoDate, n: number): IsoDate | undefined;
  /**
   * Working days in (from, to]: 0 when to ≤ from. So a deadline D and a completion C give
   * `workingDaysBetween(D, C)` working days overdue.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}
