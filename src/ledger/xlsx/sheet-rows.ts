/**
 * A worksheet's rows as raw cells, streamed: `<sheetData>`'s `<row>`s, each `<c>` turned into
 * a RawValue by its type (`t`) and style (`s`), and handed on row by row in one reused array
 * (index 0 = column A), so memory holds one row, never the sheet.
 *
 * Cell forms (ECMA-376 §18.3.1.4): `t="s"` an index into the shared strings; `inlineStr` the
 * text of `<is>` (every rich-text run's `<t>`, phonetic guides left out); `str` a formula's text
 * result; `b` a boolean; `e` an error value (`#N/A`); `d` an ISO 8601 date; otherwise a number,
 * a date when the style's number format is a date format. A `<f>` with a cached `<v>` gives the
 * cached value (an error result keeps its formula); without one it is a formula without result.
 * `r=` is optional on both `<row>` and `<c>`: a row without it follows the previous row, a cell
 * the previous cell.
 */
import { columnLetter } from '../column-letter.js';
import { limitExceeded, type LedgerLimits } from '../limits.js';
import type { RawValue } from '../raw-value.js';
import { ownCopy } from './own-copy.js';
import type { PartHandler } from './part-parser.js';
import { damaged } from './workbook-error.js';
import type { XmlScanner } from './xml-scanner.js';

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 in the 1900 system, as Excel counts) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET_DAYS = 1_462;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export interface SheetContext {
  file: string;
  sheetName: string;
  part: string;
  sharedStrings: readonly string[];
  /** Per style index, whether its number format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: LedgerLimits;
  /** One row with at least one cell; `cells` is reused for the next row once this returns. */
  onRow(rowNumber: number, cells: readonly RawValue[]): void;
}

const enum Target {
  None,
  Value,
  Formula,
  InlineText,
}

export class SheetRowsHandler implements PartHandler {
  readonly names = ['c', 'v', 'row', 'f', 'is', 't', 'rPh', 'sheetData'] as const;
  wantsText = false;
  /** Rows handed on (rows with at least one cell). */
  rowsWithCells = 0;
  private xml!: XmlScanner;
  private inSheetData = false;
  private inRow = false;
  private rowNumber = 0;
  private readonly cells: RawValue[] = [];
  private column = -1;
  private inCell = false;
  private cellRef: string | undefined;
  private cellType: string | undefined;
  private cellStyle = 0;
  private value: string | undefined;
  private formula: string | undefined;
  private inline: string | undefined;
  private inInline = false;
  private phoneticDepth = 0;
  private target = Target.None;
  private readonly toDate: (serial: number) => Date;

  constructor(private readonly context: SheetContext) {
    const offset = context.date1904 ? DATE_1904_OFFSET_DAYS - UNIX_EPOCH_SERIAL : -UNIX_EPOCH_SERIAL;
    // As exceljs computes it, so both readers give the same instant (whole milliseconds).
    this.toDate = (serial) => new Date(Math.round((serial + offset) * MS_PER_DAY));
  }

  bind(scanner: XmlScanner): void {
    this.xml = scanner;
  }

  open(name: string): void {
    switch (name) {
      case 'c':
        if (this.inRow) this.startCell();
        break;
      case 'v':
        if (this.inCell) this.collect(Target.Value);
        break;
      case 'row':
        if (this.inSheetData) this.startRow();
        break;
      case 'f':
        if (this.inCell) this.collect(Target.Formula);
        break;
      case 'is':
        if (this.inCell) {
          this.inInline = true;
          this.inline = '';
        }
        break;
      case 't':
        if (this.inInline && this.phoneticDepth === 0) {
          this.target = Target.InlineText;
          this.wantsText = true;
        }
        break;
      case 'rPh':
        if (this.inInline) this.phoneticDepth += 1;
        break;
      case 'sheetData':
        this.inSheetData = true;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        if (this.inCell) this.endCell();
        break;
      case 'v':
      case 'f':
      case 't':
        this.target = Target.None;
        this.wantsText = false;
        break;
      case 'row':
        if (this.inRow) this.endRow();
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        if (this.phoneticDepth > 0) this.phoneticDepth -= 1;
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  text(text: string): void {
    let length: number;
    switch (this.target) {
      case Target.Value:
        length = (this.value = this.value === '' ? text : this.value + text).length;
        break;
      case Target.Formula:
        length = (this.formula = this.formula === '' ? text : this.formula + text).length;
        break;
      case Target.InlineText:
        length = (this.inline = this.inline === '' ? text : this.inline + text).length;
        break;
      default:
        return;
    }
    if (length > this.context.limits.maxCellChars) {
      throw limitExceeded(this.context.file, `cell ${this.where()} has more than ${this.context.limits.maxCellChars} characters`, 'maxCellChars', this.context.limits.maxCellChars);
    }
  }

  private collect(target: Target): void {
    this.target = target;
    this.wantsText = true;
    if (target === Target.Value) this.value = '';
    else this.formula = '';
  }

  private startRow(): void {
    const r = this.xml.attribute('r');
    const rowNumber = r === undefined ? this.rowNumber + 1 : parseRowNumber(r);
    if (!(rowNumber >= 1 && rowNumber <= MAX_ROW)) this.fail(`a row numbered ${JSON.stringify(r)}, outside 1–${MAX_ROW}`);
    this.rowNumber = rowNumber;
    this.inRow = true;
    this.column = -1;
    this.cells.length = 0;
  }

  private endRow(): void {
    this.inRow = false;
    if (this.cells.length === 0) return;
    this.rowsWithCells += 1;
    const { maxRows } = this.context.limits;
    if (this.rowsWithCells > maxRows) {
      throw limitExceeded(this.context.file, `sheet ${this.context.sheetName} has more than ${maxRows} rows`, 'maxRows', maxRows);
    }
    this.context.onRow(this.rowNumber, this.cells);
  }

  private startCell(): void {
    const xml = this.xml;
    const ref = xml.attribute('r');
    const column = ref === undefined ? this.column + 1 : columnIndex(ref);
    this.cellRef = ref;
    if (!(column >= 0 && column < MAX_COLUMN)) this.fail(`a cell reference ${JSON.stringify(ref)} that is not a cell of the grid`);
    this.column = column;
    this.inCell = true;
    this.cellType = xml.attribute('t');
    const style = xml.attribute('s');
    this.cellStyle = style === undefined ? 0 : Number(style);
    this.value = undefined;
    this.formula = undefined;
    this.inline = undefined;
  }

  private endCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.phoneticDepth = 0;
    const raw = this.cellValue();
    if (raw !== null) this.cells[this.column] = raw;
  }

  private cellValue(): RawValue {
    const value = this.value;
    const formula = this.formula;
    if (formula !== undefined && value === undefined && this.inline === undefined) return { formulaWithoutResult: ownCopy(formula) };
    let raw: RawValue;
    switch (this.cellType) {
      case 's':
        raw = value === undefined || value === '' ? null : this.sharedString(value);
        break;
      case 'inlineStr':
        raw = this.inline !== undefined ? ownCopy(this.inline) : value === undefined ? null : ownCopy(value);
        break;
      case 'str':
        raw = value === undefined ? null : ownCopy(value);
        break;
      case 'b':
        raw = value === undefined || value === '' ? null : booleanOf(value);
        break;
      case 'e':
        raw = value === undefined ? null : formula === undefined ? { excelError: value } : { excelError: value, formula: ownCopy(formula) };
        break;
      case 'd':
        raw = value === undefined || value === '' ? null : isoDate(value);
        break;
      default:
        raw = value === undefined || value === '' ? null : this.number(value);
    }
    return raw;
  }

  private number(text: string): RawValue {
    const number = Number(text);
    if (Number.isNaN(number) || text.trim() === '') return ownCopy(text);
    return this.context.dateStyles[this.cellStyle] === true ? this.toDate(number) : number;
  }

  private sharedString(text: string): string {
    const index = Number(text);
    const strings = this.context.sharedStrings;
    if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
      this.fail(`cell ${this.where()} refers to shared string ${JSON.stringify(text)}, but the shared-string table has ${strings.length} strings (0–${strings.length - 1})`);
    }
    return strings[index]!;
  }

  /** `办件台账!C7` for messages; the reference is computed when the cell has no `r=`. */
  private where(): string {
    return `${this.context.sheetName}!${this.cellRef ?? `${columnLetter(this.column + 1)}${this.rowNumber}`}`;
  }

  private fail(what: string): never {
    throw damaged(this.context.file, `sheet ${this.context.sheetName} (${this.context.part}) has ${what}: the file is damaged`);
  }
}

function parseRowNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** 0-based column of a reference (`AB12` → 27); -1 when it starts with no letter. */
function columnIndex(ref: string): number {
  let column = 0;
  let at = 0;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at) & ~0x20;
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
    if (column > MAX_COLUMN) return MAX_COLUMN;
  }
  return at === 0 ? -1 : column - 1;
}

function booleanOf(text: string): RawValue {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return ownCopy(text);
}

/** `t="d"` cells (strict OOXML, some exporters): an ISO 8601 date; a date without zone is UTC. */
function isoDate(text: string): RawValue {
  if (!ISO_DATE.test(text)) return ownCopy(text);
  const zoned = text.length > 10 && !/(?:Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? ownCopy(text) : date;
}
