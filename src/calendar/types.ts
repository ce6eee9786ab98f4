import type { IsoDate } from '../ledger/types.js';

/**
 * Working days (SPEC §3): weekends and statutory holidays do not count, make-up working days
 * do; the start day is never counted. Every method throws a DutyAuditError
 * ('date-outside-calendar') for a date no loaded calendar covers — a guess would be wrong.
 */
export interface WorkCalendar {
  /** Years covered by the loaded calendar files. */
  readonly years: readonly number[];
  covers(date: IsoDate): boolean;
  isWorkingDay(date: IsoDate): boolean;
  /** The date `n` working days after `date` (n ≥ 0; n = 0 returns `date`). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days in (from, to]: 0 when to ≤ from. So a deadline D and a completion C give
   * `workingDaysBetween(D, C)` working days overdue.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}
