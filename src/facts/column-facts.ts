/**
 * Column facts: every ledger column is a fact of its sheet's scope under its English key.
 * Generated from the ledger schema so the catalogue cannot drift from the importer.
 */
import { sheetSpec, type ColumnSpec, type ColumnType } from '../ledger/columns.js';
import type { SheetKey } from '../ledger/types.js';
import { COLUMN_NOTES } from './column-notes.js';
import { COLUMN_SHEET, SCOPE_SHEET, SCOPES, type Scope } from './scopes.js';
import type { FactDef, FactDomain, FactType } from './types.js';

const FACT_TYPE: Record<ColumnType, FactType> = {
  text: 'string',
  enum: 'string',
  date: 'date',
  boolean: 'boolean',
  integer: 'number',
  number: 'number',
};

/** Columns naming the record itself are present even when their lookup sheet is absent. */
const IDENTITY_COLUMNS: Partial<Record<Scope, string>> = { staff: 'name', item: 'item' };

/**
 * An enum or boolean column's values. It is never null when the column is required and every
 * record of the scope is a row of the sheet (staff and item records may have no row).
 */
function columnDomain(scope: Scope, column: ColumnSpec): FactDomain | undefined {
  const values = column.enumValues ?? (column.type === 'boolean' ? [true, false] : undefined);
  if (!values) return undefined;
  const alwaysARow = IDENTITY_COLUMNS[scope] === undefined;
  return { values, nullable: !(column.required && alwaysARow) && column.default === undefined };
}

function columnFact(scope: Scope, sheet: SheetKey, sheetZh: string, column: ColumnSpec): FactDef {
  const note = COLUMN_NOTES[`${sheet}.${column.key}`];
  const values = column.enumValues ? column.enumValues.join(' / ') : undefined;
  const zhNote = note?.zh ?? values;
  const enNote = note?.en ?? values;
  const ownSheet = SCOPE_SHEET[scope] === sheet || IDENTITY_COLUMNS[scope] === column.key;
  const domain = columnDomain(scope, column);
  return {
    ...(domain ? { domain } : {}),
    name: column.key,
    scope,
    type: FACT_TYPE[column.type],
    description: {
      zh: `${sheetZh}「${column.zh}」列${zhNote ? `:${zhNote}` : ''}`,
      en: `column ${column.zh} of ${sheetZh} (${sheet})${enNote ? `: ${enNote}` : ''}`,
    },
    origin: 'column',
    sheets: ownSheet ? [] : [sheet],
    // A required column is there or no row is read; a defaulted one (往返次数) means its default.
    ...(ownSheet && !column.required && column.default === undefined ? { readsColumns: [column.key] } : {}),
  };
}

export function columnFactsOf(scope: Scope): FactDef[] {
  const sheet = COLUMN_SHEET[scope];
  if (!sheet) return [];
  const spec = sheetSpec(sheet);
  return spec.columns.map((c) => columnFact(scope, sheet, spec.zh, c));
}

export const COLUMN_FACTS: readonly FactDef[] = SCOPES.flatMap(columnFactsOf);
