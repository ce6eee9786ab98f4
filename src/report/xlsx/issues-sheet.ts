/**
 * 数据问题 Data issues: every cell or row that could not be read, where and why. Prints the
 * place (办件台账!N129), header, value, issue and reason, and the file; the sheet, row and column
 * apart follow on screen for filtering.
 */
import type { AuditResult } from '../../audit/types.js';
import { COLUMNS, issueLabel, PRINTED_COLUMNS, SHEET_NAMES } from '../labels.js';
import { issueCell, renderIssueMessage, renderIssueValue, type RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import type { PageHead } from './print.js';
import { inColumnOrder, openTable, tableColumns } from './table.js';

type Column = keyof typeof COLUMNS.dataIssues;

const WIDTHS: Record<Column, number> = {
  cell: 16,
  header: 14,
  value: 18,
  code: 14,
  message: 46,
  file: 30,
  sheet: 12,
  row: 6,
  column: 6,
};

const WRAPPED: Column[] = ['cell', 'header', 'value', 'code', 'message', 'file'];

export async function writeIssuesSheet(book: BookSink, result: AuditResult, o: RenderOptions, head?: PageHead): Promise<void> {
  const columns = tableColumns(COLUMNS.dataIssues, WIDTHS, WRAPPED);
  const sheet = await openTable(book, SHEET_NAMES.dataIssues[o.lang], columns, result.dataIssues.length, o.lang, {
    printed: PRINTED_COLUMNS.dataIssues,
    ...(head ? { head } : {}),
  });
  for (const i of result.dataIssues) {
    await sheet.add(
      inColumnOrder(COLUMNS.dataIssues, {
        cell: issueCell(i),
        header: i.header,
        value: renderIssueValue(i, o),
        code: issueLabel(i.code, o.lang),
        message: renderIssueMessage(i, o),
        file: i.file,
        sheet: i.sheetName,
        row: i.row,
        column: i.column,
      }),
    );
  }
}
