/**
 * exceljs cell values → RawValue. A formula gives its cached result, rich text its text, a
 * hyperlink its text. The streaming reader reads a formula's error result as NaN, so the
 * error's name is lost; the formula is kept to show where it came from.
 */
import type { RawValue } from '../raw-value.js';

/** What the streaming reader leaves of a formula's error result (#N/A, #REF!...): NaN. */
const UNKNOWN_ERROR = '#ERROR';
const MS_PER_DAY = 86_400_000;
/** Days between the 1900 and 1904 date systems. */
const DATE_1904_OFFSET_DAYS = 1462;

export interface CellValueContext {
  /** The workbook says date1904 but exceljs did not see it (it only reads `date1904="1"`). */
  shiftDatesTo1904: boolean;
}

export function rawFromExcel(value: unknown, context: CellValueContext): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? { excelError: UNKNOWN_ERROR } : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    return context.shiftDatesTo1904 ? new Date(value.getTime() + DATE_1904_OFFSET_DAYS * MS_PER_DAY) : value;
  }
  if (typeof value !== 'object') return String(value);
  return fromObject(value as Record<string, unknown>, context);
}

function fromObject(value: Record<string, unknown>, context: CellValueContext): RawValue {
  if (Array.isArray(value['richText'])) return richText(value['richText']);
  if (typeof value['error'] === 'string') return { excelError: value['error'] };
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    return rawFromFormula(String(value['formula'] ?? value['sharedFormula'] ?? ''), value['result'], context);
  }
  if ('text' in value) return rawFromExcel(value['text'], context);
  return JSON.stringify(value);
}

/**
 * A formula's cached result. Read it from `cell.result`, not `cell.value`: exceljs's formula
 * value drops falsy results, so `=0`, `=FALSE()` and an error result (NaN) would look unset.
 */
export function rawFromFormula(formula: string, result: unknown, context: CellValueContext): RawValue {
  if (result === undefined || result === null) return { formulaWithoutResult: formula };
  const raw = rawFromExcel(result, context);
  if (typeof raw === 'object' && raw !== null && 'excelError' in raw) return formula ? { ...raw, formula } : raw;
  return raw;
}

function richText(runs: unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
}
