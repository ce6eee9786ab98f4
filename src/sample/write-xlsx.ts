/**
 * Writes the sample workbook with exceljs: one sheet per ledger sheet, a merged title row, the
 * header, the rows; date cells formatted as dates. Large months go through the streaming
 * writer without shared strings, waiting for the file stream every 1,000 rows — exceljs has no
 * backpressure of its own (docs/performance.md). Workbook dates come from the period, and the
 * zip entries are re-dated to the same instant (exceljs stamps each with the clock), so the same
 * seed gives the same bytes.
 */
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileAtomically } from '../output/atomic-file.js';
import type { Writable } from 'node:stream';
import type { SamplePlan, SheetSource } from './generate.js';
import type { SampleCell } from './types.js';

/** Above this many cases the streaming writer is used. */
export const STREAMING_FROM = 5_000;
const DRAIN_EVERY = 1_000;

type AnyWorksheet = ExcelJS.Worksheet;

/** What a workbook is written from: the sample month, or the month before it (earlier-month.ts). */
export type WorkbookPlan = Pick<SamplePlan, 'sheets' | 'asOf'>;

function fixedDates(plan: WorkbookPlan): { created: Date; modified: Date } {
  const [y, m, d] = plan.asOf.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d, 9, 0, 0));
  return { created: at, modified: at };
}

function columnWidth(header: string): number {
  return Math.max(10, Math.min(24, header.length * 2 + 4));
}

function styleRow(row: ExcelJS.Row, cells: readonly SampleCell[]): void {
  cells.forEach((value, i) => {
    if (value instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
  });
}

async function fillSheet(ws: AnyWorksheet, sheet: SheetSource, stream: Writable | undefined): Promise<void> {
  const width = sheet.headers.length;
  ws.columns = sheet.headers.map((h) => ({ width: columnWidth(h) }));
  const title = ws.addRow([sheet.title]);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(1, 1, 1, width);
  if (stream) title.commit();
  const header = ws.addRow(sheet.headers);
  header.font = { bold: true };
  if (stream) header.commit();
  let n = 0;
  for (const r of sheet.rows()) {
    const row = ws.addRow(r.cells);
    styleRow(row, r.cells);
    if (!stream) continue;
    row.commit();
    if (++n % DRAIN_EVERY === 0) await letStreamDrain(stream);
  }
}

async function letStreamDrain(stream: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

/**
 * The same zip with every entry dated `at`. JSZip keeps each entry's compressed bytes when the
 * compression is unchanged, so only the headers are rewritten.
 */
export async function redateZip(bytes: Uint8Array, at: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const entry of Object.values(zip.files)) entry.date = at;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function writeSampleXlsx(plan: WorkbookPlan, file: string, options: { streaming?: boolean } = {}): Promise<void> {
  await writeFileAtomically(file, async (path) => {
    await writeWorkbook(plan, path, options);
    await writeFile(path, await redateZip(await readFile(path), fixedDates(plan).modified));
  });
}

async function writeWorkbook(plan: WorkbookPlan, file: string, options: { streaming?: boolean }): Promise<void> {
  const casesRows = plan.sheets.find((s) => s.key === 'cases')?.rowCount ?? 0;
  const streaming = options.streaming ?? casesRows >= STREAMING_FROM;
  const meta = { creator: 'duty-audit sample', lastModifiedBy: 'duty-audit sample', ...fixedDates(plan) };
  if (streaming) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true, ...meta });
    const stream = (wb as unknown as { stream: Writable }).stream;
    for (const sheet of plan.sheets) {
      const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
      await fillSheet(ws, sheet, stream);
      ws.commit();
    }
    await wb.commit();
    return;
  }
  const wb = new ExcelJS.Workbook();
  Object.assign(wb, meta);
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
    await fillSheet(ws, sheet, undefined);
  }
  await wb.xlsx.writeFile(file);
}
