/**
 * One column's cell parser: the reader of the column's type (a closed switch over the types of
 * the ledger schema), with a memory: yes/no, list, date and number columns hold few
 * distinct values (a month has 31 dates, a list column a handful of words), and so do many text
 * columns (经办人, 事项名称, 收费项目); folding and matching each of 100,000 cells again was a fifth
 * of the importer's own time. A remembered text is also one string shared by every record that
 * has it, instead of a copy per row for the garbage collector to move.
 * A column whose values turn out mostly distinct (受理编号, 联系电话, 申请人) stops remembering
 * after a trial: looking each cell up would only add a hash per cell.
 * Parsing is a pure function of (cell, column, date system), so a remembered result is the same
 * result. Error and formula cells are never remembered, nor -0 (which a map confuses with 0).
 */
import type { ColumnSpec } from '../columns.js';
import { isExcelError, isFormulaWithoutResult, type RawValue } from '../raw-value.js';
import { parseBoolean, parseEnum, parseInteger, parseName, parseNumber, parseText, unreadable, type Parsed } from './column-types.js';
import { parseDate, type DateContext } from './date.js';

export type CellValue = string | number | boolean;

export type CellParser = (value: RawValue) => Parsed<CellValue>;

/** Per column; beyond this many distinct values the rest are parsed each time. */
export const MAX_REMEMBERED = 4096;
/** After this many remembered lookups, a column with more distinct values than half of them stops remembering. */
export const TRIAL_LOOKUPS = 1024;

export function cellParser(column: ColumnSpec, context: DateContext): CellParser {
  const parse = (value: RawValue) => parseCell(value, column, context);
  const byValue = new Map<string | number | boolean, Parsed<CellValue>>();
  const byTime = new Map<number, Parsed<CellValue>>();
  let lookups = 0;
  let remembering = true;
  const remembered = <K>(map: Map<K, Parsed<CellValue>>, key: K, value: RawValue) => {
    let parsed = map.get(key);
    if (parsed === undefined) {
      parsed = parse(value);
      if (map.size < MAX_REMEMBERED) map.set(key, parsed);
    }
    if (++lookups === TRIAL_LOOKUPS && byValue.size + byTime.size > TRIAL_LOOKUPS / 2) {
      remembering = false;
      byValue.clear();
      byTime.clear();
    }
    return parsed;
  };
  return (value) => {
    if (!remembering || value === null || Object.is(value, -0)) return parse(value);
    if (value instanceof Date) return remembered(byTime, value.getTime(), value);
    if (typeof value === 'object') return parse(value);
    return remembered(byValue, value, value);
  };
}

/** Reads one non-blank cell as its column's type. */
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
      return column.names ? parseName(value) : parseText(value);
  }
}
