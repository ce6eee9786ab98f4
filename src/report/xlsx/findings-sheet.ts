/**
 * 问题清单 Findings: one row per finding, evidence in words, and its status; a finding that
 * counts is grade-coloured, one that counts for nothing (merged, reported before, withdrawn) grey.
 */
import type { AuditResult } from '../../audit/types.js';
import { countsToward } from '../../findings/types.js';
import { COLUMNS, gradeLabel, ledgerSheetLabel, SHEET_NAMES, statusText } from '../labels.js';
import { renderFinding, type RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import { excelDate, fillRow, formatDates, GRADE_FILLS, wrap } from './style.js';
import { openTable, tableColumns } from './table.js';

const WIDTHS: Record<keyof typeof COLUMNS.findings, number> = {
  id: 17,
  clause: 18,
  ruleId: 24,
  title: 28,
  subject: 14,
  sheet: 12,
  row: 7,
  key: 20,
  date: 12,
  message: 60,
  baseGrade: 11,
  grade: 11,
  status: 24,
  escalation: 30,
  deductionYuan: 10,
  rows: 16,
};

const COLUMN_COUNT = Object.keys(WIDTHS).length;
const DATE_COLUMN = 9;
const WRAPPED = [4, 10, 13, 14, 16];
/** Rows of findings that count for nothing. */
const NOT_COUNTED_FILL = 'FFEDEDED';

export async function writeFindingsSheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const columns = tableColumns(COLUMNS.findings, WIDTHS);
  const sheet = await openTable(book, SHEET_NAMES.findings[o.lang], columns, result.findings.length, o.lang);
  for (const f of result.findings) {
    const r = renderFinding(f, o);
    await sheet.add(
      [
        f.id,
        f.clause,
        f.ruleId,
        r.title,
        f.subject.name,
        ledgerSheetLabel(f.ref.sheet, o.lang),
        f.ref.row,
        f.ref.key,
        excelDate(f.date),
        r.message,
        gradeLabel(f.baseGrade, o.lang),
        gradeLabel(f.grade, o.lang),
        statusText(f, o.lang),
        r.escalation,
        f.deductionYuan,
        (f.rows ?? []).join(', '),
      ],
      (row) => {
        fillRow(row, COLUMN_COUNT, countsToward(f) ? GRADE_FILLS[f.grade] : NOT_COUNTED_FILL);
        formatDates(row, [DATE_COLUMN]);
        wrap(row, WRAPPED);
      },
    );
  }
}
