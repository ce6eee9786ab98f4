/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone can move a
 * date (docs/performance.md: exceljs dates are UTC). A day number counts days since 1970-01-01.
 */
import { isIsoDate } from '../iso-date.js';
import type { IsoDate } from '../ledger/types.js';

const MS_PER_DAY = 86_400_000;

/** The one `YYYY-MM-DD` check (src/iso-date.ts), beside the arithmetic that takes only what it passes. */
export { isIsoDate };

export function isoToDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function dayNumberToIso(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return (isoToDayNumber(date) + 4) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

/** Calendar days, not working days. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return dayNumberToIso(isoToDayNumber(date) + n);
}

/** `YYYY-MM` of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** The last day of a month, given as `YYYY-MM` or any date inside it. */
export function lastDayOfMonth(monthOrDate: string): IsoDate {
  const year = Number(monthOrDate.slice(0, 4));
  const month = Number(monthOrDate.slice(5, 7));
  if (!/^\d{4}-\d{2}/.test(monthOrDate) || month < 1 || month > 12) {
    throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(monthOrDate)}`);
  }
  return dayNumberToIso(Date.UTC(year, month, 0) / MS_PER_DAY);
}

/** The first day of a month, given as `YYYY-MM` or any date inside it. */
export function firstDayOfMonth(monthOrDate: string): IsoDate {
  return `${lastDayOfMonth(monthOrDate).slice(0, 7)}-01`;
}
