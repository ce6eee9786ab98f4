/**
 * A small month's workbook built from records keyed by the ledger's English column keys, the
 * way a center writes it: the schema's Chinese headers, dates as real Excel date cells (UTC),
 * booleans as 是/否. Only the sheets given are written, so a test shows exactly the month it
 * is about.
 */
import ExcelJS from 'exceljs';
import { sheetSpec } from '../../src/ledger/columns.js';
import type { SheetKey } from '../../src/ledger/types.js';

export type MonthSheets = { [K in SheetKey]?: Record<string, unknown>[] };

function cellOf(type: string, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (type === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  if (type === 'boolean') return value === true ? '是' : '否';
  return value as ExcelJS.CellValue;
}

export async function writeMonth(file: string, sheets: MonthSheets): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [key, rows] of Object.entries(sheets) as [SheetKey, Record<string, unknown>[]][]) {
    const spec = sheetSpec(key);
    const sheet = book.addWorksheet(spec.zh);
    sheet.addRow(spec.columns.map((c) => c.zh));
    for (const row of rows) sheet.addRow(spec.columns.map((c) => cellOf(c.type, row[c.key])));
  }
  await book.xlsx.writeFile(file);
  return file;
}

let seq = 0;

/** A case with what every case needs; a test states only what it is about. */
export function caseRow(fields: Record<string, unknown>): Record<string, unknown> {
  seq += 1;
  return {
    case_id: `SL-${String(seq).padStart(4, '0')}`,
    applicant: '张三',
    item: '居住证办理',
    kind: '承诺件',
    handler: '李敏',
    materials_complete: true,
    visits: 1,
    result: '办结',
    ...fields,
  };
}

export const CENTER = [{ center: '测试社区便民服务中心', district: '城东街道', complaint_phone: '0571-12345', phone_posted: true, rules_posted: true }];
