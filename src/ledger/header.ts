/**
 * Finding the header row (docs/ledger.md): the first of the first 10 rows holding at least three of
 * the sheet's known column names. Title rows and merged cells above it are normal.
 */
import type { ColumnSpec, SheetSpec } from './columns.js';
import { columnLetter } from './column-letter.js';
import { columnOfHeader } from './names.js';
import { rawText, type RawValue } from './raw-value.js';

export const HEADER_SEARCH_ROWS = 10;
/** How far down a header is looked for only to say it is too low (it is not read: docs/ledger.md, the first 10 rows). */
export const HEADER_HINT_ROWS = 100;
export const MIN_KNOWN_HEADERS = 3;

export interface HeaderColumn {
  /** 0-based position in the row's cells. */
  index: number;
  letter: string;
  /** The header as written. */
  header: string;
  spec: ColumnSpec;
}

/** The known columns of a header row, or undefined when the row is not the header. */
export function readHeader(sheet: SheetSpec, cells: readonly RawValue[]): HeaderColumn[] | undefined {
  const columns: HeaderColumn[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const header = rawText(cell).trim();
    const spec = header === '' ? undefined : columnOfHeader(sheet, header);
    // A second column with the same name is kept as an unknown column: the first one is read.
    if (!spec || seen.has(spec.key)) return;
    seen.add(spec.key);
    columns.push({ index, letter: columnLetter(index + 1), header, spec });
  });
  return columns.length >= MIN_KNOWN_HEADERS ? columns : undefined;
}
