/** Reading a written sample back, without the project's importer: exceljs and csv-parse only. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SampleCell, SampleSheet } from '../../src/sample/types.js';

/** A cell value in a comparable form (dates as YYYY-MM-DD). */
export function plain(value: unknown): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return value;
  return String(value);
}

/** Every sheet's rows (title and header included) as plain values, from an xlsx file. */
export async function readXlsx(file: string): Promise<Map<string, (string | number | null)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, (string | number | null)[][]>();
  wb.eachSheet((ws) => {
    const rows: (string | number | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values: (string | number | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        // A merged range reads its master's value in every cell; only the master holds it.
        values.push(cell.isMerged && cell.master.address !== cell.address ? null : plain(cell.value));
      }
      rows[n - 1] = values;
    });
    out.set(ws.name, rows);
  });
  return out;
}

/** The rows a generated sheet should hold, in the same plain form. */
export function expectedRows(sheet: SampleSheet): (string | number | null)[][] {
  const width = sheet.headers.length;
  const pad = (cells: SampleCell[]): (string | number | null)[] => Array.from({ length: width }, (_, i) => plain(cells[i] ?? null));
  return [pad([sheet.title]), pad(sheet.headers), ...sheet.rows.map((r) => pad(r.cells))];
}

export function readCsv(file: string): string[][] {
  return parse(readFileSync(file), { bom: true, relax_column_count: true }) as string[][];
}
