/**
 * Checks a schema-valid calendar year for sense: the schema cannot say that a date lies in
 * the file's year or that a make-up working day falls on a weekend.
 */
import type { CalendarYear } from './calendar.js';
import { isIsoDate, isoToDayNumber, isWeekend } from './dates.js';
import type { SchemaProblem } from './schema.js';

export function checkCalendarYear(y: CalendarYear): SchemaProblem | undefined {
  const inYear = (d: string): boolean => isIsoDate(d) && d.startsWith(`${y.year}-`);
  for (const [i, h] of y.holidays.entries()) {
    for (const end of ['from', 'to'] as const) {
      if (!inYear(h[end])) return { pointer: `/holidays/${i}/${end}`, reason: `${h[end]} is not a date in ${y.year}` };
    }
    if (isoToDayNumber(h.to) < isoToDayNumber(h.from)) {
      return { pointer: `/holidays/${i}/to`, reason: `${h.to} is before ${h.from}` };
    }
  }
  const holidayDays = new Set<number>();
  for (const h of y.holidays) for (let d = isoToDayNumber(h.from); d <= isoToDayNumber(h.to); d++) holidayDays.add(d);
  for (const [i, w] of y.workdays.entries()) {
    if (!inYear(w.date)) return { pointer: `/workdays/${i}/date`, reason: `${w.date} is not a date in ${y.year}` };
    if (!isWeekend(w.date)) return { pointer: `/workdays/${i}/date`, reason: `${w.date} is a weekday; a make-up working day is a Saturday or Sunday` };
    if (holidayDays.has(isoToDayNumber(w.date))) return { pointer: `/workdays/${i}/date`, reason: `${w.date} is also inside a holiday` };
  }
  return undefined;
}
