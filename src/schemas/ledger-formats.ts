/**
 * The string formats of the ledger schema, as the ledger validators check them: the committed
 * standalone code (generated/ledger.validator.ts imports `ledgerFormats`) and the fallback that
 * compiles an edited schema (ajv-instances.ts) call the same functions.
 *
 * `date` is ajv-formats' full `date` format (RFC 3339 full-date: `YYYY-MM-DD`, ASCII digits, a
 * real calendar day, 29 February in leap years only), written without its regular expression.
 * Every date cell of every ledger record is checked: ajv-formats' version allocates a match
 * array and three substrings per call, and was the largest single cost of validating a record
 * (a CPU profile of 100,000 case records, ~600,000 dates: 0.5 of 2.3 s profiled in the validator,
 * 8 rounds on the busy 2-core machine). test/schemas/ledger-formats.test.ts checks it agrees with
 * ajv-formats' function on every date of four centuries and on malformed texts.
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

/** `YYYY-MM-DD` naming a real calendar day. */
export function isFullDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!);
}

/** By format name, as ajv's `formats` option and standalone code refer to them. */
export const ledgerFormats = { date: isFullDate } as const;
