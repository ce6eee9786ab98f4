/**
 * The working-day calendar over the loaded years. Audits ask for deadlines and delays for
 * every case several times, so everything is precomputed: a prefix count of working days per
 * day number makes `workingDaysBetween` O(1), and the list of working days in order makes
 * `addWorkingDays` O(1).
 */
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';
import type { IsoDate } from '../ledger/types.js';
import { dayNumberToIso, isIsoDate, isoToDayNumber } from './dates.js';
import type { WorkCalendar } from './types.js';

/** One year's schedule as read from `rules/calendar/cn-YYYY.json`. */
export interface CalendarYear {
  year: number;
  source: string;
  holidays: { name: string; from: IsoDate; to: IsoDate }[];
  workdays: { date: IsoDate; name: string }[];
  /** The file it came from, for messages. */
  file?: string;
}

export class YearCalendar implements WorkCalendar {
  readonly years: readonly number[];
  readonly lastDay: IsoDate;
  /** Day number of index 0 (1 January of the first year). */
  private readonly firstDay: number;
  private readonly covered: Uint8Array;
  private readonly working: Uint8Array;
  /** workingUpTo[i] = working days in [0, i]. */
  private readonly workingUpTo: Int32Array;
  /** uncoveredUpTo[i] = uncovered days in [0, i] (a gap year between loaded years). */
  private readonly uncoveredUpTo: Int32Array;
  /** The index of the k-th working day (k from 0). */
  private readonly workingDayIndex: Int32Array;
  /** Date text ↔ index for covered days: parsing a date costs more than the count itself. */
  private readonly indexByIso = new Map<IsoDate, number>();
  private readonly isoByIndex: IsoDate[] = [];

  constructor(schedule: readonly CalendarYear[]) {
    if (schedule.length === 0) throw new DutyAuditError('bad-calendar', msg('calendar.noYear'), { hint: msg('calendar.noYear.hint') });
    const years = [...new Set(schedule.map((y) => y.year))].sort((a, b) => a - b);
    this.years = years;
    const first = years[0]!;
    const last = years[years.length - 1]!;
    this.firstDay = isoToDayNumber(`${first}-01-01`);
    this.lastDay = `${last}-12-31`;
    const size = isoToDayNumber(`${last}-12-31`) - this.firstDay + 1;
    this.covered = new Uint8Array(size);
    this.working = new Uint8Array(size);
    for (const y of schedule) this.fillYear(y);
    this.workingUpTo = new Int32Array(size);
    this.uncoveredUpTo = new Int32Array(size);
    let working = 0;
    let uncovered = 0;
    for (let i = 0; i < size; i++) {
      working += this.working[i]!;
      uncovered += 1 - this.covered[i]!;
      this.workingUpTo[i] = working;
      this.uncoveredUpTo[i] = uncovered;
    }
    this.workingDayIndex = new Int32Array(working);
    for (let i = 0, k = 0; i < size; i++) if (this.working[i]) this.workingDayIndex[k++] = i;
    for (let i = 0; i < size; i++) {
      const iso = dayNumberToIso(i + this.firstDay);
      this.isoByIndex.push(iso);
      if (this.covered[i]) this.indexByIso.set(iso, i);
    }
  }

  private fillYear(y: CalendarYear): void {
    const start = isoToDayNumber(`${y.year}-01-01`) - this.firstDay;
    const end = isoToDayNumber(`${y.year}-12-31`) - this.firstDay;
    for (let i = start; i <= end; i++) {
      const weekday = (i + this.firstDay + 4) % 7;
      this.covered[i] = 1;
      this.working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
    }
    for (const h of y.holidays) {
      for (let d = isoToDayNumber(h.from); d <= isoToDayNumber(h.to); d++) this.working[d - this.firstDay] = 0;
    }
    for (const w of y.workdays) this.working[isoToDayNumber(w.date) - this.firstDay] = 1;
  }

  /** The array index of a covered date, or a clear error naming the missing year. */
  private indexOf(date: IsoDate): number {
    const known = this.indexByIso.get(date);
    if (known !== undefined) return known;
    if (!isIsoDate(date)) {
      throw new DutyAuditError('date-outside-calendar', msg('calendar.notADate', { value: date }), { hint: msg('calendar.notADate.hint') });
    }
    const i = isoToDayNumber(date) - this.firstDay;
    if (i < 0 || i >= this.covered.length || !this.covered[i]) throw outside(date, this.years);
    return i;
  }

  covers(date: IsoDate): boolean {
    if (this.indexByIso.has(date)) return true;
    if (!isIsoDate(date)) return false;
    const i = isoToDayNumber(date) - this.firstDay;
    return i >= 0 && i < this.covered.length && this.covered[i] === 1;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.working[this.indexOf(date)] === 1;
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const found = this.tryAddWorkingDays(date, n);
    if (found === undefined) {
      const beyond = this.years[this.years.length - 1]! + 1;
      throw outside(`${beyond}-01-01`, this.years, msg('calendar.outside.pastLast', { n, date }));
    }
    return found;
  }

  tryAddWorkingDays(date: IsoDate, n: number): IsoDate | undefined {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number ≥ 0, got ${n}`);
    const i = this.indexOf(date);
    if (n === 0) return date;
    const k = this.workingUpTo[i]! + n - 1;
    if (k >= this.workingDayIndex.length) return undefined;
    const target = this.workingDayIndex[k]!;
    this.assertNoGap(i, target);
    return this.isoByIndex[target]!;
  }

  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const i = this.indexOf(from);
    const j = this.indexOf(to);
    if (j <= i) return 0;
    this.assertNoGap(i, j);
    return this.workingUpTo[j]! - this.workingUpTo[i]!;
  }

  /** A span crossing a year with no calendar file cannot be counted. */
  private assertNoGap(i: number, j: number): void {
    if (this.uncoveredUpTo[j]! === this.uncoveredUpTo[i]!) return;
    let gap = i;
    while (this.covered[gap]) gap++;
    throw outside(dayNumberToIso(gap + this.firstDay), this.years);
  }
}

function outside(date: IsoDate, years: readonly number[], why?: Message): DutyAuditError {
  const year = date.slice(0, 4);
  const what = why ?? msg('calendar.outside.date', { date });
  return new DutyAuditError('date-outside-calendar', msg('calendar.outside', { what, years: years.map(String), year }), {
    hint: msg('calendar.outside.hint', { year }),
  });
}
