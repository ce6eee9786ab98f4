/**
 * What a `YYYY-MM-DD` date is, for every layer that takes one: the ledger validators' `date`
 * format (schemas/ledger-formats.ts), --as-of, the calendar files and the history reports
 * (calendar/dates.ts). Below both the schemas and the calendar, which imports the schemas.
 *
 * Written without a regular expression or a Date: every date cell of every ledger record is
 * checked, and ajv-formats' `date` allocates a match array and three substrings per call; it was
 * the largest single cost of validating a record (a CPU profile of 100,000 case records,
 * ~600,000 dates: 0.5 of 2.3 s profiled in the validator, 8 rounds on the busy 2-core machine).
 * It answers as ajv-formats' full `date` (RFC 3339 full-date: ASCII digits, a real calendar day,
 * 29 February in leap years only) from the year 0100 on; test/schemas/ledger-formats.test.ts
 * compares the two on every date of four centuries and on malformed texts.
 *
 * Years 0000–0099 are refused, unlike ajv-formats: the calendar's day arithmetic (Date.UTC)
 * reads them as 1900–1999, so such a date could only be misplaced. No ledger cell gives one
 * (ledger/cells/date.ts takes years from 1900 on); an --as-of of `0026-10-31` is a typo.
 */

/** Days in each month of a common year (index 1 = January). */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const ZERO = 0x30;
const HYPHEN = 0x2d;

/** The value of the ASCII digits at [from, to), or -1 if any is not one. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** True for a real calendar date written `YYYY-MM-DD`, from 0100-01-01 on (so `2026-02-30` is false). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!);
}
