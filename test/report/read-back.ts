/** Reads a written report back with exceljs, as plain values, for assertions. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { AuditResult } from '../../src/audit/types.js';
import { writeReportXlsx, type XlsxOptions } from '../../src/report/xlsx/write.js';

const written = mkdtempSync(join(tmpdir(), 'duty-audit-read-back-'));
let books = 0;

/** The report of `result` written to a file of its own (masked, Chinese unless told) and read back. */
export async function writtenBook(result: AuditResult, options: Partial<XlsxOptions> = {}): Promise<ExcelJS.Workbook> {
  const file = join(written, `r${++books}.xlsx`);
  await writeReportXlsx(result, file, { lang: 'zh', mask: true, ...options });
  return readBook(file);
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((w) => w.name);
}

/** Rows as arrays of cell values (index 0 = column A); empty rows kept as []. */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).value);
    out.push(values);
  }
  return out;
}

/** Every sheet's cell values, comparable across writes (dates as ISO strings). */
export function contents(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  return Object.fromEntries(
    wb.worksheets.map((ws) => [ws.name, rowsOf(ws).map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v)))]),
  );
}

export function allText(wb: ExcelJS.Workbook): string {
  return JSON.stringify(contents(wb));
}

/** The data rows of a table sheet, as records keyed by its header row. */
export function tableRecords(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const [header, ...rows] = rowsOf(ws);
  return rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [String(h), row[i] ?? null])));
}
