import { describe, expect, it } from 'vitest';
import {
  addDays, dayNumberToIso, firstDayOfMonth, isIsoDate, isoToDayNumber, isWeekend, lastDayOfMonth, monthOf, weekdayOf,
} from '../../src/calendar/dates.js';

describe('date helpers (UTC day numbers)', () => {
  it('day numbers count from 1970-01-01', () => {
    expect(isoToDayNumber('1970-01-01')).toBe(0);
    expect(isoToDayNumber('1970-01-02')).toBe(1);
    expect(dayNumberToIso(isoToDayNumber('2026-10-08'))).toBe('2026-10-08');
  });
  it('round-trips every day of 2024–2027', () => {
    let day = isoToDayNumber('2024-01-01');
    for (let i = 0; i < 4 * 366; i++, day++) expect(isoToDayNumber(dayNumberToIso(day))).toBe(day);
  });
  it('rejects what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-2-3', '2026-02-30', '2026/10/03', '', '2026-13-01']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => isoToDayNumber(bad)).toThrow(RangeError);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });
  it('takes no date before the year 0100, which Date.UTC would place in the 1900s (kept when the ledger format’s copy, which took them, became this one)', () => {
    for (const early of ['0000-01-01', '0050-01-31', '0099-12-31']) {
      expect(isIsoDate(early)).toBe(false);
      expect(() => isoToDayNumber(early)).toThrow(RangeError);
    }
    expect(dayNumberToIso(isoToDayNumber('0100-03-01'))).toBe('0100-03-01');
  });
  it('weekdays', () => {
    expect(weekdayOf('2026-10-01')).toBe(4);
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(weekdayOf('2026-09-20')).toBe(0);
    expect(isWeekend('2026-10-10')).toBe(true);
    expect(isWeekend('2026-10-12')).toBe(false);
  });
  it('months', () => {
    expect(monthOf('2026-10-08')).toBe('2026-10');
    expect(lastDayOfMonth('2026-10')).toBe('2026-10-31');
    expect(lastDayOfMonth('2026-02-14')).toBe('2026-02-28');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(firstDayOfMonth('2026-10-17')).toBe('2026-10-01');
    expect(() => lastDayOfMonth('2026-13')).toThrow(RangeError);
  });
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
