/**
 * 问题清单 Findings: one row per finding, evidence in words. It prints on A4 landscape one page
 * wide: clause, rule, subject, record, date, evidence, grade, escalation, deduction; the ids and
 * codes (问题编号, 规则编号, sheet, row, key, base grade, rows cited) follow in end columns that
 * stay on screen and in the filter. The grade cell carries the grade's word on its colour.
 */
import type { AuditResult } from '../../audit/types.js';
import { COLUMNS, gradeLabel, ledgerSheetLabel, PRINTED_COLUMNS, recordText, SHEET_NAMES } from '../labels.js';
import { renderFinding, type RenderOptions } from '../render.js';
import type { BookSink, CellValue } from './book.js';
import type { PageHead } from './print.js';
import { excelDate, formatDates, gradeCell } from './style.js';
import { columnOf, inColumnOrder, openTable, tableColumns } from './table.js';

type Column = keyof typeof COLUMNS.findings;

const WIDTHS: Record<Column, number> = {
  clause: 14,
  title: 18,
  subject: 10,
  record: 15,
  date: 10,
  message: 56,
  grade: 8,
  escalation: 14,
  deductionYuan: 9,
  id: 16,
  ruleId: 26,
  sheet: 12,
  row: 6,
  key: 20,
  baseGrade: 10,
  rows: 14,
};

const WRAPPED: Column[] = ['clause', 'title', 'subject', 'record', 'message', 'escalation', 'rows'];
const at = (key: Column): number => columnOf(COLUMNS.findings, key);

export async function writeFindingsSheet(book: BookSink, result: AuditResult, o: RenderOptions, head?: PageHead): Promise<void> {
  const columns = tableColumns(COLUMNS.findings, WIDTHS, WRAPPED);
  const sheet = await openTable(book, SHEET_NAMES.findings[o.lang], columns, result.findings.length, o.lang, {
    printed: PRINTED_COLUMNS.findings,
    ...(head ? { head } : {}),
  });
  for (const f of result.findings) {
    const r = renderFinding(f, o);
    const cells: Record<Column, CellValue> = {
      clause: f.clause,
      title: r.title,
      subject: f.subject.name,
      record: recordText(f.ref, o.lang),
      date: excelDate(f.date),
      message: r.message,
      grade: gradeLabel(f.grade, o.lang),
      escalation: r.escalation,
      deductionYuan: f.deductionYuan,
      id: f.id,
      ruleId: f.ruleId,
      sheet: ledgerSheetLabel(f.ref.sheet, o.lang),
      row: f.ref.row,
      key: f.ref.key,
      baseGrade: gradeLabel(f.baseGrade, o.lang),
      rows: (f.rows ?? []).join(o.lang === 'zh' ? '、' : ', '),
    };
    await sheet.add(
      inColumnOrder(COLUMNS.findings, cells),
      (row) => {
        gradeCell(row.getCell(at('grade')), f.grade);
        gradeCell(row.getCell(at('baseGrade')), f.baseGrade);
        formatDates(row, [at('date')]);
      },
    );
  }
}
