/**
 * Reading a cell as its column's type: the Parsed result every reader returns, and the readers
 * of text, yes/no, number, integer and list (enum) cells. Dates, the one type with real rules
 * of its own (serials, 1904, written forms), are read in date.ts; cell-parser.ts picks the reader
 * for a column.
 */
import { withoutInvisibleMarks } from '../../text.js';
import type { ColumnSpec } from '../columns.js';
import { rawText, trimmed, type RawValue } from '../raw-value.js';
import type { DataIssueCode } from '../types.js';

/** A cell read as its column's type, or why it could not be (the issue code and template values). */
export type Parsed<T> = { ok: true; value: T } | Unreadable;

export interface Unreadable {
  ok: false;
  code: DataIssueCode;
  params?: Record<string, string | number>;
}

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function unreadable(code: DataIssueCode, params?: Record<string, string | number>): Unreadable {
  return params ? { ok: false, code, params } : { ok: false, code };
}

/** Cell text folded for comparison: invisible and direction marks dropped, full-width → half-width, trimmed. */
export function foldText(text: string): string {
  return withoutInvisibleMarks(text).normalize('NFKC').trim();
}

// ---- Free text, trimmed. Numbers become their digits (phone numbers are often number cells).
// Zero-width and direction marks are dropped (src/text.ts): `李明` typed once with a zero-width
// space and once with a right-to-left mark was three people, each with a third of the findings.

// The text is kept as it comes: the xlsx scanner decodes each cell's text from the part's bytes
// and csv-parse each field from its own, so a cell's string is not a slice of a larger text that
// a record would keep alive. (It used to be: when the scanner read decoded chunks, every long text
// was copied here, or 100,000 case rows kept ~190 MB of the sheet's XML; reading bytes made the
// copy needless, and dropping it took a fresh-process read of the 100,000-case workbook from 865
// to 796 ms CPU, median of 13, with 4 MB less heap: docs/performance.md.)

export function parseText(value: RawValue): Parsed<string> {
  if (typeof value === 'boolean') return ok(value ? '是' : '否');
  const text = trimmed(withoutInvisibleMarks(rawText(value)));
  return text === '' ? unreadable('missing-required') : ok(text);
}

// ---- Staff names: as text, without the spaces typed between the characters of a Chinese name.
// Ledgers pad a two-character name to the width of three (`王　芳`, `王 芳`) so a column lines up;
// read as written, 王　芳 was a second person beside 王芳: not on the staff board (办事公开制/一),
// with half of her cases, and her repeats of a clause counted apart, so escalation missed them.
// Only spaces between two Han characters go: `John Smith` and `阿卜杜·热合曼` stay as written.

const SPACE_INSIDE_HAN_NAME = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;

export function parseName(value: RawValue): Parsed<string> {
  const text = parseText(value);
  return text.ok ? ok(text.value.replace(SPACE_INSIDE_HAN_NAME, '$1')) : text;
}

// ---- Yes/no cells: 是/否, Y/N, yes/no, true/false, 1/0, √/× and real booleans.

const WORDS = new Map<string, boolean>([
  ['是', true], ['否', false],
  ['y', true], ['n', false],
  ['yes', true], ['no', false],
  ['true', true], ['false', false],
  ['1', true], ['0', false],
  ['√', true], ['×', false],
  // Check and cross marks as other input methods type them.
  ['✓', true], ['✔', true], ['✗', false], ['✘', false],
]);

export function parseBoolean(value: RawValue): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') {
    const known = WORDS.get(foldText(value).toLowerCase());
    if (known !== undefined) return ok(known);
  }
  return unreadable('bad-boolean');
}

// ---- Amounts in yuan: `1200`, `1,200`, `1200元`, `¥1200`, `1,200.50 元`, and number cells.

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

// ---- Counts and day limits: whole numbers, optionally with a unit (`5个工作日`, `3次`, `2项`); `2.5` is a data issue.
// 需补材料数 is counted in 项 or 份, as the one-time notice lists them: `3项` was a data issue that
// set the case aside, so the notice rules never saw it.

const UNIT_SUFFIX = /\s*(?:个工作日|工作日|天|日|次|件|个|项|份|分钟|分)$/;
/** Float noise from formulas (`=0.1*30`) is not a fraction anyone wrote. */
const TOLERANCE = 1e-9;

export function parseInteger(value: RawValue): Parsed<number> {
  const number = readNumber(value, UNIT_SUFFIX);
  if (number === undefined) return unreadable('bad-integer');
  const whole = Math.round(number);
  return Math.abs(number - whole) < TOLERANCE ? ok(whole) : unreadable('bad-integer');
}

// ---- One of a column's listed values, compared after folding; the schema's `x-aliases` are accepted too.

export function parseEnum(value: RawValue, column: ColumnSpec): Parsed<string> {
  const allowed = column.enumValues ?? [];
  if (typeof value === 'string' || typeof value === 'number') {
    const folded = foldText(rawText(value)).replace(/\s+/g, '');
    const listed = allowed.find((candidate) => foldText(candidate) === folded);
    if (listed !== undefined) return ok(listed);
    const alias = Object.entries(column.enumAliases ?? {}).find(([name]) => foldText(name).toLowerCase() === folded.toLowerCase());
    if (alias) return ok(alias[1]);
  }
  return unreadable('bad-enum', { allowed: allowed.join(' / ') });
}
