/** Counts and day limits: whole numbers, optionally with a unit (`5个工作日`, `3次`); `2.5` is a data issue. */
import type { RawValue } from '../raw-value.js';
import { readNumber } from './number.js';
import { ok, unreadable, type Parsed } from './parsed.js';

const UNIT_SUFFIX = /\s*(?:个工作日|工作日|天|日|次|件|个|分钟|分)$/;
/** Float noise from formulas (`=0.1*30`) is not a fraction anyone wrote. */
const TOLERANCE = 1e-9;

export function parseInteger(value: RawValue): Parsed<number> {
  const number = readNumber(value, UNIT_SUFFIX);
  if (number === undefined) return unreadable('bad-integer');
  const whole = Math.round(number);
  return Math.abs(number - whole) < TOLERANCE ? ok(whole) : unreadable('bad-integer');
}
