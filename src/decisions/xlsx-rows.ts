/**
 * The decisions sheet of an xlsx file: the first sheet whose header row (one of its first 10
 * rows) has a 决定 / decision column and a way to name the finding (问题编号, or 规则 and 记录).
 * A decisions file is a few dozen rows, so exceljs reads it whole.
 */
import ExcelJS from 'exceljs';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import type { RawValue } from '../ledger/raw-value.js';
import type { DecisionField, WrittenDecision } from './read-decisions.js';

/** A header's field (read-decisions.ts decisionField), passed in so the two files do not import each other. */
export type FieldOf = (header: string) => DecisionField | undefined;

export interface DecisionSheet {
  rows: WrittenDecision[];
  date1904: boolean;
}

const HEADER_ROWS = 10;

function cellValue(cell: ExcelJS.Cell): RawValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'result' in v) {
    const r = v.result;
    return r instanceof Date || typeof r === 'number' || typeof r === 'string' || typeof r === 'boolean' ? r : null;
  }
  return cell.text;
}

/** Header row number and the column of each field, if this row is the header. */
function headerOf(ws: ExcelJS.Worksheet, decisionField: FieldOf): { row: number; columns: Map<DecisionField, number> } | undefined {
  for (let r = 1; r <= Math.min(HEADER_ROWS, ws.rowCount); r++) {
    const columns = new Map<DecisionField, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const field = decisionField(cell.text);
      if (field && !columns.has(field)) columns.set(field, col);
    });
    const names = columns.has('id') || (columns.has('ruleId') && columns.has('key'));
    if (columns.has('decision') && names) return { row: r, columns };
  }
  return undefined;
}

export async function readDecisionSheet(path: string, shown: string, fieldOf: FieldOf): Promise<DecisionSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new DutyAuditError('bad-decisions', msg('decisions.badXlsx', { file: shown, reason: (err as Error).message }), { file: path, hint: msg('decisions.badXlsx.hint') });
  }
  for (const ws of wb.worksheets) {
    const header = headerOf(ws, fieldOf);
    if (!header) continue;
    const rows: WrittenDecision[] = [];
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: WrittenDecision['values'] = {};
      let blank = true;
      for (const [field, col] of header.columns) {
        const value = cellValue(row.getCell(col));
        if (value !== null && String(value).trim() !== '') blank = false;
        values[field] = value;
      }
      if (blank) continue;
      const firstColumn = Math.min(...header.columns.values());
      const at = (field: DecisionField | 'row') => {
        const col = field === 'row' ? firstColumn : (header.columns.get(field) ?? firstColumn);
        return `${shown} ${ws.name}!${row.getCell(col).address}`;
      };
      rows.push({ values, at });
    }
    return { rows, date1904: Boolean((wb.properties as { date1904?: boolean }).date1904) };
  }
  throw new DutyAuditError('bad-decisions', msg('decisions.noHeader', { file: shown }), { file: path, hint: msg('decisions.noHeader.hint') });
}
