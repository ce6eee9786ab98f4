import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarFiles, DEFAULT_CALENDAR_DIR, loadCalendar } from '../../src/calendar/load.js';
import { DutyAuditError } from '../../src/errors.js';

function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-audit-cal-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const good2027 = {
  year: 2027,
  source: 'test',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
  workdays: [{ date: '2027-01-02', name: '元旦' }],
};

function loadError(files: Record<string, unknown>): DutyAuditError {
  try {
    loadCalendar(folderWith(files));
  } catch (err) {
    if (err instanceof DutyAuditError) return err;
    throw err;
  }
  throw new Error('expected loadCalendar to fail');
}

describe('calendarFiles', () => {
  it('lists the shipped years, sorted, as paths', () => {
    const files = calendarFiles();
    expect(files.map((f) => basename(f))).toEqual(['cn-2024.json', 'cn-2025.json', 'cn-2026.json']);
    expect(files[0]).toBe(join(DEFAULT_CALENDAR_DIR, 'cn-2024.json'));
  });
  it('ignores files that are not JSON', () => {
    const dir = folderWith({ 'cn-2027.json': good2027, 'README.md': '# notes' });
    expect(calendarFiles(dir).map((f) => basename(f))).toEqual(['cn-2027.json']);
  });
  it('a missing folder is a bad-calendar error naming it', () => {
    expect(() => calendarFiles('/nonexistent/calendar')).toThrow(/\/nonexistent\/calendar/);
  });
});

describe('loadCalendar', () => {
  it('a reviewer adds a year by adding a file, no code', () => {
    const dir = folderWith({ 'cn-2027.json': good2027 });
    copyFileSync(join(DEFAULT_CALENDAR_DIR, 'cn-2026.json'), join(dir, 'cn-2026.json'));
    const cal = loadCalendar(dir);
    expect(cal.years).toEqual([2026, 2027]);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-01-02')).toBe(true);
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-02');
  });

  it('a gap year between loaded years is outside the calendar', () => {
    const dir = folderWith({ 'cn-2027.json': good2027 });
    copyFileSync(join(DEFAULT_CALENDAR_DIR, 'cn-2025.json'), join(dir, 'cn-2025.json'));
    const cal = loadCalendar(dir);
    expect(cal.covers('2026-06-01')).toBe(false);
    expect(() => cal.workingDaysBetween('2025-12-01', '2027-01-05')).toThrow(/2026-01-01 is outside/);
    expect(() => cal.addWorkingDays('2025-12-31', 1)).toThrow(/2026-01-01 is outside/);
  });

  it('an empty folder is an error', () => {
    const err = loadError({});
    expect(err.code).toBe('bad-calendar');
    expect(err.hint).toContain('cn-YYYY.json');
  });

  it('broken JSON names the file', () => {
    const err = loadError({ 'cn-2027.json': '{ "year": 2027, ' });
    expect(err.code).toBe('bad-calendar');
    expect(err.message).toContain('cn-2027.json');
    expect(err.message).toContain('not valid JSON');
  });

  it.each([
    ['a malformed date', { ...good2027, holidays: [{ name: '元旦', from: '2027-1-1', to: '2027-01-01' }] }, '/holidays/0/from'],
    ['an impossible date', { ...good2027, workdays: [{ date: '2027-02-30', name: 'x' }] }, '/workdays/0/date'],
    ['a missing field', { year: 2027, source: 'x', holidays: [] }, "must have required property 'workdays'"],
    ['an unknown field', { ...good2027, notes: 'x' }, 'notes'],
    ['a string year', { ...good2027, year: '2027' }, '/year'],
  ])('schema: %s is reported with its JSON pointer', (_what, content, where) => {
    const err = loadError({ 'cn-2027.json': content });
    expect(err.code).toBe('bad-calendar');
    expect(err.message).toContain('cn-2027.json');
    expect(err.message).toContain(where);
    expect(err.hint).toContain('calendar.schema.json');
  });

  it.each([
    ['a holiday in another year', { ...good2027, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }] }, '/holidays/0/from', 'not a date in 2027'],
    ['a holiday ending before it starts', { ...good2027, holidays: [{ name: '春节', from: '2027-02-10', to: '2027-02-06' }] }, '/holidays/0/to', 'before'],
    ['a make-up day on a weekday', { ...good2027, workdays: [{ date: '2027-01-04', name: '元旦' }] }, '/workdays/0/date', 'weekday'],
    ['a make-up day in another year', { ...good2027, workdays: [{ date: '2026-12-26', name: '元旦' }] }, '/workdays/0/date', 'not a date in 2027'],
    ['a make-up day inside a holiday', { ...good2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] }, '/workdays/0/date', 'inside a holiday'],
  ])('sense check: %s', (_what, content, pointer, reason) => {
    const err = loadError({ 'cn-2027.json': content });
    expect(err.code).toBe('bad-calendar');
    expect(err.message).toContain(`cn-2027.json: ${pointer}`);
    expect(err.message).toContain(reason);
  });

  it('two files for one year are an error', () => {
    const err = loadError({ 'cn-2027.json': good2027, 'cn-2027-copy.json': good2027 });
    expect(err.message).toMatch(/2027 is already given by/);
  });

  it('the shipped files declare the schema and their notice', () => {
    for (const file of calendarFiles()) {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      expect(data.$schema).toBe('../../schemas/calendar.schema.json');
      expect(data.source).toMatch(/^国务院办公厅关于\d{4}年部分节假日安排的通知$/);
      expect(basename(file)).toBe(`cn-${data.year}.json`);
    }
  });
});
