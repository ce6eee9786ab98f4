/**
 * 预警 Warnings (docs/grading.md, "Warnings, not sanctions"): open cases due soon or past their
 * deadline, complaints still 待查, as of the as-of date. No grade column: a warning grades no one.
 * Written with the shared table helpers and no styling of its own (the print layout is set with
 * the other sheets').
 */
import type { AuditResult } from '../../audit/types.js';
import { COLUMNS, ledgerSheetLabel, SHEET_NAMES, WARNING_LABELS } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import { excelDate, formatDates } from './style.js';
import { openTable, tableColumns } from './table.js';

const WIDTHS: Record<keyof typeof COLUMNS.warnings, number> = {
  kind: 14,
  sheet: 12,
  row: 7,
  key: 20,
  subject: 10,
  date: 12,
  dueOn: 12,
  workingDaysLeft: 12,
  findingId: 18,
  extensionReason: 30,
};

/** Columns (1-based) holding dates. */
const DATE_COLUMNS = [6, 7];

export async function writeWarningsSheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const sheet = await openTable(book, SHEET_NAMES.warnings[o.lang], tableColumns(COLUMNS.warnings, WIDTHS), result.warnings.length, o.lang);
  for (const w of result.warnings) {
    await sheet.add(
      [
        WARNING_LABELS[w.kind][o.lang],
        ledgerSheetLabel(w.ref.sheet, o.lang),
        w.ref.row,
        w.ref.key,
        w.subject.name,
        excelDate(w.date),
        w.dueOn === null ? '' : excelDate(w.dueOn),
        w.workingDaysLeft ?? '',
        w.findingId ?? '',
        w.extensionReason ?? '',
      ],
      (row) => formatDates(row, DATE_COLUMNS),
    );
  }
}
