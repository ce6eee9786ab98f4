/**
 * writeReportXlsx: the seven sheets of docs/report.md in order. Sheet contents depend only on the
 * AuditResult and the options, except the one generated-at cell; workbook properties are
 * dated from the as-of for the same reason. Every sheet prints on A4 landscape with the center
 * and period in its page header (print.ts).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditResult } from '../../audit/types.js';
import type { RenderOptions } from '../render.js';
import { memoryBook, streamingBook, type BookSink, type BookTarget } from './book.js';
import { writeFindingsSheet } from './findings-sheet.js';
import { writeIssuesSheet } from './issues-sheet.js';
import { writePeopleSheet } from './people-sheet.js';
import type { PageHead } from './print.js';
import { writeRulesSheet } from './rules-sheet.js';
import { writeRunSheet } from './run-sheet.js';
import { excelDate } from './style.js';
import type { Lang } from '../../text.js';
import { writeSummarySheet } from './summary-sheet.js';
import { writeWarningsSheet } from './warnings-sheet.js';

export interface XlsxOptions extends RenderOptions {
  /** Force the streaming writer (true) or the in-memory one (false); default by size. */
  streaming?: boolean;
  /** `file` is a temporary file the caller commits (the batch): write it as it is (book.ts). */
  inPlace?: boolean;
}

/** Above this many list rows the in-memory workbook costs more memory than it is worth. */
export const STREAMING_THRESHOLD = 10_000;

function openBook(result: AuditResult, file: string, streaming: boolean, target: BookTarget, lang: Lang): BookSink {
  const created = excelDate(result.asOf);
  const meta = { creator: result.tool.name, created: created instanceof Date ? created : new Date(0), lang };
  return streaming ? streamingBook(file, meta, target) : memoryBook(file, meta, target);
}

export async function writeReportXlsx(result: AuditResult, file: string, options: XlsxOptions): Promise<void> {
  const size = result.findings.length + result.dataIssues.length;
  const streaming = options.streaming ?? size > STREAMING_THRESHOLD;
  const o: RenderOptions = { lang: options.lang, mask: options.mask };
  const head: PageHead = { center: result.center, period: result.period, lang: options.lang };
  await mkdir(dirname(file), { recursive: true });
  const book = openBook(result, file, streaming, { inPlace: options.inPlace ?? false }, options.lang);
  try {
    await writeSummarySheet(book, result, o, head);
    await writeFindingsSheet(book, result, o, head);
    await writePeopleSheet(book, result, o, head);
    await writeWarningsSheet(book, result, o, head);
    await writeIssuesSheet(book, result, o, head);
    await writeRulesSheet(book, result, o, head);
    await writeRunSheet(book, result, o, head);
  } catch (error) {
    await book.abort();
    throw error;
  }
  await book.close();
}
