/**
 * Reads one sheet row by row (so a 100,000-row sheet streams through): finds the header, reads
 * each cell as its column's type, checks the record against the schema, and sets aside every
 * row with a data issue. Accounts by construction: rowsRead = rowsEvaluated + rowsSetAside.
 *
 * A row that is read clean allocates its record and its LedgerRow and nothing else: its issues
 * go to one scratch list kept for the reader's life, the schema's "no problem" is one shared
 * empty list, and blank cells are found with a loop, not a callback. On the 100,000-case bench
 * sheet (rows captured from the xlsx reader and replayed, 15 alternating rounds, CPU median on
 * the busy 2-core machine) that took this reader from 473 to 430 ms (docs/performance.md).
 */
import { cellParser, type CellParser } from './cells/cell-parser.js';
import type { CellValue } from './cells/cell-parser.js';
import type { DateContext } from './cells/date.js';
import type { ColumnSpec, ColumnType, SheetSpec } from './columns.js';
import { columnLetter } from './column-letter.js';
import { HEADER_HINT_ROWS, HEADER_SEARCH_ROWS, readHeader, type HeaderColumn } from './header.js';
import { renderIssueMessage } from './issue-codes.js';
import { isBlank, rawText, type RawValue } from './raw-value.js';
import { validateRecord, type SchemaViolation } from './record-schema.js';
import { recordFactory, type RecordFactory } from './record-factory.js';
import { RepeatedKeys } from './repeated-keys.js';
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

/** Sheets whose record ids (受理编号, 投诉编号) must be unique. */
const UNIQUE_KEY_SHEETS: ReadonlySet<SheetKey> = new Set(['cases', 'complaints']);

interface IssueDraft {
  row: number;
  column?: HeaderColumn;
  /** The column letter when the cell is under no known header. */
  letter?: string;
  value?: string;
  code: DataIssueCode;
  params?: Record<string, string | number>;
}

export class SheetReader {
  private header: HeaderColumn[] | undefined;
  /** Per header column, its cell parser. */
  private parsers: CellParser[] = [];
  /** Per header column, the index of its cell in a row. */
  private cellIndex: number[] = [];
  /** Scratch: the current row's parsed values by header column. */
  private values: (CellValue | undefined)[] = [];
  /** Scratch: the current row's issues; empty between rows. */
  private readonly drafts: IssueDraft[] = [];
  /** The record id column (受理编号, 投诉编号) of a sheet whose ids must be unique. */
  private readonly keyColumn: string | undefined;
  private buildRecord!: RecordFactory;
  private headerRow = 0;
  private missingColumns: ColumnSpec[] = [];
  /** Non-blank rows seen while looking for the header; all of them count if none is found. */
  private rowsBeforeHeader = 0;
  /** A row below the first 10 that would have been the header: said in the missing-header issue. */
  private headerTooLow = 0;
  /** The record ids (受理编号, 投诉编号) of a sheet whose ids must be unique, in row order. */
  private readonly ids: RepeatedKeys | undefined;
  /** Per id in `ids`, the index of its row in `rows`, or -1 for a row set aside. */
  private readonly idRows: number[] = [];
  private firstCenterRow = 0;
  private readonly rows: LedgerRow[] = [];
  private readonly issues: DataIssue[] = [];
  private readonly account: SheetAccount = { rowsRead: 0, rowsEvaluated: 0, rowsSetAside: 0 };

  constructor(
    private readonly sheet: SheetSpec,
    private readonly origin: SheetOrigin,
  ) {
    this.keyColumn = UNIQUE_KEY_SHEETS.has(sheet.key) ? sheet.keyColumn : undefined;
    this.ids = this.keyColumn === undefined ? undefined : new RepeatedKeys();
  }

  /**
   * One row of the sheet: its 1-based number in the file and its cells (index 0 = column A).
   * The cells are read during the call only: the caller may reuse the array for the next row.
   */
  push(rowNumber: number, cells: readonly RawValue[]): void {
    if (isBlankRow(cells)) return;
    if (!this.header) {
      this.lookForHeader(rowNumber, cells);
      return;
    }
    this.account.rowsRead += 1;
    const record = this.readRow(rowNumber, cells);
    const drafts = this.drafts;
    const kept = drafts.length === 0 && record !== undefined;
    if (kept) {
      this.account.rowsEvaluated += 1;
      this.rows.push({ sheet: this.sheet.key, row: rowNumber, record: record as never });
    } else {
      this.account.rowsSetAside += 1;
      for (const draft of drafts) this.issues.push(this.toIssue(draft));
      drafts.length = 0;
    }
    // A row set aside still claims its id: a later row repeating it names this row.
    const id = record === undefined || this.ids === undefined ? undefined : record[this.keyColumn!];
    if (id !== undefined) {
      this.ids!.add(String(id), rowNumber);
      this.idRows.push(kept ? this.rows.length - 1 : -1);
    }
  }

  /** Whether the header row has been found. */
  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  /**
   * The sheet as read. `headerDelimiter`: the separator a CSV's header turned out to be written
   * with when a comma found none; the missing header is then said to be that.
   */
  finish(headerDelimiter?: string): SheetResult {
    if (!this.header) this.reportMissingHeader(headerDelimiter);
    this.setAsideRepeatedIds();
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

  /**
   * A row the file's structure broke (a CSV quote never closed where it should be): it is
   * counted and set aside with `code` at the cell `cellIndex` (0-based), as read.
   */
  setAside(rowNumber: number, cells: readonly RawValue[], code: DataIssueCode, cellIndex: number, params: Record<string, string | number>): void {
    if (!this.header) {
      this.push(rowNumber, cells);
      this.issues.push(this.toIssue({ row: rowNumber, letter: columnLetter(cellIndex + 1), value: rawText(cells[cellIndex] ?? null), code, params }));
      return;
    }
    this.account.rowsRead += 1;
    this.account.rowsSetAside += 1;
    const column = this.header.find((c) => c.index === cellIndex);
    this.issues.push(this.toIssue({ row: rowNumber, ...optionalColumn(column), letter: columnLetter(cellIndex + 1), value: rawText(cells[cellIndex] ?? null), code, params }));
  }

  private lookForHeader(rowNumber: number, cells: readonly RawValue[]): void {
    const header = rowNumber <= HEADER_SEARCH_ROWS ? readHeader(this.sheet, cells) : undefined;
    if (!header) {
      // Looked for a little further, only to say where the header is when it is too low.
      if (rowNumber > HEADER_SEARCH_ROWS && rowNumber <= HEADER_HINT_ROWS && this.headerTooLow === 0 && readHeader(this.sheet, cells)) this.headerTooLow = rowNumber;
      this.rowsBeforeHeader += 1;
      return;
    }
    this.header = header;
    this.parsers = header.map((column) => cellParser(column.spec, this.origin));
    this.cellIndex = header.map((column) => column.index);
    this.values = new Array<CellValue | undefined>(header.length);
    this.buildRecord = recordFactory(header.map((column) => column.spec.key), this.sheet.columns.filter((c) => c.default !== undefined).map((c) => c.key));
    this.headerRow = rowNumber;
    const present = new Set(header.map((column) => column.spec.key));
    this.missingColumns = this.sheet.columns.filter((column) => column.required && !present.has(column.key));
    for (const column of this.missingColumns) {
      this.issues.push(this.toIssue({ row: rowNumber, code: 'missing-column', params: { header: column.zh } }));
    }
  }

  /**
   * Without a header no row can be read: every non-blank row is read and set aside. A sheet with
   * no row at all (其他失职 left empty in a month with nothing to enter) has nothing unread: it
   * is a sheet of no records, not a data issue, and it charged the center 全程代理制/三.4.
   */
  private reportMissingHeader(headerDelimiter: string | undefined): void {
    if (this.rowsBeforeHeader === 0) return;
    this.account.rowsRead = this.rowsBeforeHeader;
    this.account.rowsSetAside = this.rowsBeforeHeader;
    const expected = this.sheet.columns.slice(0, 4).map((column) => column.zh).join(', ');
    if (this.headerTooLow > 0) this.issues.push(this.toIssue({ row: 0, code: 'header-too-low', params: { expected, headerRow: this.headerTooLow } }));
    else if (headerDelimiter !== undefined) this.issues.push(this.toIssue({ row: 0, code: 'wrong-delimiter', params: { expected, delimiter: headerDelimiter } }));
    else this.issues.push(this.toIssue({ row: 0, code: 'missing-header', params: { expected } }));
  }

  /** The row's record, with its issues (if any) in `drafts`; no record when the sheet cannot be read. */
  private readRow(rowNumber: number, cells: readonly RawValue[]): Record<string, CellValue> | undefined {
    // A sheet-level issue (missing-column) already stands for these rows.
    if (this.missingColumns.length > 0) return undefined;
    const drafts = this.drafts;
    if (this.sheet.key === 'center') {
      if (this.firstCenterRow > 0) {
        drafts.push({ row: rowNumber, code: 'extra-center-row', params: { firstRow: this.firstCenterRow } });
        return undefined;
      }
      this.firstCenterRow = rowNumber;
    }
    const header = this.header!;
    const cellIndex = this.cellIndex;
    const parsers = this.parsers;
    const values = this.values;
    for (let i = 0; i < cellIndex.length; i++) {
      const cell = cells[cellIndex[i]!];
      if (cell === undefined || isBlank(cell)) {
        values[i] = undefined;
        continue;
      }
      const parsed = parsers[i]!(cell);
      if (parsed.ok) {
        values[i] = parsed.value;
      } else {
        values[i] = undefined;
        drafts.push({ row: rowNumber, column: header[i]!, value: rawText(cell), code: parsed.code, ...optionalParams(parsed.params) });
      }
    }
    const record = this.buildRecord(values);
    const violations = validateRecord(this.sheet.key, record);
    if (violations.length > 0) this.schemaIssues(rowNumber, violations, cells);
    return record;
  }

  /**
   * Later rows repeating a record id are set aside, each with a duplicate-key issue naming the
   * row the id first appeared in; the first row keeps it. Found once the sheet is read
   * (repeated-keys.ts): a row read clean leaves the rows, and its issue joins the others in row
   * order, after any other issue of the same row.
   */
  private setAsideRepeatedIds(): void {
    const repeats = this.ids?.repeats() ?? [];
    if (repeats.length === 0) return;
    const column = this.header!.find((candidate) => candidate.spec.key === this.keyColumn);
    const leaving = new Set<number>();
    for (const repeat of repeats) {
      const at = this.idRows[repeat.index]!;
      if (at >= 0) {
        leaving.add(at);
        this.account.rowsEvaluated -= 1;
        this.account.rowsSetAside += 1;
      }
      this.issues.push(this.toIssue({ row: repeat.rowNumber, ...optionalColumn(column), value: repeat.key, code: 'duplicate-key', params: { firstRow: repeat.firstRow } }));
    }
    const rows = this.rows;
    let kept = 0;
    for (let at = 0; at < rows.length; at++) if (!leaving.has(at)) rows[kept++] = rows[at]!;
    rows.length = kept;
    // Stable: issues of one row keep their order, the repeat's own last.
    this.issues.sort((a, b) => a.row - b.row);
  }

  /** Schema problems not already reported for the same cell. */
  private schemaIssues(rowNumber: number, violations: readonly SchemaViolation[], cells: readonly RawValue[]): void {
    const reported = new Set(this.drafts.map((draft) => draft.column?.spec.key));
    for (const violation of violations) {
      if (reported.has(violation.column)) continue;
      reported.add(violation.column);
      const column = this.header!.find((candidate) => candidate.spec.key === violation.column);
      const code = violation.code ?? CODE_FOR_TYPE[column?.spec.type ?? 'text'];
      const value = column ? rawText(cells[column.index] ?? null) : '';
      this.drafts.push({ row: rowNumber, ...optionalColumn(column), value, code, ...optionalParams(violation.params) });
    }
  }

  private toIssue(draft: IssueDraft): DataIssue {
    const issue: DataIssue = {
      file: this.origin.file,
      sheet: this.sheet.key,
      sheetName: this.origin.sheetName,
      row: draft.row,
      column: draft.column?.letter ?? draft.letter ?? '',
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

/** Every cell blank (a for loop: `every` with a callback cost a closure call per cell). */
function isBlankRow(cells: readonly RawValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

function optionalParams(params: Record<string, string | number> | undefined): { params?: Record<string, string | number> } {
  return params ? { params } : {};
}

function optionalColumn(column: HeaderColumn | undefined): { column?: HeaderColumn } {
  return column ? { column } : {};
}
