/**
 * The two readers side by side, as rows of raw cells per sheet: ours (readWorkbookRows) and
 * exceljs's in-memory reader, whose cell values are turned into raw cells as the importer did
 * before it had its own reader (formula → cached result, rich text → its text, error → its
 * name). exceljs is the oracle for what a cell holds; where it is known to be wrong the tests
 * say so and assert the right answer instead.
 */
import ExcelJS from 'exceljs';
import { ledgerLimits, type LedgerLimits } from '../../../../src/ledger/limits.js';
import type { RawValue } from '../../../../src/ledger/raw-value.js';
import { readWorkbookRows } from '../../../../src/ledger/xlsx/read-xlsx.js';

/** Sheet name → rows as [row number, cells] (cells as a plain array, empty cells as undefined). */
export type BookRows = Record<string, [number, (RawValue | undefined)[]][]>;

export async function readOurs(file: string, limits: Partial<LedgerLimits> = {}): Promise<BookRows> {
  const book: BookRows = {};
  await readWorkbookRows(file, ledgerLimits(limits), {
    wants: (sheet) => sheet.name,
    read: (sheet, _name, _date1904, rows) => {
      const list: BookRows[string] = (book[sheet.name] = []);
      return rows((rowNumber, cells) => list.push([rowNumber, Array.from(cells)]));
    },
  });
  return book;
}

export async function readExcelJs(file: string): Promise<BookRows> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const book: BookRows = {};
  for (const sheet of workbook.worksheets) {
    const list: BookRows[string] = (book[sheet.name] = []);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: (RawValue | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // exceljs repeats a merged range's value in every cell of it; the file holds it once.
        if (cell.isMerged && cell.master !== cell) return;
        const raw = cell.type === ExcelJS.ValueType.Formula ? fromFormula(cell.formula, cell.result) : fromValue(cell.value);
        if (raw !== null) cells[column - 1] = raw;
      });
      if (cells.length > 0) list.push([rowNumber, cells]);
    });
  }
  return book;
}

function fromValue(value: unknown): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? { excelError: '#ERROR' } : value;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object['richText'])) return (object['richText'] as { text?: string }[]).map((run) => run.text ?? '').join('');
  if (typeof object['error'] === 'string') return { excelError: object['error'] };
  if ('formula' in object || 'sharedFormula' in object) return fromFormula(String(object['formula'] ?? object['sharedFormula'] ?? ''), object['result']);
  if ('text' in object) return fromValue(object['text']);
  return JSON.stringify(value);
}

function fromFormula(formula: string, result: unknown): RawValue {
  if (result === undefined || result === null) return { formulaWithoutResult: formula };
  const raw = fromValue(result);
  if (typeof raw === 'object' && raw !== null && 'excelError' in raw) return formula ? { ...raw, formula } : raw;
  return raw;
}
