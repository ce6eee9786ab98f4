/**
 * Test workbooks built in code with exceljs: the in-memory writer (parts in the usual order)
 * or the streaming writer (xl/workbook.xml after the sheets — the order that crashes exceljs's
 * own streaming reader unless the importer re-packs it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export interface SheetDraft {
  name: string;
  rows: unknown[][];
  /** Ranges to merge, e.g. 'A1:H1' for a title row. */
  merges?: string[];
  /** Number format per 1-based column, e.g. { 2: 'yyyy-mm-dd' }. */
  numFmts?: Record<number, string>;
}

export interface WriteOptions {
  writer?: 'memory' | 'streaming';
  date1904?: boolean;
}

export async function writeWorkbook(file: string, sheets: SheetDraft[], options: WriteOptions = {}): Promise<string> {
  if (options.writer === 'streaming') await writeStreaming(file, sheets);
  else await writeInMemory(file, sheets, options);
  return file;
}

async function writeInMemory(file: string, sheets: SheetDraft[], options: WriteOptions): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const draft of sheets) {
    const sheet = workbook.addWorksheet(draft.name);
    for (const row of draft.rows) sheet.addRow(row);
    for (const range of draft.merges ?? []) sheet.mergeCells(range);
    for (const [column, numFmt] of Object.entries(draft.numFmts ?? {})) sheet.getColumn(Number(column)).numFmt = numFmt;
  }
  await workbook.xlsx.writeFile(file);
}

async function writeStreaming(file: string, sheets: SheetDraft[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  for (const draft of sheets) {
    const sheet = workbook.addWorksheet(draft.name);
    for (const [column, numFmt] of Object.entries(draft.numFmts ?? {})) sheet.getColumn(Number(column)).numFmt = numFmt;
    // Rows stay uncommitted until merged: merging first would start them below the range.
    for (const row of draft.rows) sheet.addRow(row);
    for (const range of draft.merges ?? []) sheet.mergeCells(range);
    sheet.commit();
  }
  await workbook.commit();
}

export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'duty-audit-ledger-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
