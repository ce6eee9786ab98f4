/**
 * Reads one sheet row by row (so a 100,000-row sheet streams through): finds the header, reads
 * each cell as its column's type, checks the record against the schema, and sets aside every
 * row with a data issue. Accounts by construction: rowsRead = rowsEvaluated + rowsSetAside.
 */
import { cellParser, type CellParser } from './cells/cell-parser.js';
import type { CellValue } from './cells/cell-parser.js';
import type { DateContext } from './cells/date.js';
import type { ColumnSpec, ColumnType, SheetSpec } from './columns.js';
import { HEADER_SEARCH_ROWS, readHeader, type HeaderColumn } from './header.js';
import { renderIssueMessage } from './issue-codes.js';
import { isBlank, rawText, type RawValue } from './raw-value.js';
import { validateRecord } from './record-schema.js';
import { recordFactory, type RecordFactory } from './record-factory.js';
import type { DataIssue, DataIssueCode, LedgerRow, SheetAccount, SheetKey, SheetLayout } from './types.js';

export interface SheetOrigin extends DateContext {
  /** The file the sheet is read from. */
  file: string;
  /** The sheet's name as written (the CSV file name for CSV). */
  sheetName: string;
}

export interface SheetResult {
  key: SheetKey;
  rows: LedgerRow[];
  issues: DataIssue[];
  account: SheetAccount;
  layout: SheetLayout;
}

const CODE_FOR_TYPE: Record<ColumnType, DataIssueCode> = {
  boolean: 'bad-boolean',
  date: 'bad-date',
  integer: 'bad-integer',
  number: 'bad-number',
  enum: 'bad-enum',
  text: 'missing-required',
};

interface IssueDraft {
  row: number;
  column?: HeaderColumn;
  value?: string;
  code: DataIssueCode;
  params?: Record<string, string | number>;
}

export class SheetReader {
  private header: HeaderColumn[] | undefined;
  /** Per header column, its cell parser. */
  private parsers: CellParser[] = [];
  /** Scratch: the current row's parsed values by header column. */
  private values: (CellValue | undefined)[] = [];
  private buildRecord!: RecordFactory;
  private headerRow = 0;
  private missingColumns: ColumnSpec[] = [];
  /** Non-blank rows seen while looking for the header; all of them count if none is found. */
  private rowsBeforeHeader = 0;
  /**
   * Each record id (受理编号, 投诉编号) seen so far, with the row it first appeared in. A plain
   * map: a sorted run of ids (FirstRows) saved 20–40 ms per 100,000 ids, which bench/import.ts
   * could not tell from noise.
   */
  private readonly firstRows = new Map<string, number>();
  private firstCenterRow = 0;
  private readonly rows: LedgerRow[] = [];
  private readonly issues: DataIssue[] = [];
  private readonly account: SheetAccount = { rowsRead: 0, rowsEvaluated: 0, rowsSetAside: 0 };

  constructor(
    private readonly sheet: SheetSpec,
    private readonly origin: SheetOrigin,
  ) {}

  /**
   * One row of the sheet: its 1-based number in the file and its cells (index 0 = column A).
   * The cells are read during the call only: the caller may reuse the array for the next row.
   */
  push(rowNumber: number, cells: readonly RawValue[]): void {
    if (cells.every((cell) => isBlank(cell))) return;
    if (!this.header) {
      this.lookForHeader(rowNumber, cells);
      return;
    }
    this.account.rowsRead += 1;
    const drafts = this.readRow(rowNumber, cells);
    if (drafts.issues.length > 0 || !drafts.record) {
      this.account.rowsSetAside += 1;
      for (const draft of drafts.issues) this.issues.push(this.toIssue(draft));
      return;
    }
    this.account.rowsEvaluated += 1;
    this.rows.push({ sheet: this.sheet.key, row: rowNumber, record: drafts.record as never });
  }

  finish(): SheetResult {
    if (!this.header) this.reportMissingHeader();
    return {
      key: this.sheet.key,
      rows: this.rows,
      issues: this.issues,
      account: { ...this.account },
      layout: {
        file: this.origin.file,
        sheetName: this.origin.sheetName,
        headerRow: this.headerRow,
        columns: (this.header ?? []).map(({ spec, letter, header }) => ({ key: spec.key, letter, header })),
      },
    };
  }

  private lookForHeader(rowNumber: number, cells: readonly RawValue[]): void {
    const header = rowNumber <= HEADER_SEARCH_ROWS ? readHeader(this.sheet, cells) : undefined;
    if (!header) {
      this.rowsBeforeHeader += 1;
      return;
    }
    this.header = header;
    this.parsers = header.map((column) => cellParser(column.spec, this.origin));
    this.values = new Array<CellValue | undefined>(header.length);
    this.buildRecord = recordFactory(header.map((column) => column.spec.key), this.sheet.columns.filter((c) => c.default !== undefined).map((c) => c.key));
    this.headerRow = rowNumber;
    const present = new Set(header.map((column) => column.spec.key));
    this.missingColumns = this.sheet.columns.filter((column) => column.required && !present.has(column.key));
    for (const column of this.missingColumns) {
      this.issues.push(this.toIssue({ row: rowNumber, code: 'missing-column', params: { header: column.zh } }));
    }
  }

  /** Without a header no row can be read: every non-blank row is read and set aside. */
  private reportMissingHeader(): void {
    this.account.rowsRead = this.rowsBeforeHeader;
    this.account.rowsSetAside = this.rowsBeforeHeader;
    const expected = this.sheet.columns.slice(0, 4).map((column) => column.zh).join(', ');
    this.issues.push(this.toIssue({ row: 0, code: 'missing-header', params: { expected } }));
  }

  private readRow(rowNumber: number, cells: readonly RawValue[]): { record?: Record<string, unknown>; issues: IssueDraft[] } {
    // A sheet-level issue (missing-column) already stands for these rows.
    if (this.missingColumns.length > 0) return { issues: [] };
    if (this.sheet.key === 'center') {
      if (this.firstCenterRow > 0) return { issues: [{ row: rowNumber, code: 'extra-center-row', params: { firstRow: this.firstCenterRow } }] };
      this.firstCenterRow = rowNumber;
    }
    const issues: IssueDraft[] = [];
    const header = this.header!;
    const values = this.values;
    for (let i = 0; i < header.length; i++) {
      const column = header[i]!;
      const cell = cells[column.index] ?? null;
      values[i] = undefined;
      if (isBlank(cell)) continue;
      const parsed = this.parsers[i]!(cell);
      if (parsed.ok) {
        values[i] = parsed.value;
      } else {
        issues.push({ row: rowNumber, column, value: rawText(cell), code: parsed.code, ...optionalParams(parsed.params) });
      }
    }
    const record = this.buildRecord(values);
    const duplicate = this.checkKey(rowNumber, record);
    if (duplicate) issues.push(duplicate);
    issues.push(...this.schemaIssues(rowNumber, record, cells, issues));
    return { record, issues };
  }

  /** Later rows repeating a record id are set aside; the first row keeps it. */
  private checkKey(rowNumber: number, record: Record<string, CellValue>): IssueDraft | undefined {
    if (!this.isUniqueKeySheet()) return undefined;
    const keyColumn = this.sheet.keyColumn!;
    const value = record[keyColumn];
    if (value === undefined) return undefined;
    const key = String(value);
    const firstRow = this.firstRows.get(key);
    if (firstRow === undefined) {
      this.firstRows.set(key, rowNumber);
      return undefined;
    }
    const column = this.header!.find((candidate) => candidate.spec.key === keyColumn);
    return { row: rowNumber, ...optionalColumn(column), value: key, code: 'duplicate-key', params: { firstRow } };
  }

  private isUniqueKeySheet(): boolean {
    return this.sheet.key === 'cases' || this.sheet.key === 'complaints';
  }

  /** Schema problems not already reported for the same cell. */
  private schemaIssues(rowNumber: number, record: Record<string, unknown>, cells: readonly RawValue[], found: IssueDraft[]): IssueDraft[] {
    const violations = validateRecord(this.sheet.key, record);
    if (violations.length === 0) return [];
    const reported = new Set(found.map((draft) => draft.column?.spec.key));
    const drafts: IssueDraft[] = [];
    for (const violation of violations) {
      if (reported.has(violation.column)) continue;
      reported.add(violation.column);
      const column = this.header!.find((candidate) => candidate.spec.key === violation.column);
      const code = violation.code ?? CODE_FOR_TYPE[column?.spec.type ?? 'text'];
      const value = column ? rawText(cells[column.index] ?? null) : '';
      drafts.push({ row: rowNumber, ...optionalColumn(column), value, code, ...optionalParams(violation.params) });
    }
    return drafts;
  }

  private toIssue(draft: IssueDraft): DataIssue {
    const issue: DataIssue = {
      file: this.origin.file,
      sheet: this.sheet.key,
      sheetName: this.origin.sheetName,
      row: draft.row,
      column: draft.column?.letter ?? '',
      header: draft.column?.header ?? '',
      value: draft.value ?? '',
      code: draft.code,
      message: '',
    };
    // A copy: parsers remember their results, params included, across cells.
    if (draft.params) issue.params = { ...draft.params };
    issue.message = renderIssueMessage(issue, 'en');
    return issue;
  }
}

function optionalParams(params: Record<string, string | number> | undefined): { params?: Record<string, string | number> } {
  return params ? { params } : {};
}

function optionalColumn(column: HeaderColumn | undefined): { column?: HeaderColumn } {
  return column ? { column } : {};
}
