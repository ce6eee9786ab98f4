/** Amounts in yuan: `1200`, `1,200`, `1200元`, `¥1200`, `1,200.50 元`, and number cells. */
import type { RawValue } from '../raw-value.js';
import { foldText, ok, unreadable, type Parsed } from './parsed.js';

const CURRENCY_PREFIX = /^(?:¥|RMB|CNY)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|圆|块)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function parseNumber(value: RawValue): Parsed<number> {
  const number = readNumber(value);
  return number === undefined ? unreadable('bad-number') : ok(number);
}

/** The number a cell holds, or undefined; `unitSuffix` strips a unit word (integers use 天, 次...). */
export function readNumber(value: RawValue, unitSuffix: RegExp = CURRENCY_SUFFIX): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let text = foldText(value).replace(CURRENCY_PREFIX, '').replace(unitSuffix, '').trim();
  if (GROUPED.test(text)) text = text.replaceAll(',', '');
  return PLAIN.test(text) ? Number(text) : undefined;
}
