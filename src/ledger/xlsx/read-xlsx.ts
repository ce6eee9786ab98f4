/**
 * Reads the ledger sheets of one .xlsx: the workbook's map, styles and shared strings first
 * (wherever the zip stores them: the zip is read by random access), then each worksheet whose
 * name is a ledger sheet, streamed row by row into a SheetReader. Sheets that are not ledger
 * sheets are never inflated.
 */
import type { LedgerLimits } from '../limits.js';
import { sheetSpec } from '../columns.js';
import { sheetKeyOfName } from '../names.js';
import { SheetReader, type SheetResult } from '../sheet-reader.js';
import type { SheetKey } from '../types.js';
import { readDateStyles } from './number-formats.js';
import { parsePart } from './part-parser.js';
import { readSharedStrings } from './shared-strings.js';
import { SheetRowsHandler } from './sheet-rows.js';
import { damaged } from './workbook-error.js';
import { readWorkbookPackage, type WorkbookSheet } from './workbook-package.js';
import { ZipArchive } from './zip-archive.js';
import type { RawValue } from '../raw-value.js';
import { msg } from '../../messages/catalogue.js';

export interface WorkbookSheets {
  /** Every sheet name, in workbook order. */
  sheetNames: string[];
  results: SheetResult[];
  /** Sheets standing for a ledger sheet already read; they are not read. */
  duplicates: { key: SheetKey; sheetName: string; firstSheet: string }[];
}

export async function readXlsx(file: string, limits: LedgerLimits): Promise<WorkbookSheets> {
  const found: WorkbookSheets = { sheetNames: [], results: [], duplicates: [] };
  const readBy = new Map<SheetKey, string>();
  await readWorkbookRows(file, limits, {
    wants(sheet) {
      found.sheetNames.push(sheet.name);
      const key = sheetKeyOfName(sheet.name);
      if (!key) return undefined;
      const firstSheet = readBy.get(key);
      if (firstSheet !== undefined) {
        found.duplicates.push({ key, sheetName: sheet.name, firstSheet });
        return undefined;
      }
      readBy.set(key, sheet.name);
      return key;
    },
    read(sheet, key, date1904, rows) {
      const reader = new SheetReader(sheetSpec(key), { file, sheetName: sheet.name, date1904 });
      return rows((rowNumber, cells) => reader.push(rowNumber, cells)).then(() => {
        found.results.push(reader.finish());
      });
    },
  });
  return found;
}

export interface WorkbookVisitor<T> {
  /** Whether to read this sheet (any value but undefined), in workbook order. */
  wants(sheet: WorkbookSheet): T | undefined;
  /** Reads a wanted sheet: `rows(onRow)` streams its rows into `onRow` and resolves at its end. */
  read(sheet: WorkbookSheet, wanted: T, date1904: boolean, rows: (onRow: (rowNumber: number, cells: readonly RawValue[]) => void) => Promise<void>): Promise<void>;
}

/**
 * The workbook's rows, sheet by sheet, as raw cells: what readXlsx builds ledger sheets from,
 * and what the differential tests compare with exceljs's reader.
 */
export async function readWorkbookRows<T>(file: string, limits: LedgerLimits, visitor: WorkbookVisitor<T>): Promise<void> {
  const archive = await ZipArchive.open(file, limits);
  try {
    const workbook = await readWorkbookPackage(archive, file, limits);
    const wanted = workbook.sheets.map((sheet) => ({ sheet, wanted: visitor.wants(sheet) }));
    if (wanted.every((entry) => entry.wanted === undefined)) return;
    const dateStyles = await readDateStyles(archive, file, workbook.styles, limits);
    const sharedStrings = await readSharedStrings(archive, file, workbook.sharedStrings, limits);
    for (const { sheet, wanted: value } of wanted) {
      if (value === undefined) continue;
      const part = sheet.part;
      if (part === undefined || !sheet.isWorksheet) {
        throw damaged(file, msg('xlsx.sheetPartMissing', { sheet: sheet.name }));
      }
      await visitor.read(sheet, value, workbook.date1904, async (onRow) => {
        const handler = new SheetRowsHandler({ file, sheetName: sheet.name, part, sharedStrings, dateStyles, date1904: workbook.date1904, limits, onRow });
        const budget = { maxBytes: limits.maxPartBytes, limit: 'maxPartBytes' as const, label: msg('xlsx.sheetPart', { sheet: sheet.name, part }) };
        await parsePart(archive, file, part, budget, handler, limits);
      });
    }
  } finally {
    archive.close();
  }
}
