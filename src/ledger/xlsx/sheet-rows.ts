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
import type { PartHandler } from './part-parser.js';
import { damaged } from './workbook-error.js';
import { decodeText, indexOfByte, startsWithAscii, utf8, type XmlScanner } from './xml-scanner.js';
import { msg, type Message } from '../../messages/catalogue.js';

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 in the 1900 system, as Excel counts) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET_DAYS = 1_462;
/** Whole-day serials whose Date is shared (a year of days, with room for stray years). */
const MAX_REMEMBERED_DAYS = 4_096;
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
  /** Inside a row, between cells: the common cell forms are read by `shortcut`. */
  wantsShortcut = false;
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
    const dateOf = (serial: number): Date => new Date(Math.round((serial + offset) * MS_PER_DAY));
    // One Date per whole-day serial, shared by every cell that holds it: a month's date columns
    // hold a few dozen days, and nothing downstream changes a Date (the cell parser reads it and
    // remembers its day by time). Only whole days are kept, and only so many, so that a column of
    // times of day cannot grow the memory with the sheet.
    const days = new Map<number, Date>();
    this.toDate = (serial) => {
      let date = days.get(serial);
      if (date === undefined) {
        date = dateOf(serial);
        if (Number.isInteger(serial) && days.size < MAX_REMEMBERED_DAYS) days.set(serial, date);
      }
      return date;
    };
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
      throw limitExceeded(this.context.file, msg('xlsx.cellTooLong', { cell: this.where(), n: this.context.limits.maxCellChars }), 'maxCellChars', this.context.limits.maxCellChars);
    }
  }

  /**
   * The cell forms Excel, WPS, LibreOffice and exceljs write for nearly every cell, read without
   * an event per tag: `<c …/>`, `<c …></c>`, `<c …><v>…</v></c>` and
   * `<c …><is><t>…</t></is></c>`, attributes in double quotes one space apart. Anything else (a
   * formula, rich text, white space between tags, a prefix, a reference to decode in an
   * attribute, a value too long, a shared-string index out of range) is declined and read tag by
   * tag, the same way. Adjacent cells are read in one call. Measured on a 100,000-case sheet:
   * the scan takes a third of the time it takes tag by tag.
   */
  shortcut(buffer: Buffer, lt: number, length: number): number {
    let at = lt;
    while (at + 1 < length && buffer[at] === LT) {
      const next = buffer[at + 1];
      const end = next === LETTER_C ? this.shortcutCell(buffer, at, length) : next === SLASH ? this.shortcutNextRow(buffer, at, length) : -1;
      if (end < 0) break;
      at = end;
    }
    return at === lt ? -1 : at;
  }

  /**
   * `</row><row …>` at `lt`: this row ends and the next one starts, read without the scanner's
   * two tag events; the scanner's open elements stay as they are (a row for a row). Only for a
   * row opened as `<row>` itself (no prefix), and a next row whose attributes are in double
   * quotes one space apart, with no reference, `<` or `>` in a value; a row number is read when
   * it is 1 to 7 digits within the grid. Anything else (the last row's `</row></sheetData>`, an
   * empty `<row/>`, white space between the tags) is declined and read tag by tag. Measured on
   * the 100,000-case sheet (docs/performance.md): the rows' tags were about a tenth of the scan.
   */
  private shortcutNextRow(buffer: Buffer, lt: number, length: number): number {
    if (
      lt + 11 >= length ||
      buffer[lt + 2] !== LETTER_R ||
      buffer[lt + 3] !== LETTER_O ||
      buffer[lt + 4] !== LETTER_W ||
      buffer[lt + 5] !== GT ||
      buffer[lt + 6] !== LT ||
      buffer[lt + 7] !== LETTER_R ||
      buffer[lt + 8] !== LETTER_O ||
      buffer[lt + 9] !== LETTER_W ||
      this.xml.innermost() !== 'row'
    ) {
      return -1;
    }
    let at = lt + 10;
    let code = buffer[at]!;
    let rowNumber = this.rowNumber + 1;
    let sawRowNumber = false;
    while (code === SPACE) {
      const nameStart = ++at;
      code = buffer[at]!;
      while (at < length && code > SPACE && code !== EQUALS && code !== SLASH && code !== GT && code !== QUOTE && code !== LT) code = buffer[++at]!;
      if (code !== EQUALS || at === nameStart || buffer[at + 1] !== QUOTE) return -1;
      const valueStart = at + 2;
      let close = valueStart;
      for (code = buffer[close]!; close < length && code !== QUOTE; code = buffer[++close]!) {
        if (code === AMPERSAND || code === LT || code === GT) return -1;
      }
      if (close >= length) return -1;
      if (buffer[at - 1] === LETTER_R && (at - nameStart === 1 || buffer[at - 2] === COLON)) {
        // `r` by its local name, as the scanner's attribute() finds it: the first one counts.
        if (at - nameStart > 1 || sawRowNumber) return -1;
        sawRowNumber = true;
        rowNumber = digitsOf(buffer, valueStart, close, 7);
        if (rowNumber < 1 || rowNumber > MAX_ROW) return -1;
      }
      at = close + 1;
      code = buffer[at]!;
    }
    if (code !== GT) return -1;
    this.endRow();
    this.beginRow(rowNumber);
    return at + 1;
  }

  /**
   * One cell at `lt` (`<c` seen), or -1 leaving every field as it was. `length` is just past
   * the buffer's last `>`: every loop below stops at a `>` (a `>` inside a quoted value is
   * declined), so no byte is read at or past the buffer's end. Reading past it returns
   * undefined (NaN when this read strings) and throws V8 out of its optimised code, once per
   * place it happens: the last cell of each inflated chunk was cut at a different place each time,
   * and the 100,000-case sheet cost 13 deoptimisations of this function (node --trace-deopt).
   */
  private shortcutCell(buffer: Buffer, lt: number, length: number): number {
    // Bytes are compared one by one rather than with a search: the names and values are a few
    // bytes long, and a built-in call per comparison cost more than the loop.
    let at = lt + 2;
    let code = buffer[at]!;
    let column = this.column + 1;
    let type: string | undefined;
    let style = 0;
    while (code === SPACE) {
      const nameStart = ++at;
      const name = buffer[at]!;
      if (name === LETTER_T && buffer[at + 1] === EQUALS && buffer[at + 2] === QUOTE && buffer[at + 3] === LETTER_S && buffer[at + 4] === QUOTE) {
        // t="s", the type of every text cell Excel writes, read without the general loop below.
        type = 's';
        at += 5;
        code = buffer[at]!;
        continue;
      }
      if ((name === LETTER_R || name === LETTER_S) && buffer[at + 1] === EQUALS && buffer[at + 2] === QUOTE) {
        // r="AB12" and s="3", read as they are scanned.
        at += 3;
        code = buffer[at]!;
        let number = 0;
        if (name === LETTER_R) {
          const start = at;
          for (; code >= 0x41 && code <= 0x5a && number <= MAX_COLUMN; code = buffer[++at]!) number = number * 26 + (code - 0x40);
          if (at === start || code < 0x30 || code > 0x39) return -1;
          while (code >= 0x30 && code <= 0x39) code = buffer[++at]!;
          column = number - 1;
        } else {
          const start = at;
          for (; code >= 0x30 && code <= 0x39 && at - start < 9; code = buffer[++at]!) number = number * 10 + (code - 0x30);
          if (at === start) return -1;
          style = number;
        }
        if (code !== QUOTE) return -1;
        code = buffer[++at]!;
        continue;
      }
      code = name;
      while (at < length && code > SPACE && code !== EQUALS && code !== COLON && code !== SLASH && code !== GT) code = buffer[++at]!;
      if (code !== EQUALS || at === nameStart || buffer[at + 1] !== QUOTE) return -1;
      const valueStart = at + 2;
      let close = valueStart;
      for (code = buffer[close]!; close < length && code !== QUOTE; code = buffer[++close]!) {
        if (code === AMPERSAND || code < SPACE || code === LT || code === GT) return -1;
      }
      if (close >= length) return -1;
      if (at - nameStart === 1 && name === LETTER_T) {
        type = cellTypeOf(buffer, valueStart, close);
        if (type === DECLINED) return -1;
      } else if (at - nameStart === 1 && (name === LETTER_R || name === LETTER_S)) {
        return -1;
      }
      at = close + 1;
      code = buffer[at]!;
    }
    // `at` is on the start tag's `>` or `/>`; every read below is checked against the length.
    let end: number;
    let valueStart = -1;
    let valueEnd = -1;
    let inline = false;
    if (code === SLASH) {
      if (buffer[at + 1] !== GT) return -1;
      end = at + 2;
    } else if (code !== GT || at + 4 >= length || buffer[at + 1] !== LT) {
      return -1;
    } else if (buffer[at + 2] === SLASH) {
      if (buffer[at + 3] !== LETTER_C || buffer[at + 4] !== GT) return -1;
      end = at + 5;
    } else if (buffer[at + 2] === LETTER_V && buffer[at + 3] === GT) {
      valueStart = at + 4;
      valueEnd = indexOfByte(buffer, LT, valueStart, length);
      if (valueEnd < 0 || valueEnd + 8 > length || !isValueEnd(buffer, valueEnd)) return -1;
      end = valueEnd + 8;
    } else if (startsWithAscii(buffer, INLINE_TEXT, at + 1) || startsWithAscii(buffer, INLINE_TEXT_PRESERVED, at + 1)) {
      valueStart = at + 1 + (buffer[at + INLINE_TEXT.length] === GT ? INLINE_TEXT.length : INLINE_TEXT_PRESERVED.length);
      valueEnd = indexOfByte(buffer, LT, valueStart, length);
      if (valueEnd < 0 || valueEnd + 13 > length || !startsWithAscii(buffer, '</t></is></c>', valueEnd)) return -1;
      end = valueEnd + 13;
      inline = true;
    } else {
      return -1;
    }
    if (column >= MAX_COLUMN || valueEnd - valueStart > this.context.limits.maxCellChars) return -1;
    let raw: RawValue;
    if (valueStart < 0) {
      raw = null;
    } else if (type === 's' && !inline) {
      const index = digitsOf(buffer, valueStart, valueEnd, 9);
      const strings = this.context.sharedStrings;
      if (index < 0 || index >= strings.length) return -1;
      raw = strings[index]!;
    } else if (type === undefined && !inline && (raw = digitsOf(buffer, valueStart, valueEnd, 15)) >= 0) {
      // A whole number, read without making a string (serials of dates, phone numbers, counts).
      if (this.context.dateStyles[style] === true) raw = this.toDate(raw);
    } else {
      this.cellType = type;
      this.cellStyle = style;
      this.formula = undefined;
      const text = decodeText(utf8(buffer, valueStart, valueEnd));
      this.value = inline ? undefined : text;
      this.inline = inline ? text : undefined;
      raw = this.cellValue();
    }
    this.column = column;
    if (raw !== null) this.cells[column] = raw;
    return end;
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
    if (!(rowNumber >= 1 && rowNumber <= MAX_ROW)) this.fail(msg('xlsx.badRowNumber', { r: JSON.stringify(r), max: MAX_ROW }));
    this.beginRow(rowNumber);
  }

  private beginRow(rowNumber: number): void {
    this.rowNumber = rowNumber;
    this.inRow = true;
    this.wantsShortcut = true;
    this.column = -1;
    this.cells.length = 0;
  }

  private endRow(): void {
    this.inRow = false;
    this.wantsShortcut = false;
    if (this.cells.length === 0) return;
    this.rowsWithCells += 1;
    const { maxRows } = this.context.limits;
    if (this.rowsWithCells > maxRows) {
      throw limitExceeded(this.context.file, msg('xlsx.tooManyRows', { sheet: this.context.sheetName, n: maxRows }), 'maxRows', maxRows);
    }
    this.context.onRow(this.rowNumber, this.cells);
  }

  private startCell(): void {
    const xml = this.xml;
    const ref = xml.attribute('r');
    const column = ref === undefined ? this.column + 1 : columnIndex(ref);
    this.cellRef = ref;
    if (!(column >= 0 && column < MAX_COLUMN)) this.fail(msg('xlsx.badCellRef', { ref: JSON.stringify(ref) }));
    this.column = column;
    this.inCell = true;
    this.wantsShortcut = false;
    this.cellType = xml.attribute('t');
    const style = xml.attribute('s');
    this.cellStyle = style === undefined ? 0 : Number(style);
    this.value = undefined;
    this.formula = undefined;
    this.inline = undefined;
  }

  private endCell(): void {
    this.inCell = false;
    this.wantsShortcut = this.inRow;
    this.inInline = false;
    this.phoneticDepth = 0;
    const raw = this.cellValue();
    if (raw !== null) this.cells[this.column] = raw;
  }

  private cellValue(): RawValue {
    const value = this.value;
    const formula = this.formula;
    if (formula !== undefined && value === undefined && this.inline === undefined) return { formulaWithoutResult: formula };
    let raw: RawValue;
    switch (this.cellType) {
      case 's':
        raw = value === undefined || value === '' ? null : this.sharedString(value);
        break;
      case 'inlineStr':
        raw = this.inline !== undefined ? this.inline : value === undefined ? null : value;
        break;
      case 'str':
        raw = value === undefined ? null : value;
        break;
      case 'b':
        raw = value === undefined || value === '' ? null : booleanOf(value);
        break;
      case 'e':
        raw = value === undefined ? null : formula === undefined ? { excelError: value } : { excelError: value, formula: formula };
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
    if (Number.isNaN(number) || text.trim() === '') return text;
    return this.context.dateStyles[this.cellStyle] === true ? this.toDate(number) : number;
  }

  private sharedString(text: string): string {
    const index = Number(text);
    const strings = this.context.sharedStrings;
    if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
      this.fail(msg('xlsx.badSharedString', { cell: this.where(), index: JSON.stringify(text), n: strings.length, last: strings.length - 1 }));
    }
    return strings[index]!;
  }

  /** `办件台账!C7` for messages; the reference is computed when the cell has no `r=`. */
  private where(): string {
    return `${this.context.sheetName}!${this.cellRef ?? `${columnLetter(this.column + 1)}${this.rowNumber}`}`;
  }

  private fail(what: Message): never {
    throw damaged(this.context.file, msg('xlsx.sheetDamaged', { sheet: this.context.sheetName, part: this.context.part, what }));
  }
}

const LETTER_C = 0x63;
const LETTER_R = 0x72;
const LETTER_S = 0x73;
const LETTER_T = 0x74;
const SPACE = 0x20;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const LT = 0x3c;
const EQUALS = 0x3d;
const COLON = 0x3a;
const AMPERSAND = 0x26;
const LETTER_V = 0x76;
const LETTER_O = 0x6f;
const LETTER_W = 0x77;
/** An inline string's text, opened as Excel and openpyxl write it. */
const INLINE_TEXT = '<is><t>';
const INLINE_TEXT_PRESERVED = '<is><t xml:space="preserve">';
const DECLINED = '\u0000declined';

/**
 * The whole number in buffer[start, end); -1 unless it is 1 to `maxDigits` digits. A
 * shared-string index has at most 9; a cell value at most 15 (exact in a double).
 */
function digitsOf(buffer: Buffer, start: number, end: number, maxDigits: number): number {
  if (end <= start || end - start > maxDigits) return -1;
  let value = 0;
  for (let at = start; at < end; at++) {
    const code = buffer[at]!;
    if (code < 0x30 || code > 0x39) return -1;
    value = value * 10 + (code - 0x30);
  }
  return value;
}


/** `</v></c>` at `at` (the caller made sure eight bytes are there). */
function isValueEnd(buffer: Buffer, at: number): boolean {
  return (
    buffer[at + 1] === SLASH &&
    buffer[at + 2] === LETTER_V &&
    buffer[at + 3] === GT &&
    buffer[at + 4] === LT &&
    buffer[at + 5] === SLASH &&
    buffer[at + 6] === LETTER_C &&
    buffer[at + 7] === GT
  );
}

const CELL_TYPES = ['s', 'n', 'b', 'e', 'd', 'str', 'inlineStr'];

/** The cell type in buffer[start, end) as one of the type literals, or DECLINED. */
function cellTypeOf(buffer: Buffer, start: number, end: number): string {
  if (end - start === 1) {
    switch (buffer[start]) {
      case LETTER_S:
        return 's';
      case 0x6e:
        return 'n';
      case 0x62:
        return 'b';
      case 0x65:
        return 'e';
      case 0x64:
        return 'd';
      default:
        return DECLINED;
    }
  }
  for (const type of CELL_TYPES) {
    if (type.length === end - start && startsWithAscii(buffer, type, start)) return type;
  }
  return DECLINED;
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
  return text;
}

/** `t="d"` cells (strict OOXML, some exporters): an ISO 8601 date; a date without zone is UTC. */
function isoDate(text: string): RawValue {
  if (!ISO_DATE.test(text)) return text;
  const zoned = text.length > 10 && !/(?:Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? text : date;
}
