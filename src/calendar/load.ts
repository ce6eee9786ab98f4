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
import { msg } from '../messages/catalogue.js';
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
    throw new DutyAuditError('bad-calendar', msg('calendar.unreadableFolder', { dir }), { file: dir, hint: msg('calendar.unreadableFolder.hint'), cause });
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
    throw new DutyAuditError('bad-calendar', msg('calendar.badJson', { file: shown, reason }), { file, hint: msg('calendar.badJson.hint'), cause });
  }
  const schemaProblem = validateCalendarJson(data);
  if (schemaProblem) {
    throw new DutyAuditError('bad-calendar', msg('calendar.schema', { file: shown, pointer: schemaProblem.pointer || '/', reason: schemaProblem.reason }), {
      file,
      hint: msg('calendar.schema.hint'),
    });
  }
  const year = { ...(data as CalendarYear), file };
  const problem = checkCalendarYear(year);
  if (problem) {
    throw new DutyAuditError('bad-calendar', msg('calendar.schema', { file: shown, pointer: problem.pointer, reason: problem.reason }), {
      file,
      hint: msg('calendar.sense.hint'),
    });
  }
  return year;
}

export function loadCalendar(dir: string = DEFAULT_CALENDAR_DIR): WorkCalendar {
  const files = calendarFiles(dir);
  if (files.length === 0) {
    throw new DutyAuditError('bad-calendar', msg('calendar.noFiles', { dir: shownCalendar(dir) }), { file: dir, hint: msg('calendar.noFiles.hint') });
  }
  const years = files.map(readCalendarFile);
  const seen = new Map<number, string>();
  for (const y of years) {
    const earlier = seen.get(y.year);
    if (earlier) {
      throw new DutyAuditError('bad-calendar', msg('calendar.duplicateYear', { file: shownCalendar(y.file!), year: y.year, earlier: shownCalendar(earlier) }), {
        file: y.file,
        hint: msg('calendar.duplicateYear.hint'),
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
