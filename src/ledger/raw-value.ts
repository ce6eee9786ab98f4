import { withoutInvisibleMarks } from '../text.js';

/**
 * A cell as a source gives it, before it is read as a column's type. The xlsx reader turns
 * exceljs values into these (formula → cached result, rich text → its text); CSV gives strings.
 */
export type RawValue = string | number | boolean | Date | ExcelError | FormulaWithoutResult | null;

/** An Excel error value (`#N/A`, `#DIV/0!`), or a formula whose cached result is an error. */
export interface ExcelError {
  readonly excelError: string;
  readonly formula?: string;
}

/** A formula saved without a cached result (written by a program that did not calculate it). */
export interface FormulaWithoutResult {
  readonly formulaWithoutResult: string;
}

export function isExcelError(value: RawValue): value is ExcelError {
  return typeof value === 'object' && value !== null && 'excelError' in value;
}

export function isFormulaWithoutResult(value: RawValue): value is FormulaWithoutResult {
  return typeof value === 'object' && value !== null && 'formulaWithoutResult' in value;
}

/**
 * Empty, or nothing but white space and invisible marks (src/text.ts): a cell left holding only
 * the zero-width space of a text pasted from a web page and deleted is as empty as it looks.
 * Read as text it was nothing at all, and an optional 备注 or 延期原因 set its whole row aside
 * as "required and empty".
 */
export function isBlank(value: RawValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && (value.length === 0 || (maySpace(value.charCodeAt(0)) && withoutInvisibleMarks(value).trim() === ''));
}

/** The text without surrounding white space, as String.prototype.trim. */
export function trimmed(text: string): string {
  return text.length > 0 && (maySpace(text.charCodeAt(0)) || maySpace(text.charCodeAt(text.length - 1))) ? text.trim() : text;
}

/**
 * False when `code` is surely neither white space for trim() nor an invisible mark: then a text
 * starting with it is not blank and needs no trim. (Most cells start and end with a letter,
 * digit or Han character; this skips a trim() call for each of them: ~3 million calls in a
 * 100,000-row sheet.) True for every white space and line terminator — the ASCII controls and
 * space, U+00A0, U+1680, U+2000–U+205F (a superset of that block's spaces), U+3000, U+FEFF —
 * and every invisible mark of src/text.ts: U+00AD, U+034F, U+061C, U+180E, U+2060–U+2069.
 */
function maySpace(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x34f ||
    code === 0x61c ||
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x2069) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `YYYY-MM-DD` of a date's UTC calendar day (exceljs dates are UTC). */
export function utcIsoDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The cell as a person would read it, for data issues and text columns. */
export function rawText(value: RawValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : utcIsoDate(value);
  if (isExcelError(value)) return value.formula ? `=${value.formula} → ${value.excelError}` : value.excelError;
  return `=${value.formulaWithoutResult}`;
}

/** Numbers as written, never in exponent form (phone numbers and ids are numbers in Excel). */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return String(value);
}
