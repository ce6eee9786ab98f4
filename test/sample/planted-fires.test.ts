import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load.js';
import { generateSampleMonth } from '../../src/sample/generate.js';
import { expectedFindings, sortKey } from './oracle.js';

const cal = loadCalendar();

function plantedOf(month: ReturnType<typeof generateSampleMonth>): string[] {
  return month.planted.violations.map((v) => sortKey({ ruleId: v.ruleId, sheet: v.sheet, key: v.key, row: v.row, baseGrade: v.baseGrade })).sort();
}

describe('the planted list is exactly what the catalogue fires on (independent oracle)', () => {
  it('default month: every planted violation fires, nothing else does', () => {
    const month = generateSampleMonth();
    const expected = expectedFindings(month, cal).map(sortKey).sort();
    expect(expected).toEqual(plantedOf(month));
  });

  it.each([
    [7, 300],
    [99, 2_000],
    [123_456, 5_000],
  ])('seed %i with %i cases: the background stays clean at scale', (seed, cases) => {
    const month = generateSampleMonth({ seed, cases });
    const expected = expectedFindings(month, cal).map(sortKey).sort();
    expect(expected).toEqual(plantedOf(month));
  });

  it('a different period keeps the plants firing (2026-06, with 端午)', () => {
    const month = generateSampleMonth({ period: '2026-06', cases: 400 });
    const expected = expectedFindings(month, cal).map(sortKey).sort();
    expect(expected).toEqual(plantedOf(month));
    expect(new Set(month.planted.violations.map((v) => v.ruleId)).size).toBe(36);
  });
});

describe('periods the calendar cannot carry', () => {
  it('a month whose deadlines run past the last calendar year is a bad-usage error naming the year to add', () => {
    expect(() => generateSampleMonth({ period: '2026-11' })).toThrow(/2027-01-\d\d is outside the calendar/);
  });
  it('a malformed period is refused', () => {
    expect(() => generateSampleMonth({ period: '2026-13' })).toThrow(/YYYY-MM/);
  });
});
