/**
 * Writes the sample as a CSV folder: one UTF-8 (with BOM) file per sheet named
 * `<stem>-<sheet name>.csv`, with the same title row above the header as the workbook so that
 * row numbers agree between the two forms. Excel date cells are written as YYYY-MM-DD.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sheetSpec, type ColumnType } from '../ledger/columns.js';
import { writeFileAtomically } from '../output/atomic-file.js';
import type { SamplePlan, SheetSource } from './generate.js';
import { cellText } from './render.js';
import type { SampleCell } from './types.js';

const BOM = '\ufeff';

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `types`: each column's type, so date columns are written as dates. */
export function csvLine(cells: readonly SampleCell[], types: readonly (ColumnType | undefined)[] = []): string {
  return cells.map((c, i) => field(cellText(c, types[i]))).join(',') + '\r\n';
}

export function csvFileName(stem: string, sheet: Pick<SheetSource, 'name'>): string {
  return `${stem}-${sheet.name}.csv`;
}

async function writeSheet(file: string, sheet: SheetSource): Promise<void> {
  await writeFileAtomically(file, (path) => writeSheetTo(path, sheet));
}

async function writeSheetTo(file: string, sheet: SheetSource): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const pad = new Array<SampleCell>(sheet.headers.length - 1).fill(null);
  await write(BOM + csvLine([sheet.title, ...pad]) + csvLine(sheet.headers));
  let chunk = '';
  let n = 0;
  const types = sheetSpec(sheet.key).columns.map((c) => c.type);
  for (const r of sheet.rows()) {
    chunk += csvLine(r.cells, types);
    if (++n % 500 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'close');
}

/** Writes every sheet into `dir` (created if needed); returns the files written. */
export async function writeSampleCsv(plan: SamplePlan, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const sheet of plan.sheets) {
    const file = join(dir, csvFileName(plan.stem, sheet));
    await writeSheet(file, sheet);
    files.push(file);
  }
  return files;
}
