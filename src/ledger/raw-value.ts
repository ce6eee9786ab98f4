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

export function isBlank(value: RawValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
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
