/** 数据问题 Data issues: every cell or row that could not be read, where and why. */
import type { AuditResult } from '../../audit/types.js';
import { COLUMNS, issueLabel, SHEET_NAMES } from '../labels.js';
import { issueCell, renderIssueMessage, renderIssueValue, type RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import { wrap } from './style.js';
import { openTable, tableColumns } from './table.js';

const WIDTHS: Record<keyof typeof COLUMNS.dataIssues, number> = {
  file: 30,
  sheet: 12,
  row: 7,
  column: 7,
  header: 14,
  value: 20,
  code: 18,
  message: 50,
  cell: 16,
};

export async function writeIssuesSheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const sheet = await openTable(book, SHEET_NAMES.dataIssues[o.lang], tableColumns(COLUMNS.dataIssues, WIDTHS), result.dataIssues.length, o.lang);
  for (const i of result.dataIssues) {
    await sheet.add(
      [i.file, i.sheetName, i.row, i.column, i.header, renderIssueValue(i, o), issueLabel(i.code, o.lang), renderIssueMessage(i, o), issueCell(i)],
      (row) => wrap(row, [8]),
    );
  }
}
