/**
 * The ledger's sheets and columns, read once from `schemas/ledger.schema.json` so that the
 * importer, the sample generator and the fact catalogue share one table.
 */
import { readFileSync } from 'node:fs';
import { schemaPath } from '../paths.js';
import { SHEET_KEYS, type Ledger, type SheetKey } from './types.js';

export type ColumnType = 'text' | 'date' | 'boolean' | 'integer' | 'number' | 'enum';

export interface ColumnSpec {
  key: string;
  /** Chinese column name (the schema's `title`). */
  zh: string;
  type: ColumnType;
  required: boolean;
  enumValues?: string[];
  /** Alternative spellings accepted for enum values, mapped to the canonical value. */
  enumAliases?: Record<string, string>;
  minimum?: number;
  default?: unknown;
  description?: string;
  /** The column names a person (经办人, 姓名, 被投诉人…): read by parseName, so one person is one name. */
  names?: true;
}

export interface SheetSpec {
  key: SheetKey;
  /** Chinese sheet name, e.g. 办件台账. */
  zh: string;
  description: string;
  columns: ColumnSpec[];
  /** Column identifying a record (受理编号 ...), if any. */
  keyColumn?: string;
  /** Column holding the record's date, if any. */
  dateColumn?: string;
  /** Column naming the staff member a record concerns, if any. */
  personColumn?: string;
}

interface JsonProperty {
  title: string;
  type: string;
  format?: string;
  enum?: string[];
  minimum?: number;
  default?: unknown;
  description?: string;
  'x-aliases'?: Record<string, string>;
}

interface JsonSheet {
  title: string;
  description: string;
  properties: Record<string, JsonProperty>;
  required: string[];
  'x-key'?: string;
  'x-date'?: string;
  'x-person'?: string;
}

export const LEDGER_SCHEMA: { $defs: Record<SheetKey, JsonSheet> } = JSON.parse(
  readFileSync(schemaPath('ledger.schema.json'), 'utf8'),
);

function columnType(p: JsonProperty): ColumnType {
  if (p.enum) return 'enum';
  if (p.format === 'date') return 'date';
  if (p.type === 'boolean') return 'boolean';
  if (p.type === 'integer') return 'integer';
  if (p.type === 'number') return 'number';
  return 'text';
}

/**
 * The columns whose cells name a staff member, by sheet: the names findings hold responsible,
 * count per person and match against the staff board (人员公示).
 */
const NAME_COLUMNS: Record<SheetKey, readonly string[]> = {
  cases: ['handler'],
  complaints: ['respondent', 'first_responder'],
  attendance: ['staff', 'cover'],
  handovers: ['absent_staff', 'cover', 'approver'],
  staff: ['name'],
  items: [],
  center: [],
  other: ['staff'],
};

function toSheetSpec(key: SheetKey, s: JsonSheet): SheetSpec {
  const columns = Object.entries(s.properties).map(([colKey, p]): ColumnSpec => {
    const spec: ColumnSpec = { key: colKey, zh: p.title, type: columnType(p), required: s.required.includes(colKey) };
    if (p.enum) spec.enumValues = p.enum;
    if (p['x-aliases']) spec.enumAliases = p['x-aliases'];
    if (p.minimum !== undefined) spec.minimum = p.minimum;
    if (p.default !== undefined) spec.default = p.default;
    if (p.description !== undefined) spec.description = p.description;
    if (NAME_COLUMNS[key].includes(colKey)) spec.names = true;
    return spec;
  });
  const spec: SheetSpec = { key, zh: s.title, description: s.description, columns };
  if (s['x-key']) spec.keyColumn = s['x-key'];
  if (s['x-date']) spec.dateColumn = s['x-date'];
  if (s['x-person']) spec.personColumn = s['x-person'];
  return spec;
}

export const SHEETS: readonly SheetSpec[] = SHEET_KEYS.map((k) => toSheetSpec(k, LEDGER_SCHEMA.$defs[k]));

export function sheetSpec(key: SheetKey): SheetSpec {
  return SHEETS.find((s) => s.key === key)!;
}

/**
 * Whether the sheet was read with the column in its header (docs/ledger.md: a rule whose column
 * is missing does not run). A ledger built by hand, with no layout, is taken to have them all.
 */
export function readWithColumn(ledger: Ledger, sheet: SheetKey, key: string): boolean {
  const layout = ledger.layout?.[sheet];
  return !layout || layout.columns.some((column) => column.key === key);
}
