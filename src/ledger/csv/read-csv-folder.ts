/**
 * Reads a folder of CSV files, one per ledger sheet: a file stands for the sheet whose name or
 * key its name ends with (`城东社区-2026-10-办件台账.csv`). Rows are records (a quoted field may
 * span lines); row numbers are 1-based record numbers, as a spreadsheet shows the file.
 */
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DutyAuditError } from '../../errors.js';
import { msg } from '../../messages/catalogue.js';
import { sheetSpec } from '../columns.js';
import { sheetKeyOfFileName } from '../names.js';
import { SheetReader, type SheetResult } from '../sheet-reader.js';
import type { SheetKey } from '../types.js';
import { decodeCsv, type CsvEncoding } from './decode.js';

export interface CsvFolderSheets {
  /** Every CSV file name in the folder, sorted. */
  fileNames: string[];
  results: (SheetResult & { file: string; encoding: CsvEncoding })[];
  duplicates: { key: SheetKey; file: string; sheetName: string; firstSheet: string }[];
}

/** Reads a file's bytes after the size and emptiness checks (shared with the xlsx path). */
export type ReadChecked = (file: string) => Promise<Buffer>;

export async function readCsvFolder(folder: string, readChecked: ReadChecked): Promise<CsvFolderSheets> {
  const fileNames = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && extname(entry.name).toLowerCase() === '.csv')
    .map((entry) => entry.name)
    .sort();
  if (fileNames.length === 0) {
    throw new DutyAuditError('not-a-workbook', msg('ledger.csvNone', { folder }), { file: folder, hint: msg('ledger.csvNone.hint') });
  }
  const found: CsvFolderSheets = { fileNames, results: [], duplicates: [] };
  const readBy = new Map<SheetKey, string>();
  for (const fileName of fileNames) {
    const sheetName = basename(fileName, extname(fileName));
    const key = sheetKeyOfFileName(sheetName);
    if (!key) continue;
    const file = join(folder, fileName);
    const firstSheet = readBy.get(key);
    if (firstSheet !== undefined) {
      found.duplicates.push({ key, file, sheetName, firstSheet });
      continue;
    }
    readBy.set(key, sheetName);
    const { text, encoding } = decodeCsv(file, await readChecked(file));
    const result = await readCsvSheet(file, sheetName, key, text);
    found.results.push({ ...result, file, encoding });
  }
  return found;
}

async function readCsvSheet(file: string, sheetName: string, key: SheetKey, text: string): Promise<SheetResult> {
  const sheet = new SheetReader(sheetSpec(key), { file, sheetName, date1904: false });
  // Blank lines stay records (skip_empty_lines off) so record numbers match the rows people see.
  const parser = Readable.from([text]).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, info: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      sheet.push(info.records, record);
    }
  } catch (error) {
    throw new DutyAuditError('not-a-workbook', msg('ledger.csvUnreadable', { file, reason: (error as Error).message }), {
      file,
      hint: msg('ledger.csvUnreadable.hint'),
      cause: error,
    });
  }
  return sheet.finish();
}
