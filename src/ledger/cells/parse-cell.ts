/** Reads one non-blank cell as its column's type (one parser per type, in this folder). */
import type { ColumnSpec } from '../columns.js';
import { isExcelError, isFormulaWithoutResult, type RawValue } from '../raw-value.js';
import { parseBoolean } from './boolean.js';
import { parseDate, type DateContext } from './date.js';
import { parseEnum } from './enum.js';
import { parseInteger } from './integer.js';
import { parseNumber } from './number.js';
import { unreadable, type Parsed } from './parsed.js';
import { parseText } from './text.js';

export type CellValue = string | number | boolean;

export function parseCell(value: RawValue, column: ColumnSpec, context: DateContext): Parsed<CellValue> {
  if (isExcelError(value)) return unreadable('formula-error');
  if (isFormulaWithoutResult(value)) return unreadable('formula-no-result');
  switch (column.type) {
    case 'boolean':
      return parseBoolean(value);
    case 'date':
      return parseDate(value, context);
    case 'integer':
      return parseInteger(value);
    case 'number':
      return parseNumber(value);
    case 'enum':
      return parseEnum(value, column);
    case 'text':
      return parseText(value);
  }
}
