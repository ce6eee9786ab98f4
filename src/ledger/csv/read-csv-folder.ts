/**
 * Reads a folder of CSV files, one per ledger sheet: a file stands for the sheet whose name or
 * key its name ends with (`城东社区-2026-10-办件台账.csv`). Rows are records (a quoted field may
 * span lines); row numbers are 1-based record numbers, as a spreadsheet shows the file.
 *
 * Every physical line is accounted for (csv-records.ts: a quote left open no longer swallows the
 * rows after it), the ledger limits apply as to a workbook (file size, characters in a cell,
 * rows), and a CSV that is a symbolic link is read when its real file lies inside the folder
 * and refused with a message otherwise: an uploaded folder must not make the audit read a file
 * elsewhere on the machine, and a link is never skipped without a word.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { readlinkSync, type Dirent } from 'node:fs';
import { basename, extname, join, relative, isAbsolute } from 'node:path';
import { DutyAuditError } from '../../errors.js';
import { msg } from '../../messages/catalogue.js';
import { sheetSpec } from '../columns.js';
import { readHeader } from '../header.js';
import { limitExceeded, type LedgerLimits } from '../limits.js';
import { isLitterFileName, sheetKeyOfFileName } from '../names.js';
import { isBlank } from '../raw-value.js';
import { SheetReader, type SheetResult } from '../sheet-reader.js';
import type { SheetKey } from '../types.js';
import { csvRecords, RecordTooLong } from './csv-records.js';
import { decodeCsv, type CsvEncoding } from './decode.js';

export interface CsvFolderSheets {
  /** Every CSV file name in the folder, sorted. */
  fileNames: string[];
  results: (SheetResult & { file: string; encoding: CsvEncoding })[];
  duplicates: { key: SheetKey; file: string; sheetName: string; firstSheet: string }[];
}

/** Reads a file's bytes after the size and emptiness checks (shared with the xlsx path). */
export type ReadChecked = (file: string) => Promise<Buffer>;

/** Beyond this many rows with an unclosed quote, the file's quoting is broken as a whole. */
export const MAX_BROKEN_ROWS = 1000;

export async function readCsvFolder(folder: string, limits: LedgerLimits, readChecked: ReadChecked = readFile): Promise<CsvFolderSheets> {
  const entries = (await readdir(folder, { withFileTypes: true })).filter((entry) => extname(entry.name).toLowerCase() === '.csv' && !isLitterFileName(entry.name));
  const fileNames: string[] = [];
  for (const entry of entries) if (await isCsvFile(folder, entry)) fileNames.push(entry.name);
  fileNames.sort();
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
    const { utf8, encoding } = decodeCsv(file, await readChecked(file));
    const result = await readCsvSheet(file, sheetName, key, utf8, limits);
    found.results.push({ ...result, file, encoding });
  }
  return found;
}

/**
 * Whether a `.csv` entry is a file to read. A link is followed when its real file is inside the
 * folder; a broken link, or one leading out of the folder, is refused (exit 2) with the fix.
 */
async function isCsvFile(folder: string, entry: Dirent): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  const path = join(folder, entry.name);
  const target = readlinkSync(path);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new DutyAuditError('bad-link', msg('ledger.csvLinkBroken', { path, target }), { file: path, hint: msg('ledger.csvLinkBroken.hint') });
  }
  const inside = relative(await realpath(folder), real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new DutyAuditError('bad-link', msg('ledger.csvLinkOutside', { path, real, folder }), { file: path, hint: msg('ledger.csvLinkOutside.hint') });
  }
  return (await stat(real)).isFile();
}

/**
 * csv-parse's bound on one record, in UTF-8 bytes: room for 8 cells at the cell limit (a CJK
 * character is 3 bytes, others up to 4), and at least 1 MiB. It bounds the memory one record
 * takes, and the work of reading on after a quote that is never closed.
 */
function maxRecordBytes(limits: LedgerLimits): number {
  return Math.max(1024 * 1024, 32 * limits.maxCellChars);
}

async function readCsvSheet(file: string, sheetName: string, key: SheetKey, utf8: Buffer, limits: LedgerLimits): Promise<SheetResult> {
  const sheet = new SheetReader(sheetSpec(key), { file, sheetName, date1904: false });
  const delimiter = ',';
  let rows = 0;
  let broken = 0;
  try {
    for await (const record of csvRecords(utf8, { delimiter, maxRecordBytes: maxRecordBytes(limits) })) {
      const long = record.cells.findIndex((cell) => cell.length > limits.maxCellChars);
      if (long >= 0) {
        throw limitExceeded(file, msg('ledger.csvCellTooLong', { row: record.row, column: long + 1, n: limits.maxCellChars }), 'maxCellChars', limits.maxCellChars);
      }
      if (!record.cells.every(isBlank) && ++rows > limits.maxRows) {
        throw limitExceeded(file, msg('xlsx.tooManyRows', { sheet: sheetName, n: limits.maxRows }), 'maxRows', limits.maxRows);
      }
      if (!record.brokenAt) {
        sheet.push(record.row, record.cells);
        continue;
      }
      if (++broken > MAX_BROKEN_ROWS) {
        throw new DutyAuditError('not-a-workbook', msg('ledger.csvQuotingBroken', { file, n: MAX_BROKEN_ROWS }), { file, hint: msg('ledger.csvQuotingBroken.hint') });
      }
      sheet.setAside(record.row, record.cells, 'unclosed-quote', record.brokenAt.cell, { swallowedTo: record.brokenAt.swallowedTo });
    }
  } catch (error) {
    if (error instanceof DutyAuditError) throw error;
    if (error instanceof RecordTooLong) {
      throw limitExceeded(file, msg('ledger.csvRecordTooLong', { row: error.row, line: error.line, bytes: error.maxBytes, n: limits.maxCellChars }), 'maxCellChars', limits.maxCellChars);
    }
    throw new DutyAuditError('not-a-workbook', msg('ledger.csvUnreadable', { file, reason: (error as Error).message }), {
      file,
      hint: msg('ledger.csvUnreadable.hint'),
      cause: error,
    });
  }
  // A sheet without a header may be written with another separator: then say that, not "no header".
  const other = sheet.hasHeader ? undefined : otherDelimiter(utf8, key);
  return sheet.finish(other === undefined ? undefined : delimiterName(other));
}

const OTHER_DELIMITERS = [';', '\t', '|'] as const;
const DELIMITER_NAMES: Record<string, string> = { ';': ';', '\t': 'Tab', '|': '|' };

export function delimiterName(delimiter: string): string {
  return Object.hasOwn(DELIMITER_NAMES, delimiter) ? DELIMITER_NAMES[delimiter]! : delimiter;
}

/** The separator the file's header is written with, when a comma finds no header but another one does. */
function otherDelimiter(utf8: Buffer, key: SheetKey): string | undefined {
  const firstLines = utf8.toString('utf8', 0, Math.min(utf8.length, 64 * 1024)).split(/\r\n|\r|\n/, 10);
  for (const delimiter of OTHER_DELIMITERS) {
    if (firstLines.some((line) => readHeader(sheetSpec(key), line.split(delimiter)) !== undefined)) return delimiter;
  }
  return undefined;
}
