import { describe, expect, test } from 'vitest';
import { parseDate } from '../../../src/ledger/cells/date.js';
import type { RawValue } from '../../../src/ledger/raw-value.js';

const system1900 = { date1904: false };
const system1904 = { date1904: true };

const accepted: [string, RawValue, string][] = [
  ['an Excel date cell (UTC midnight)', new Date(Date.UTC(2026, 9, 3)), '2026-10-03'],
  ['a date cell with a time of day', new Date(Date.UTC(2026, 9, 3, 23, 59)), '2026-10-03'],
  ['an Excel serial', 46298, '2026-10-03'],
  ['a serial with a time fraction', 46298.75, '2026-10-03'],
  ['serial 1 (1900-01-01)', 1, '1900-01-01'],
  ['serial 59 (1900-02-28)', 59, '1900-02-28'],
  ['serial 61 (1900-03-01, after the fictitious leap day)', 61, '1900-03-01'],
  ['ISO text', '2026-10-03', '2026-10-03'],
  ['slashes without zero padding', '2026/10/3', '2026-10-03'],
  ['dots', '2026.10.3', '2026-10-03'],
  ['Chinese', '2026年10月3日', '2026-10-03'],
  ['Chinese without 日', '2026年10月3', '2026-10-03'],
  ['full-width digits', '２０２６年１０月３日', '2026-10-03'],
  ['text with a time of day', '2026/10/3 9:30', '2026-10-03'],
  ['ISO with seconds', '2026-10-03T09:30:15', '2026-10-03'],
  ['surrounding spaces', '  2026-10-03 ', '2026-10-03'],
  ['a leap day', '2028-02-29', '2028-02-29'],
  // Regression: a CSV exported from a "General"-formatted date column carries the serial as text.
  ['a serial written as text (CSV)', '46298', '2026-10-03'],
  ['a serial with a fraction written as text', '46298.5', '2026-10-03'],
];

const refused: [string, RawValue][] = [
  ['a day that does not exist', '2026-02-30'],
  ['29 February of a common year', '2026-02-29'],
  ['month 13', '2026/13/1'],
  ['day 0', '2026.10.0'],
  ['mixed separators', '2026-10/3'],
  ['two-digit year', '26-10-03'],
  ['day-first', '03/10/2026'],
  ['words', '下周一'],
  ['a bare year as text (not a five-digit serial)', '2026'],
  ['an eight-digit number as text', '20261003'],
  ['a boolean', true],
  ['serial 0', 0],
  ['a negative serial', -5],
  ["Excel's fictitious 1900-02-29 (serial 60)", 60],
  ['a serial past 9999-12-31', 3_000_000],
  ['an invalid Date', new Date(Number.NaN)],
  ['a time-only cell (1899-12-30)', new Date(Date.UTC(1899, 11, 30, 9, 30))],
];

describe('parseDate', () => {
  test.each(accepted)('reads %s', (_, value, expected) => {
    expect(parseDate(value, system1900)).toEqual({ ok: true, value: expected });
  });

  test.each(refused)('refuses %s as bad-date', (_, value) => {
    expect(parseDate(value, system1900)).toEqual({ ok: false, code: 'bad-date' });
  });

  test('counts serials from 1904-01-01 in the 1904 date system', () => {
    expect(parseDate(0 + 44836, system1904)).toEqual({ ok: true, value: '2026-10-03' });
    expect(parseDate(60, system1904)).toEqual({ ok: true, value: '1904-03-01' });
  });
});
