/**
 * The working days around the sample period, so planted records can be placed by working
 * day ("the 4th working day of the month") and keep their meaning in any month.
 */
import { addDays, firstDayOfMonth, lastDayOfMonth } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/types.js';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import type { IsoDate } from '../ledger/types.js';

export class MonthDays {
  readonly first: IsoDate;
  readonly asOf: IsoDate;
  /** The period's working days, in order. */
  readonly working: IsoDate[] = [];
  /** The last working day on or before as-of. */
  readonly lastWorking: IsoDate;

  constructor(
    readonly cal: WorkCalendar,
    readonly period: string,
  ) {
    this.first = firstDayOfMonth(period);
    this.asOf = lastDayOfMonth(period);
    const needs = [addDays(this.first, -40), addDays(this.asOf, 60)];
    for (const d of needs) {
      if (!cal.covers(d)) {
        throw new DutyAuditError('bad-usage', msg('sample.outsideCalendar', { period, from: needs[0]!, to: needs[1]!, date: d }), {
          hint: msg('sample.outsideCalendar.hint', { year: d.slice(0, 4) }),
        });
      }
    }
    for (let d = this.first; d <= this.asOf; d = addDays(d, 1)) if (cal.isWorkingDay(d)) this.working.push(d);
    if (this.working.length < 15) {
      throw new DutyAuditError('bad-usage', msg('sample.fewWorkingDays', { period, n: this.working.length }), { hint: msg('sample.fewWorkingDays.hint') });
    }
    this.lastWorking = this.working[this.working.length - 1]!;
  }

  /** The n-th working day of the period (1-based); wd(-1) is the last working day before it. */
  wd(n: number): IsoDate {
    if (n > 0) {
      const d = this.working[n - 1];
      if (!d) throw new RangeError(`${this.period} has no working day ${n}`);
      return d;
    }
    let d = addDays(this.first, -1);
    for (let k = 0; ; d = addDays(d, -1)) if (this.cal.isWorkingDay(d) && --k === n) return d;
  }

  add(date: IsoDate, workingDays: number): IsoDate {
    return this.cal.addWorkingDays(date, workingDays);
  }

  between(from: IsoDate, to: IsoDate): number {
    return this.cal.workingDaysBetween(from, to);
  }

  /** Happened by as-of (a date after it cannot be written into this month's ledger). */
  byAsOf(date: IsoDate): boolean {
    return date <= this.asOf;
  }
}

/** The month before `period` (YYYY-MM): the month the history report is of. */
export function previousPeriod(period: string): string {
  const [y, mo] = period.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}
