/**
 * Helpers for the service tests: a fresh data folder, multipart bodies for fastify's inject,
 * sample workbooks of several centers and months (the sample generator, small), a broken one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { planSampleMonth } from '../../src/sample/generate.js';
import { writeSampleCsv } from '../../src/sample/write-csv.js';
import { writeSampleXlsx } from '../../src/sample/write-xlsx.js';
import { createService, type ServeOptions, type Service } from '../../src/serve/server.js';

export function tempDir(prefix = 'duty-serve-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Part {
  name: string;
  bytes: Buffer;
  field?: string;
}

/** A multipart/form-data body as a browser would send it. */
export function multipart(parts: Part[], fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----duty${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'file'}"; filename="${part.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      part.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const CENTERS = [
  { center: '城东社区便民服务中心', seed: 21 },
  { center: '城西社区便民服务中心', seed: 22 },
  { center: '城南社区便民服务中心', seed: 23 },
] as const;

/** A small sample month of one center as an xlsx file. */
export async function sampleWorkbook(file: string, options: { center: string; seed: number; period?: string; cases?: number }): Promise<string> {
  await writeSampleXlsx(planSampleMonth({ seed: options.seed, cases: options.cases ?? 60, center: options.center, ...(options.period ? { period: options.period } : {}) }), file);
  return file;
}

/** The same month as CSV files, one per sheet (to zip, or to upload the cases sheet alone). */
export async function sampleCsvFiles(dir: string, options: { center: string; seed: number; cases?: number }): Promise<string[]> {
  return writeSampleCsv(planSampleMonth({ seed: options.seed, cases: options.cases ?? 60, center: options.center }), dir);
}

/** A real xlsx that is not a ledger: no 办件台账 sheet. It passes the upload checks and fails its audit. */
export async function workbookWithoutCases(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const staff = book.addWorksheet('人员公示');
  staff.addRow(['姓名', '职务', '电话', '已公示', '佩戴胸卡']);
  staff.addRow(['张三', '窗口', '13800001234', '是', '是']);
  await book.xlsx.writeFile(file);
  return file;
}

export async function testService(data: string, options: Partial<ServeOptions> = {}): Promise<Service> {
  return createService({ data, jobs: 2, ...options });
}
