/**
 * Reads the ledger sheets of one .xlsx with exceljs's streaming reader (bounded memory at
 * 100,000 rows): each worksheet whose name is a ledger sheet goes row by row into a SheetReader.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DutyAuditError } from '../../errors.js';
import { sheetSpec } from '../columns.js';
import { sheetKeyOfName } from '../names.js';
import type { RawValue } from '../raw-value.js';
import type { SheetKey } from '../types.js';
import { SheetReader, type SheetResult } from '../sheet-reader.js';
import { rawFromExcel, rawFromFormula, type CellValueContext } from './cell-value.js';
import { isReadableOrder, repackInReadableOrder } from './part-order.js';
import { Utf8SafeWorkbookReader } from './utf8-safe-reader.js';

export interface WorkbookSheets {
  /** Every worksheet name, in workbook order. */
  sheetNames: string[];
  results: SheetResult[];
  /** Sheets standing for a ledger sheet already read; they are not read. */
  duplicates: { key: SheetKey; sheetName: string; firstSheet: string }[];
}

const READER_OPTIONS = {
  worksheets: 'emit',
  // The string table must be at hand when a sheet's rows stream by; it holds distinct strings only.
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  // Without cached styles, date cells come back as bare serial numbers.
  styles: 'cache',
  entries: 'ignore',
} as const;

const DATE_1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/;

export async function readXlsx(file: string, bytes: Buffer): Promise<WorkbookSheets> {
  const zip = await openZip(file, bytes);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const date1904 = DATE_1904.test(workbookXml);
  const input = isReadableOrder(Object.keys(zip.files)) ? Readable.from(bytes) : repackInReadableOrder(zip);
  try {
    return await readSheets(file, input, date1904);
  } catch (error) {
    if (error instanceof DutyAuditError) throw error;
    throw new DutyAuditError('not-a-workbook', `${file}: the workbook could not be read (${(error as Error).message})`, {
      file,
      hint: 'open it in Excel or WPS and save it again as .xlsx',
      cause: error,
    });
  }
}

async function openZip(file: string, bytes: Buffer): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new DutyAuditError('not-a-workbook', `${file}: not a readable .xlsx (the zip container is damaged)`, {
      file,
      hint: 'open it in Excel or WPS and save it again as .xlsx',
      cause: error,
    });
  }
  if (!zip.file('xl/workbook.xml')) {
    throw new DutyAuditError('not-a-workbook', `${file}: a zip file, but not an Excel workbook (no xl/workbook.xml)`, {
      file,
      hint: 'give the month\'s ledger as an .xlsx workbook or a folder of .csv files',
    });
  }
  return zip;
}

async function readSheets(file: string, input: Readable, date1904: boolean): Promise<WorkbookSheets> {
  const reader = new Utf8SafeWorkbookReader(input, READER_OPTIONS);
  const found: WorkbookSheets = { sheetNames: [], results: [], duplicates: [] };
  const readBy = new Map<string, string>();
  for await (const worksheet of reader) {
    const sheetName = (worksheet as unknown as { name?: string }).name ?? '';
    found.sheetNames.push(sheetName);
    const key = sheetKeyOfName(sheetName);
    if (!key) continue;
    const firstSheet = readBy.get(key);
    if (firstSheet !== undefined) {
      found.duplicates.push({ key, sheetName, firstSheet });
      continue;
    }
    readBy.set(key, sheetName);
    const context: CellValueContext = { shiftDatesTo1904: date1904 && !exceljsSawDate1904(reader) };
    const sheet = new SheetReader(sheetSpec(key), { file, sheetName, date1904 });
    const cells = new RowCells(context);
    for await (const row of worksheet) sheet.push(row.number, cells.of(row));
    found.results.push(sheet.finish());
  }
  return found;
}

/**
 * A row's cells from column A = index 0 (exceljs counts columns from 1); empty cells are holes.
 * One array and one callback serve every row of a sheet (SheetReader.push reads the cells only
 * during the call), instead of an array and a closure per row.
 */
class RowCells {
  private readonly cells: RawValue[] = [];
  private readonly collect: (cell: ExcelJS.Cell, column: number) => void;

  constructor(context: CellValueContext) {
    const cells = this.cells;
    this.collect = (cell, column) => {
      cells[column - 1] =
        cell.type === ExcelJS.ValueType.Formula ? rawFromFormula(cell.formula, cell.result, context) : rawFromExcel(cell.value, context);
    };
  }

  of(row: ExcelJS.Row): readonly RawValue[] {
    this.cells.length = 0;
    row.eachCell(this.collect);
    return this.cells;
  }
}

function exceljsSawDate1904(reader: unknown): boolean {
  return (reader as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;
}
