/**
 * The look shared by every sheet: one named sans-serif font (so that bold headers and totals
 * do not fall back to a serif face), the header row, the grade colours, dates, wrapped text.
 */
import ExcelJS from 'exceljs';
import type { Grade } from '../../grade-scale.js';

const { ValueType } = ExcelJS;

/**
 * 等线 (DengXian) is the sans-serif face Chinese Office opens new workbooks in; family 2
 * (swiss) tells a program without it to pick a sans-serif substitute (LibreOffice on Linux
 * picks Noto Sans CJK). Sizes are those of Chinese printed forms: 五号 (10.5 pt) for the
 * key–value sheets, 小五 (9 pt) for the tables, whose long rows must fit an A4 page's width.
 */
export const FONT_NAME = '等线';
export const FONT_SIZE = 10.5;
export const TABLE_FONT_SIZE = 9;
/** Fonts without a size take the sheet's body size when the row is finished (book.ts). */
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, family: 2 };
export const BOLD_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true };
export const HEADING_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true, size: 12 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true, size: 16 };

/**
 * Grade fills, lighter to darker with the grade, so that they stay in order when printed in
 * grey (each step at least 50 levels darker, measured as print greys are: 0.299 R + 0.587 G
 * + 0.114 B): pale yellow 提醒, amber 批评教育, orange 通报批评, red 扣除奖金. The grade's word
 * is always written in the coloured cell, so colour is never the only sign.
 */
export const GRADE_FILLS: Record<Grade, string> = {
  reminder: 'FFFFF2CC',
  criticism: 'FFFFC000',
  notice: 'FFE46C0A',
  deduction: 'FFC00000',
};

/** Text on the grade fills: white on the two dark ones, where black would be hard to read. */
export const GRADE_TEXT: Record<Grade, string> = {
  reminder: 'FF000000',
  criticism: 'FF000000',
  notice: 'FF000000',
  deduction: 'FFFFFFFF',
};

const HEADER_FILL = 'FFD9E1F2';
/** Rows that count for nothing or did not run: a light grey band. */
export const MUTED_FILL = 'FFEDEDED';
/** 按期办结率 and 满意率 (0…1) as percentages, in the people sheet and the district summary. */
export const RATE_FORMAT = '0.0%';
export const DATE_FORMAT = 'yyyy-mm-dd';

const FILLS = new Map<string, ExcelJS.Fill>();

/** A solid fill; one object per colour, so that cells filled alike share their style. */
export function solidFill(argb: string): ExcelJS.Fill {
  let fill = FILLS.get(argb);
  if (!fill) FILLS.set(argb, (fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } }));
  return fill;
}

const GRADE_FONTS = Object.fromEntries(Object.entries(GRADE_TEXT).map(([g, argb]) => [g, { ...BOLD_FONT, color: { argb } }])) as Record<Grade, Partial<ExcelJS.Font>>;

/** A cell showing a grade: its fill, and bold text in the colour that reads on it. */
export function gradeCell(cell: ExcelJS.Cell, grade: Grade): void {
  cell.fill = solidFill(GRADE_FILLS[grade]);
  cell.font = GRADE_FONTS[grade];
}

/*
 * Style parts are shared objects, not a literal per cell: exceljs tells styles apart by object
 * (SharedStyles below), and every new object it meets it writes out as XML to look up. In the
 * bench month's report, a fresh alignment and border per header cell, wrapped summary cell and
 * column made 270 such look-ups for 33 distinct styles.
 */
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' } };
const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };
export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
/** Numbers and dates beside text: left-aligned, level with the text's top. */
export const LEFT_TOP: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'top' };
/** A column's own style: none, one object for every column. */
const NO_STYLE: Partial<ExcelJS.Style> = {};

/** A column header: bold on a light blue band with a rule under it, wrapped. */
export function headerCell(cell: ExcelJS.Cell): void {
  cell.font = BOLD_FONT;
  cell.fill = solidFill(HEADER_FILL);
  cell.border = HEADER_BORDER;
  cell.alignment = HEADER_ALIGNMENT;
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = BOLD_FONT;
  row.alignment = HEADER_ALIGNMENT;
  row.eachCell(headerCell);
}

/** A heading or title line: its text, in its first cell, in the heading font. */
export function styleHeading(row: ExcelJS.Row): void {
  row.getCell(1).font = HEADING_FONT;
}

/** A sheet's column widths, in digit widths of the default font. */
export function setColumnWidths(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  ws.columns = widths.map((width) => ({ width, style: NO_STYLE }));
}

export function styleBold(row: ExcelJS.Row): void {
  row.font = BOLD_FONT;
}

/** Fills every cell of the first `columns` cells of a row (empty cells too, so the band is whole). */
export function fillRow(row: ExcelJS.Row, columns: number, argb: string): void {
  for (let c = 1; c <= columns; c++) row.getCell(c).fill = solidFill(argb);
}

/** An ISO date as an Excel date: built in UTC, because exceljs writes UTC (docs/performance.md). */
export function excelDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function formatDates(row: ExcelJS.Row, columns: number[]): void {
  for (const c of columns) row.getCell(c).numFmt = DATE_FORMAT;
}

export function wrap(row: ExcelJS.Row, columns: number[]): void {
  for (const c of columns) row.getCell(c).alignment = WRAP_TOP;
}

const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };

/**
 * Gives every cell of a row its final style — the named font at the sheet's body size unless
 * styled larger, top-aligned (level with wrapped text beside it) unless aligned otherwise — and
 * makes cells styled alike share one style object. exceljs remembers a style by its object and
 * otherwise writes each cell's font and fill out again to find it among the workbook's styles:
 * measured on 50,000 findings, one object per cell made the report four times slower to write.
 * Cells are alike when their font, fill, alignment and border are the same objects (the helpers
 * here hand out shared ones) and their number formats equal.
 *
 * Empty cells (a wrapped or dated column left blank) and the row itself keep the style they
 * have, but share it too: exceljs looks each one up as it does a cell's, and every row has a
 * style object of its own. In the 100,000-case bench month's report that was 3,300 of 13,400
 * look-ups, each writing a style out as XML.
 */
export class SharedStyles {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  private readonly emptyCellStyles = new Map<string, Partial<ExcelJS.Style>>();
  /** Apart from the cells': exceljs gives a row's style the number format of a number cell. A row's style is not in exceljs's typings. */
  private readonly rowStyles = new Map<string, Partial<ExcelJS.Style>>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  /** A number per object: the same object, the same number. */
  private id(part: object | undefined): number {
    if (part === undefined) return 0;
    let id = this.ids.get(part);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(part, id);
    }
    return id;
  }

  private key(style: Partial<ExcelJS.Style>): string {
    return `${this.id(style.font)}|${this.id(style.fill)}|${this.id(style.alignment)}|${this.id(style.border)}|${style.numFmt ?? ''}|${this.id(style.protection)}`;
  }

  /** The first style seen made of the same parts as `style`: its twin, as it is. */
  private asIs(styles: Map<string, Partial<ExcelJS.Style>>, style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    const key = this.key(style);
    const shared = styles.get(key);
    if (shared) return shared;
    styles.set(key, style);
    return style;
  }

  private finished(own: Partial<ExcelJS.Style>, size: number): Partial<ExcelJS.Style> {
    const key = `${size}|${this.key(own)}`;
    let shared = this.styles.get(key);
    if (!shared) {
      shared = { ...own, font: { ...BODY_FONT, ...own.font, size: own.font?.size ?? size }, alignment: own.alignment ?? TOP };
      this.styles.set(key, shared);
    }
    return shared;
  }

  finish(row: ExcelJS.Row, size: number = FONT_SIZE): void {
    // findCell, not eachCell({ includeEmpty }), which would add cells where a row has none.
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.findCell(column);
      if (cell) cell.style = cell.type === ValueType.Null ? this.asIs(this.emptyCellStyles, cell.style) : this.finished(cell.style, size);
    }
    const styled = row as ExcelJS.Row & { style: Partial<ExcelJS.Style> };
    styled.style = this.asIs(this.rowStyles, styled.style);
  }
}
