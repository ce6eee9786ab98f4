/**
 * A rule case as the audit would see it: a one-record ledger and the month it is audited in.
 * The ledger holds the case's `record` on its scope's sheet at row 2, the `with` rows on their
 * sheets (rows numbered from 2, after the record on a shared sheet), and the case's
 * `dataIssues`; cells are what the importer would give: empty values absent, column defaults
 * (visits = 1) applied. "Today" is the case's `asOf`, else the last day of the record's month.
 */
import { COLUMN_SHEET, type Scope } from '../facts/scopes.js';
import { sheetSpec } from '../ledger/columns.js';
import { SHEET_KEYS, type DataIssue, type DataIssueCode, type IsoDate, type Ledger, type LedgerRow, type SheetKey } from '../ledger/types.js';
import type { RuleCase } from '../rules/types.js';

/** The row of its sheet the case's `record` is (the first row below the header). */
export const RECORD_ROW = 2;

/** The sheet a case's `record` is a row of: the sheet whose columns are the scope's facts. */
export function recordSheet(scope: Scope): SheetKey {
  return COLUMN_SHEET[scope] ?? 'cases';
}

function asRow(sheet: SheetKey, values: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const col of sheetSpec(sheet).columns) {
    if (col.default !== undefined) row[col.key] = col.default;
  }
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') delete row[key];
    else row[key] = value;
  }
  return row;
}

function rowsOf(scope: Scope, c: RuleCase): Map<SheetKey, Record<string, unknown>[]> {
  const rows = new Map<SheetKey, Record<string, unknown>[]>();
  const own = recordSheet(scope);
  if (c.recordOnSheet !== false) rows.set(own, [c.record]);
  for (const sheet of SHEET_KEYS) {
    const extra = c.with?.[sheet];
    if (extra) rows.set(sheet, [...(rows.get(sheet) ?? []), ...extra]);
  }
  return rows;
}

function dataIssue(file: string, i: NonNullable<RuleCase['dataIssues']>[number]): DataIssue {
  return {
    file,
    sheet: i.sheet,
    sheetName: sheetSpec(i.sheet).zh,
    row: i.row,
    column: i.column ?? '',
    header: '',
    value: i.value ?? '',
    code: (i.code ?? 'missing-required') as DataIssueCode,
    message: 'set aside by the rule case',
  };
}

export function caseLedger(scope: Scope, c: RuleCase, label: string): Ledger {
  const ledger: Ledger = {
    source: { file: label, kind: 'xlsx', parts: [] },
    sheets: {},
    sheetNames: {},
    dataIssues: (c.dataIssues ?? []).map((i) => dataIssue(label, i)),
    accounts: {},
  };
  const sheets = ledger.sheets as Record<SheetKey, LedgerRow[]>;
  // Every real ledger has a cases sheet (a workbook without one is refused), so every case has one.
  sheets.cases = [];
  for (const [sheet, rows] of rowsOf(scope, c)) {
    sheets[sheet] = rows.map((r, i) => ({ sheet, row: i + RECORD_ROW, record: asRow(sheet, r) }) as unknown as LedgerRow);
  }
  for (const sheet of SHEET_KEYS) {
    const evaluated = sheets[sheet]?.length;
    const setAside = ledger.dataIssues.filter((d) => d.sheet === sheet).length;
    if (evaluated === undefined && setAside === 0) continue;
    ledger.sheetNames[sheet] = sheetSpec(sheet).zh;
    ledger.accounts[sheet] = { rowsRead: (evaluated ?? 0) + setAside, rowsEvaluated: evaluated ?? 0, rowsSetAside: setAside };
    // A sheet that only had unreadable rows is still present in the workbook.
    sheets[sheet] ??= [];
  }
  return ledger;
}

/** The key a finding on the case's record carries (ARCHITECTURE "refs"); undefined for ledger scope. */
export function recordKey(scope: Scope, record: Record<string, unknown>): string | undefined {
  const s = (k: string): string => String(record[k] ?? '');
  switch (scope) {
    case 'case': return s('case_id');
    case 'complaint': return s('complaint_id');
    case 'attendance':
    case 'other': return `${s('staff')}@${s('date')}`;
    case 'staff': return s('name');
    case 'item': return s('item');
    case 'center': return 'center';
    case 'ledger': return undefined;
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function lastDayOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

function dateOf(sheet: SheetKey, row: Record<string, unknown> | undefined): IsoDate | undefined {
  const column = sheetSpec(sheet).dateColumn;
  const value = column ? row?.[column] : undefined;
  return typeof value === 'string' && ISO.test(value) ? value : undefined;
}

/** The record's own date, else the first dated row the case brings along (cases first). */
function caseDate(scope: Scope, c: RuleCase): IsoDate | undefined {
  const own = dateOf(recordSheet(scope), c.record);
  if (own) return own;
  for (const sheet of ['cases', 'complaints', 'attendance', 'other'] as const) {
    for (const row of c.with?.[sheet] ?? []) {
      const d = dateOf(sheet, row);
      if (d) return d;
    }
  }
  return undefined;
}

/** as-of: the case's, else the last day of its record's month; period: as-of's month. */
export function caseDates(scope: Scope, c: RuleCase): { asOf: IsoDate; period: string } | undefined {
  const date = caseDate(scope, c);
  const asOf = c.asOf ?? (date ? lastDayOfMonth(date) : undefined);
  return asOf ? { asOf, period: asOf.slice(0, 7) } : undefined;
}
