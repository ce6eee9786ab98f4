/**
 * The look shared by every sheet: one named sans-serif font (so that bold headers and totals
 * do not fall back to a serif face), the header row, the grade colours, dates, wrapped text.
 */
import type ExcelJS from 'exceljs';
import type { Grade } from '../../grade-scale.js';

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
export const DATE_FORMAT = 'yyyy-mm-dd';

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** A cell showing a grade: its fill, and bold text in the colour that reads on it. */
export function gradeCell(cell: ExcelJS.Cell, grade: Grade): void {
  cell.fill = solidFill(GRADE_FILLS[grade]);
  cell.font = { ...BOLD_FONT, color: { argb: GRADE_TEXT[grade] } };
}

/** A column header: bold on a light blue band with a rule under it, wrapped. */
export function headerCell(cell: ExcelJS.Cell): void {
  cell.font = BOLD_FONT;
  cell.fill = solidFill(HEADER_FILL);
  cell.border = { bottom: { style: 'thin' } };
  cell.alignment = { vertical: 'middle', wrapText: true };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = BOLD_FONT;
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell(headerCell);
}

export function styleHeading(row: ExcelJS.Row): void {
  row.font = HEADING_FONT;
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
  for (const c of columns) row.getCell(c).alignment = { wrapText: true, vertical: 'top' };
}

/** Every cell of a row in the named font, at the sheet's body size unless styled larger. */
export function bodyFont(row: ExcelJS.Row, size: number = FONT_SIZE): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    const own = cell.font ?? {};
    cell.font = { ...BODY_FONT, ...own, size: own.size ?? size };
  });
}

/** Cells without an alignment of their own start at the top, level with wrapped text beside them. */
export function topAligned(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    if (!cell.alignment) cell.alignment = { vertical: 'top' };
  });
}
