/**
 * 预警 Warnings (docs/grading.md, "Warnings, not sanctions"): open cases due soon or past their
 * deadline, complaints still 待查, as of the as-of date. No grade column: a warning grades no one.
 * It prints like the other tables, on A4 landscape one page wide: kind, record, subject, date,
 * deadline, working days left, extension reason; the finding that judges an overdue case and the
 * sheet, row and key follow in end columns that stay on screen and in the filter.
 */
import type { AuditResult } from '../../audit/types.js';
import { COLUMNS, ledgerSheetLabel, PRINTED_COLUMNS, recordText, SHEET_NAMES, WARNING_LABELS } from '../labels.js';
import { maskText } from '../mask.js';
import type { RenderOptions } from '../render.js';
import type { BookSink, CellValue } from './book.js';
import type { PageHead } from './print.js';
import { excelDate, formatDates } from './style.js';
import { columnOf, inColumnOrder, openTable, tableColumns } from './table.js';

type Column = keyof typeof COLUMNS.warnings;

const WIDTHS: Record<Column, number> = {
  kind: 12,
  record: 16,
  subject: 10,
  date: 10,
  dueOn: 10,
  workingDaysLeft: 8,
  extensionReason: 30,
  findingId: 16,
  sheet: 12,
  row: 6,
  key: 20,
};

const WRAPPED: Column[] = ['kind', 'record', 'subject', 'workingDaysLeft', 'extensionReason'];
const DATE_COLUMNS = (['date', 'dueOn'] as const).map((key) => columnOf(COLUMNS.warnings, key));

export async function writeWarningsSheet(book: BookSink, result: AuditResult, o: RenderOptions, head?: PageHead): Promise<void> {
  const columns = tableColumns(COLUMNS.warnings, WIDTHS, WRAPPED);
  const sheet = await openTable(book, SHEET_NAMES.warnings[o.lang], columns, result.warnings.length, o.lang, {
    printed: PRINTED_COLUMNS.warnings,
    ...(head ? { head } : {}),
  });
  for (const w of result.warnings) {
    const cells: Record<Column, CellValue> = {
      kind: WARNING_LABELS[w.kind][o.lang],
      record: recordText(w.ref, o.lang),
      subject: w.subject.name,
      date: excelDate(w.date),
      dueOn: w.dueOn === null ? '' : excelDate(w.dueOn),
      workingDaysLeft: w.workingDaysLeft ?? '',
      extensionReason: w.extensionReason === undefined ? '' : o.mask ? maskText(w.extensionReason) : w.extensionReason,
      findingId: w.findingId ?? '',
      sheet: ledgerSheetLabel(w.ref.sheet, o.lang),
      row: w.ref.row,
      key: w.ref.key,
    };
    await sheet.add(inColumnOrder(COLUMNS.warnings, cells), (row) => formatDates(row, DATE_COLUMNS));
  }
}
