/**
 * Row heights that show wrapped text. Neither exceljs nor LibreOffice sizes a row to its
 * wrapped text when a workbook is opened (a row without a stored height shows one line, cut at
 * the column edge), so every row the report writes gets a height computed here from the text
 * and the column widths.
 *
 * A column width is counted in the widths of the default font's digit; a Chinese character at
 * the report's 10.5 pt is two of them, a Latin letter or digit about one (the Unicode East Asian
 * width says which is which; ambiguous ones, “ ” — …, are wide in a Chinese font). The line height is Noto Sans CJK's (1.45 em), the face
 * LibreOffice draws 等线 with on Linux; Excel's 等线 is a little tighter, so a row has room to
 * spare there rather than cut text.
 */
import ExcelJS from 'exceljs';
import { eastAsianWidth } from 'get-east-asian-width';
import { FONT_SIZE } from './style.js';

/** Points per line at a font size: the CJK face's ascent plus descent. */
export function lineHeight(size: number = FONT_SIZE): number {
  return Math.ceil(size * 1.45 * 2) / 2;
}

/**
 * Padding inside a cell, in digit widths. A column `w` wide is 7w + 5 px, of which a few px are
 * the cell's margins: measured in LibreOffice with Carlito (Calibri's metrics), a column 10 wide
 * holds exactly five Chinese characters at 10.5 pt.
 */
const CELL_PADDING = 0;
/** Points added under the last line. */
const ROW_PADDING = 2;

/**
 * A narrow character's width in digits of the default font at the body size: a digit of the
 * CJK face at 10.5 pt is 0.55 em, 7.7 px, against the 7 px digit a column is measured in.
 */
const NARROW = 1.1;

const AMBIGUOUS_AS_WIDE = { ambiguousAsWide: true };

/**
 * The East Asian width (1 or 2) of each character of the Basic Multilingual Plane, looked up
 * once: 0 until then. A report measures every character of its wrapped cells, mostly the same
 * few hundred; asking get-east-asian-width each time (a range search) was about a third of the
 * time spent sizing rows.
 */
const bmpWidths = new Uint8Array(0x10000);

function charWidth(codePoint: number): number {
  if (codePoint > 0xffff) return eastAsianWidth(codePoint, AMBIGUOUS_AS_WIDE);
  let width = bmpWidths[codePoint]!;
  if (width === 0) bmpWidths[codePoint] = width = eastAsianWidth(codePoint, AMBIGUOUS_AS_WIDE);
  return width;
}

/**
 * A text's width in digit widths at the body size: 2 per wide character, 1.1 per narrow one.
 * Characters are code points, as `for…of` walks a string: a surrogate pair is one character, a
 * lone surrogate half one of its own.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    width += charWidth(codePoint) === 2 ? 2 : NARROW;
  }
  return width;
}

/** The widths of a text's lines (split at line breaks), in digit widths at the body size. */
function lineWidths(text: string): number[] {
  return text.split('\n').map(textWidth);
}

/** Lines that lines `widths` wide take in a column `width` wide at font size `size`. */
function linesIn(widths: readonly number[], width: number, size: number): number {
  const usable = Math.max(1, width - CELL_PADDING);
  // At the body size a Chinese character (width 2) is 14 px, two 7 px digits of the default font.
  const scale = size / FONT_SIZE;
  let lines = 0;
  for (const w of widths) lines += Math.max(1, Math.ceil((w * scale) / usable));
  return lines;
}

/** Lines a text takes in a column `width` wide when wrapped. */
export function wrappedLines(text: string, width: number, size: number = FONT_SIZE): number {
  return linesIn(lineWidths(text), width, size);
}

/** The text a cell shows, for measuring: dates and numbers are short; rich text by its runs. */
function shownText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '0000-00-00';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object') return '';
  return String(value);
}

const { ValueType } = ExcelJS;

/** Distinct texts remembered at most: a month's report has a few thousand. */
const MAX_TEXTS = 10_000;

/**
 * Sizes the rows of one workbook. Sizing rows was ~6% of a CPU profile of the bench month's
 * report (10 profiles). Short text is taken as one line unmeasured (linesOf); a longer text is
 * measured once per workbook, since a report repeats its texts (a rule's message, a reason).
 * The texts are forgotten every MAX_TEXTS, so that the streaming writer's memory stays flat
 * however many findings it writes.
 */
export class RowHeights {
  private readonly measured = new Map<string, number[]>();

  private linesOf(text: string, width: number, size: number): number {
    // A character is at most 2 digits wide (a UTF-16 unit at most 2, a pair of them one
    // character): text that fits at that width is one line, whatever its characters. Most
    // wrapped cells (names, kinds, record numbers) are such, and are neither measured nor
    // looked up (a look-up hashes the whole text).
    if (text.length * 2 * (size / FONT_SIZE) <= Math.max(1, width - CELL_PADDING) && !text.includes('\n')) return 1;
    let widths = this.measured.get(text);
    if (!widths) {
      if (this.measured.size >= MAX_TEXTS) this.measured.clear();
      this.measured.set(text, (widths = lineWidths(text)));
    }
    return linesIn(widths, width, size);
  }

  /**
   * The height a row needs: the most lines of any wrapped cell (a cell that does not wrap takes
   * one line), at the largest font in the row. Empty cells count for nothing.
   */
  rowHeight(row: ExcelJS.Row, widthOf: (column: number) => number): number {
    let lines = 1;
    let size = 0;
    // findCell over the row's cells, not eachCell, whose callback per cell cost more than the measuring.
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.findCell(column);
      if (!cell || cell.type === ValueType.Null) continue;
      const { font, alignment } = cell.style;
      const cellSize = font?.size ?? FONT_SIZE;
      if (cellSize > size) size = cellSize;
      if (alignment?.wrapText) lines = Math.max(lines, this.linesOf(shownText(cell.value), widthOf(column), cellSize));
    }
    return lines * lineHeight(size || FONT_SIZE) + ROW_PADDING;
  }

  /** Sets a row's height from its cells and the sheet's column widths (8.43 where none is set). */
  fit(row: ExcelJS.Row, ws: ExcelJS.Worksheet): void {
    row.height = this.rowHeight(row, (column) => ws.getColumn(column).width ?? 8.43);
  }
}
