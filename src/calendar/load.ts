/**
 * Loads the working-day calendar: every `*.json` under rules/calendar, validated against
 * schemas/calendar.schema.json and then checked for sense (dates inside the stated year,
 * make-up days on weekends, one file per year). Any problem stops the run: an audit on a
 * wrong calendar would grade people on wrong deadlines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../display-path.js';
import { DutyAuditError } from '../errors.js';
import { DEFAULT_RULES_DIR, PACKAGE_ROOT } from '../paths.js';
import { YearCalendar, type CalendarYear } from './calendar.js';
import { validateCalendarJson } from './schema.js';
import { checkCalendarYear } from './check.js';
import type { WorkCalendar } from './types.js';

export const DEFAULT_CALENDAR_DIR = join(DEFAULT_RULES_DIR, 'calendar');

/** The calendar files of a folder, sorted (also hashed into the rule-set hash). */
export function calendarFiles(dir: string = DEFAULT_CALENDAR_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw new DutyAuditError('bad-calendar', `cannot read the calendar folder ${dir}`, {
      file: dir,
      hint: 'point --rules at a folder holding calendar/cn-YYYY.json',
      cause,
    });
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n));
}

/** Reads one calendar file; throws DutyAuditError('bad-calendar') naming the file and place. */
export function readCalendarFile(file: string): CalendarYear {
  const shown = shownCalendar(file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DutyAuditError('bad-calendar', `${shown}: not valid JSON (${reason})`, { file, hint: 'fix the JSON syntax', cause });
  }
  const schemaProblem = validateCalendarJson(data);
  if (schemaProblem) {
    throw new DutyAuditError('bad-calendar', `${shown}: ${schemaProblem.pointer || '/'} ${schemaProblem.reason}`, {
      file,
      hint: 'the file must follow schemas/calendar.schema.json',
    });
  }
  const year = { ...(data as CalendarYear), file };
  const problem = checkCalendarYear(year);
  if (problem) {
    throw new DutyAuditError('bad-calendar', `${shown}: ${problem.pointer} ${problem.reason}`, {
      file,
      hint: 'copy the dates from the 国务院办公厅 notice for that year',
    });
  }
  return year;
}

export function loadCalendar(dir: string = DEFAULT_CALENDAR_DIR): WorkCalendar {
  const files = calendarFiles(dir);
  if (files.length === 0) {
    throw new DutyAuditError('bad-calendar', `no calendar files in ${shownCalendar(dir)}`, {
      file: dir,
      hint: 'add rules/calendar/cn-YYYY.json for every year the ledger touches',
    });
  }
  const years = files.map(readCalendarFile);
  const seen = new Map<number, string>();
  for (const y of years) {
    const earlier = seen.get(y.year);
    if (earlier) {
      throw new DutyAuditError('bad-calendar', `${shownCalendar(y.file!)}: /year ${y.year} is already given by ${shownCalendar(earlier)}`, {
        file: y.file,
        hint: 'keep one file per year',
      });
    }
    seen.set(y.year, y.file!);
  }
  return new YearCalendar(years);
}

/** Shipped calendars by their place in the package (rules/calendar/cn-2026.json); others in full. */
function shownCalendar(file: string): string {
  return displayPath(file, PACKAGE_ROOT);
}
