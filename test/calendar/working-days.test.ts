import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load.js';
import { DutyAuditError } from '../../src/errors.js';

const cal = loadCalendar();

describe('the shipped calendar (docs/time-limits.md)', () => {
  it('covers 2024, 2025 and 2026', () => {
    expect(cal.years).toEqual([2024, 2025, 2026]);
    expect(cal.lastDay).toBe('2026-12-31');
    expect(cal.covers('2024-01-01')).toBe(true);
    expect(cal.covers('2024-12-31')).toBe(true);
    expect(cal.covers('2025-01-01')).toBe(true);
    expect(cal.covers('2026-12-31')).toBe(true);
    expect(cal.covers('2027-01-01')).toBe(false);
    expect(cal.covers('2023-12-31')).toBe(false);
    expect(cal.covers('2026-02-30')).toBe(false);
  });

  it.each([
    // 2026 国庆 10-01…10-07, make-up 9-20 (Sun) and 10-10 (Sat)
    ['2026-09-30', true], ['2026-10-01', false], ['2026-10-07', false], ['2026-10-08', true],
    ['2026-09-20', true], ['2026-10-10', true], ['2026-10-11', false], ['2026-10-17', false],
    // 2026 中秋 9-25…9-27 (Fri–Sun)
    ['2026-09-24', true], ['2026-09-25', false], ['2026-09-28', true],
    // 2026 春节 2-15…2-23, make-up 2-14 and 2-28 (Saturdays)
    ['2026-02-13', true], ['2026-02-14', true], ['2026-02-16', false], ['2026-02-23', false],
    ['2026-02-24', true], ['2026-02-28', true], ['2026-03-01', false],
    // 2026 元旦 1-01…1-03, make-up 1-04 (Sun); 劳动节 5-01…5-05, make-up 5-09; 端午 6-19…6-21
    ['2026-01-02', false], ['2026-01-04', true], ['2026-05-05', false], ['2026-05-06', true],
    ['2026-05-09', true], ['2026-06-19', false], ['2026-04-06', false],
    // 2025: 春节 1-28…2-04 with make-up 1-26, 2-08; 国庆·中秋 10-01…10-08 with 9-28, 10-11
    ['2025-01-26', true], ['2025-01-28', false], ['2025-02-04', false], ['2025-02-05', true],
    ['2025-02-08', true], ['2025-04-27', true], ['2025-05-05', false], ['2025-06-02', false],
    ['2025-09-28', true], ['2025-10-08', false], ['2025-10-09', true], ['2025-10-11', true],
    // 2024 (国办发明电〔2023〕7号): 元旦 1-01; 春节 2-10…2-17, make-up 2-04, 2-18; 清明 4-04…4-06,
    // make-up 4-07; 劳动节 5-01…5-05, make-up 4-28, 5-11; 端午 6-10; 中秋 9-15…9-17, make-up 9-14;
    // 国庆 10-01…10-07, make-up 9-29, 10-12
    ['2024-01-01', false], ['2024-01-02', true], ['2024-02-04', true], ['2024-02-09', true],
    ['2024-02-10', false], ['2024-02-16', false], ['2024-02-17', false], ['2024-02-18', true],
    ['2024-04-04', false], ['2024-04-05', false], ['2024-04-07', true], ['2024-04-28', true],
    ['2024-05-01', false], ['2024-05-03', false], ['2024-05-06', true], ['2024-05-11', true],
    ['2024-06-10', false], ['2024-06-11', true], ['2024-09-14', true], ['2024-09-16', false],
    ['2024-09-17', false], ['2024-09-29', true], ['2024-10-01', false], ['2024-10-07', false],
    ['2024-10-08', true], ['2024-10-12', true], ['2024-12-31', true],
    // an ordinary week
    ['2026-10-12', true], ['2026-10-16', true], ['2026-10-18', false],
  ])('%s working day: %s', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });
});

describe('addWorkingDays', () => {
  it('skips the whole National Day holiday: 2026-09-30 + 1 = 2026-10-08', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });
  it('counts the make-up Saturday 2026-10-10', () => {
    expect(cal.addWorkingDays('2026-10-08', 1)).toBe('2026-10-09');
    expect(cal.addWorkingDays('2026-10-08', 2)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-10-08', 3)).toBe('2026-10-12');
  });
  it('counts the make-up Sunday 2026-09-20', () => {
    expect(cal.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(cal.addWorkingDays('2026-09-19', 1)).toBe('2026-09-20');
  });
  it('agrees with the example rule case: 承诺件 of 2026-09-23 + 5 is due 2026-10-08', () => {
    expect(cal.addWorkingDays('2026-09-23', 5)).toBe('2026-10-08');
  });
  it('starts counting after the start day even when the start is a holiday', () => {
    expect(cal.addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-10-17', 1)).toBe('2026-10-19');
  });
  it('n = 0 returns the date itself, working day or not', () => {
    expect(cal.addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
    expect(cal.addWorkingDays('2026-10-12', 0)).toBe('2026-10-12');
  });
  it('spans the 2026 春节 with its make-up days', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-27', 1)).toBe('2026-02-28');
    expect(cal.addWorkingDays('2026-02-28', 1)).toBe('2026-03-02');
  });
  it('spans 2025 国庆·中秋', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-10-10', 1)).toBe('2025-10-11');
  });
  it('crosses the year boundary 2025-12-31 → 2026 (元旦 1-01…1-03, 1-04 worked)', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2);
  });
  it('rejects a negative or fractional count', () => {
    expect(() => cal.addWorkingDays('2026-10-12', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-10-12', 1.5)).toThrow(RangeError);
  });
  it('is the inverse of workingDaysBetween', () => {
    for (const start of ['2025-01-20', '2025-09-26', '2026-02-10', '2026-09-17', '2026-12-01']) {
      for (let n = 0; n <= 20; n++) {
        const end = cal.addWorkingDays(start, n);
        expect(cal.workingDaysBetween(start, end)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(end)).toBe(true);
      }
    }
  });
});

describe('workingDaysBetween: working days in (from, to]', () => {
  it.each([
    ['2026-09-30', '2026-10-08', 1],
    ['2026-09-30', '2026-10-07', 0],
    ['2026-10-08', '2026-10-12', 3],
    ['2026-10-12', '2026-10-12', 0],
    ['2026-10-13', '2026-10-12', 0],
    ['2026-10-16', '2026-10-19', 1],
    ['2026-10-17', '2026-10-18', 0],
    // 10-08, 10-09, the make-up 10-10, then three full weeks
    ['2026-10-01', '2026-10-31', 18],
    ['2026-09-30', '2026-10-31', 18],
    ['2026-09-19', '2026-09-20', 1],
    // 261 weekdays − 18 weekday holidays + 5 make-up days (1-01 is a holiday, so excluding it changes nothing)
    ['2025-01-01', '2025-12-31', 248],
    // 261 weekdays − 19 weekday holidays + 6 make-up days
    ['2026-01-01', '2026-12-31', 248],
    // 262 weekdays − 19 weekday holidays + 8 make-up days
    ['2024-01-01', '2024-12-31', 251],
    // December 2024 into January 2025 (元旦 2025-01-01 is a holiday)
    ['2024-12-27', '2025-01-03', 4],
  ])('(%s, %s] = %i', (from, to, n) => {
    expect(cal.workingDaysBetween(from, to)).toBe(n);
  });

  it('matches a day-by-day count everywhere in October 2026', () => {
    const days = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    for (const from of days) {
      for (const to of days) {
        const slow = days.filter((d) => d > from && d <= to && cal.isWorkingDay(d)).length;
        expect(cal.workingDaysBetween(from, to)).toBe(slow);
      }
    }
  });
});

describe('dates outside the calendar', () => {
  function thrown(f: () => unknown): DutyAuditError {
    try {
      f();
    } catch (err) {
      if (err instanceof DutyAuditError) return err;
      throw err;
    }
    throw new Error('expected a DutyAuditError');
  }

  it('a date in 2027 throws date-outside-calendar with the fix', () => {
    const err = thrown(() => cal.isWorkingDay('2027-01-04'));
    expect(err.code).toBe('date-outside-calendar');
    expect(err.message).toContain('2027-01-04');
    expect(err.hint).toContain('rules/calendar/cn-2027.json');
  });
  it('so does a date in 2023, in either argument', () => {
    expect(thrown(() => cal.workingDaysBetween('2023-12-29', '2024-01-02')).hint).toContain('cn-2023.json');
    expect(thrown(() => cal.workingDaysBetween('2026-12-30', '2027-01-02')).hint).toContain('cn-2027.json');
  });
  it('adding past the last loaded year names the next year', () => {
    const err = thrown(() => cal.addWorkingDays('2026-12-30', 2));
    expect(err.code).toBe('date-outside-calendar');
    expect(err.hint).toContain('cn-2027.json');
    expect(cal.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
  });
  it('tryAddWorkingDays says "after the last loaded day" instead of throwing: a deadline in 2027 is simply not yet due', () => {
    expect(cal.tryAddWorkingDays('2026-12-30', 2)).toBeUndefined();
    expect(cal.tryAddWorkingDays('2026-12-21', 20)).toBeUndefined();
    expect(cal.tryAddWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(cal.tryAddWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
  });
  it('tryAddWorkingDays still refuses a start date outside the calendar', () => {
    expect(thrown(() => cal.tryAddWorkingDays('2027-01-04', 1)).code).toBe('date-outside-calendar');
    expect(thrown(() => cal.tryAddWorkingDays('2023-12-29', 1)).hint).toContain('cn-2023.json');
  });
  it('an impossible date is an error, not a guess', () => {
    expect(thrown(() => cal.isWorkingDay('2026-02-30')).code).toBe('date-outside-calendar');
  });
});
