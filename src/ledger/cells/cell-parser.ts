/**
 * One column's cell parser with a memory: yes/no, list, date and number columns hold few
 * distinct values (a month has 31 dates, a list column a handful of words), and folding and
 * matching each of 100,000 cells again was a fifth of the importer's own time. Parsing is a
 * pure function of (cell, column, date system), so a remembered result is the same result.
 * Text columns are not remembered (their values are mostly distinct), nor error and formula
 * cells, nor -0 (which a cache would confuse with 0).
 */
import type { ColumnSpec } from '../columns.js';
import type { RawValue } from '../raw-value.js';
import type { DateContext } from './date.js';
import { parseCell, type CellValue } from './parse-cell.js';
import type { Parsed } from './parsed.js';

export type CellParser = (value: RawValue) => Parsed<CellValue>;

/** Per column; beyond this many distinct values the rest are parsed each time. */
const MAX_REMEMBERED = 4096;

export function cellParser(column: ColumnSpec, context: DateContext): CellParser {
  const parse = (value: RawValue) => parseCell(value, column, context);
  if (column.type === 'text') return parse;
  const byValue = new Map<string | number | boolean, Parsed<CellValue>>();
  const byTime = new Map<number, Parsed<CellValue>>();
  const remembered = <K>(map: Map<K, Parsed<CellValue>>, key: K, value: RawValue) => {
    let parsed = map.get(key);
    if (parsed === undefined) {
      parsed = parse(value);
      if (map.size < MAX_REMEMBERED) map.set(key, parsed);
    }
    return parsed;
  };
  return (value) => {
    if (value instanceof Date) return remembered(byTime, value.getTime(), value);
    if (value === null || typeof value === 'object' || Object.is(value, -0)) return parse(value);
    return remembered(byValue, value, value);
  };
}
