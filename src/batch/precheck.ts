/**
 * Failures found before any worker is asked: nothing there, the wrong kind of file, too large.
 * Cheap to find again, so never kept in the manifest.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { inputBytes } from './input-hash.js';
import type { BatchFailure, BatchInput } from './types.js';

const MB = 1024 * 1024;

export function precheck(input: BatchInput, maxBytes: number): BatchFailure | undefined {
  if (!existsSync(input.path)) return notFound(input.display);
  if (input.kind === 'other') return wrongKind(input);
  const bytes = inputBytes(input);
  if (bytes > maxBytes) {
    return {
      code: 'file-too-large',
      message: `${input.display} is ${(bytes / MB).toFixed(1)} MB, over the batch limit of ${(maxBytes / MB).toFixed(0)} MB`,
      hint: 'a month ledger is far smaller: check it is the right file, or raise the limit with --max-mb if it is genuine',
    };
  }
  return undefined;
}

export function notFound(what: string): BatchFailure {
  return {
    code: 'file-not-found',
    message: `${what}: no file, folder or glob match`,
    hint: 'check the path (quote globs so the shell passes them through, e.g. "uploads/**/*.xlsx")',
  };
}

function wrongKind(input: BatchInput): BatchFailure {
  const ext = extname(input.path).toLowerCase();
  const old = ext === '.xls' || ext === '.et';
  return {
    code: 'not-a-workbook',
    message: old
      ? `${input.display} is an old-format spreadsheet (${ext}), not an .xlsx workbook`
      : `${input.display} is ${ext ? `a ${ext} file` : 'a file without an extension'}, not an .xlsx workbook or a folder of CSV files`,
    hint: old
      ? 'open it in Excel or WPS and save it as "Excel 工作簿 (*.xlsx)", then run the batch again'
      : 'upload the month ledger as an .xlsx workbook, or as one CSV file per sheet in a folder (unzip archives first)',
  };
}
