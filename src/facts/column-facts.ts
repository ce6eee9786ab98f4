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

/**
 * Optional columns whose empty cell is itself what a rule judges — was it done, was it recorded:
 * 办结日期 empty is a case still open, 结果告知日期 a result never told, 一次性告知 a notice not
 * given, 承诺时限 no promise, 不予办理原因 a refusal without a reason, 联系方式 a complaint record
 * incomplete. A sheet without such a column would read as every cell empty, so a rule reading
 * one does not run there (FactDef.readsColumns). A column whose empty cell stops a rule or is
 * an excuse (延期原因, 材料遗失, 满意度, 收费项目) need not be there: without it nothing fires
 * that would not fire on an empty cell of a ledger that has it.
 */
const EMPTY_IS_JUDGED: Partial<Record<SheetKey, readonly string[]>> = {
  cases: ['notified', 'notice_form', 'promised_days', 'completed_on', 'refusal_reason', 'result_notified_on'],
  complaints: ['complainant', 'contact', 'content'],
  center: ['complaint_phone', 'phone_posted', 'rules_posted'],
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
    ...(ownSheet && EMPTY_IS_JUDGED[sheet]?.includes(column.key) ? { readsColumns: [column.key] } : {}),
  };
}

export function columnFactsOf(scope: Scope): FactDef[] {
  const sheet = COLUMN_SHEET[scope];
  if (!sheet) return [];
  const spec = sheetSpec(sheet);
  return spec.columns.map((c) => columnFact(scope, sheet, spec.zh, c));
}

export const COLUMN_FACTS: readonly FactDef[] = SCOPES.flatMap(columnFactsOf);
