/**
 * Checks a schema-valid calendar year for sense: the schema cannot say that a date lies in
 * the file's year or that a make-up working day falls on a weekend.
 */
import type { CalendarYear } from './calendar.js';
import { isIsoDate, isoToDayNumber, isWeekend } from './dates.js';
import type { SchemaProblem } from './schema.js';
import { msg } from '../messages/catalogue.js';

export function checkCalendarYear(y: CalendarYear): SchemaProblem | undefined {
  const inYear = (d: string): boolean => isIsoDate(d) && d.startsWith(`${y.year}-`);
  for (const [i, h] of y.holidays.entries()) {
    for (const end of ['from', 'to'] as const) {
      if (!inYear(h[end])) return { pointer: `/holidays/${i}/${end}`, reason: msg('calendar.notInYear', { date: h[end], year: y.year }) };
    }
    if (isoToDayNumber(h.to) < isoToDayNumber(h.from)) {
      return { pointer: `/holidays/${i}/to`, reason: msg('calendar.toBeforeFrom', { to: h.to, from: h.from }) };
    }
  }
  const holidayDays = new Set<number>();
  for (const h of y.holidays) for (let d = isoToDayNumber(h.from); d <= isoToDayNumber(h.to); d++) holidayDays.add(d);
  for (const [i, w] of y.workdays.entries()) {
    if (!inYear(w.date)) return { pointer: `/workdays/${i}/date`, reason: msg('calendar.notInYear', { date: w.date, year: y.year }) };
    if (!isWeekend(w.date)) return { pointer: `/workdays/${i}/date`, reason: msg('calendar.weekdayMakeup', { date: w.date }) };
    if (holidayDays.has(isoToDayNumber(w.date))) return { pointer: `/workdays/${i}/date`, reason: msg('calendar.makeupInHoliday', { date: w.date }) };
  }
  return undefined;
}
