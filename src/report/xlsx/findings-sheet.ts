/**
 * 问题清单 Findings: one row per finding, evidence in words, and its status. It prints on A4
 * landscape one page wide: clause, rule, subject, record, date, evidence, grade, status,
 * escalation, deduction; the ids and codes (问题编号, 规则编号, sheet, row, key, base grade, rows
 * cited) follow in end columns that stay on screen and in the filter. The grade cell of a finding
 * that counts carries the grade's word on its colour; a finding that counts for nothing (merged,
 * reported before, withdrawn) is a grey row, its grade uncoloured.
 */
import type { AuditResult } from '../../audit/types.js';
import { countsToward } from '../../findings/types.js';
import { COLUMNS, gradeLabel, ledgerSheetLabel, PRINTED_COLUMNS, recordText, SHEET_NAMES, statusText } from '../labels.js';
import { renderFinding, type RenderOptions } from '../render.js';
import type { BookSink, CellValue } from './book.js';
import type { PageHead } from './print.js';
import { excelDate, fillRow, formatDates, gradeCell, MUTED_FILL } from './style.js';
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
  status: 14,
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

const WRAPPED: Column[] = ['clause', 'title', 'subject', 'record', 'message', 'status', 'escalation', 'rows'];
const COLUMN_COUNT = Object.keys(WIDTHS).length;
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
      status: statusText(f, o.lang),
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
        if (countsToward(f)) {
          gradeCell(row.getCell(at('grade')), f.grade);
          gradeCell(row.getCell(at('baseGrade')), f.baseGrade);
        } else {
          fillRow(row, COLUMN_COUNT, MUTED_FILL);
        }
        formatDates(row, [at('date')]);
      },
    );
  }
}
