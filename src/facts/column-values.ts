/**
 * A record's column facts: every column of its sheet under its English key, `null` for an
 * empty cell (the engine throws on a missing fact, so every key is always present) and the
 * schema default where one is declared (visits = 1).
 */
import { sheetSpec, type ColumnSpec } from '../ledger/columns.js';
import type { SheetKey } from '../ledger/types.js';
import type { FactValue } from '../findings/types.js';

const COLUMNS = new Map<SheetKey, readonly ColumnSpec[]>();

function columnsOf(sheet: SheetKey): readonly ColumnSpec[] {
  let columns = COLUMNS.get(sheet);
  if (!columns) COLUMNS.set(sheet, (columns = sheetSpec(sheet).columns));
  return columns;
}

/** Writes the column facts into `into`, normally a `newFacts(scope)` object. */
export function columnValues(sheet: SheetKey, record: object | undefined, into: Record<string, FactValue>): Record<string, FactValue> {
  const values = (record ?? {}) as Record<string, unknown>;
  for (const column of columnsOf(sheet)) {
    const value = values[column.key];
    into[column.key] = (value ?? column.default ?? null) as FactValue;
  }
  return into;
}
