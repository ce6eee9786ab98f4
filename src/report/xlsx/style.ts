/** The look shared by every sheet: header row, grade colours, dates, wrapped text. */
import type ExcelJS from 'exceljs';
import type { Grade } from '../../grade-scale.js';

/** Light fills, darker with the grade, readable when printed in grey. */
export const GRADE_FILLS: Record<Grade, string> = {
  reminder: 'FFFFF2CC',
  criticism: 'FFFCE4D6',
  notice: 'FFF8CBAD',
  deduction: 'FFF4B084',
};

const HEADER_FILL = 'FFD9E1F2';
export const DATE_FORMAT = 'yyyy-mm-dd';

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = solidFill(HEADER_FILL);
    cell.border = { bottom: { style: 'thin' } };
  });
}

export function styleHeading(row: ExcelJS.Row): void {
  row.font = { bold: true, size: 12 };
}

/** Fills every cell of the first `columns` cells of a row (empty cells too, so the band is whole). */
export function fillRow(row: ExcelJS.Row, columns: number, argb: string): void {
  for (let c = 1; c <= columns; c++) row.getCell(c).fill = solidFill(argb);
}

/** An ISO date as an Excel date: built in UTC, because exceljs writes UTC (LIBRARY-NOTES). */
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
