/**
 * The importer's front door (SPEC §2): one .xlsx workbook or a folder of CSV files → a Ledger
 * of typed records, data issues and per-sheet accounts. Input that cannot be read at all throws
 * a DutyAuditError naming the file and saying how to fix it.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Stats } from 'node:fs';
import { DutyAuditError } from '../errors.js';
import { readCsvFolder } from './csv/read-csv-folder.js';
import { renderIssueMessage } from './issue-codes.js';
import type { SheetResult } from './sheet-reader.js';
import { sniffFileKind } from './sniff.js';
import { SHEET_KEYS, type DataIssue, type Ledger, type LedgerSource, type SheetKey } from './types.js';
import { readXlsx } from './xlsx/read-xlsx.js';

export interface ReadLedgerOptions {
  /** Refuse any single file larger than this (uploads); no limit when absent. */
  maxBytes?: number;
}

interface Duplicate {
  key: SheetKey;
  file: string;
  sheetName: string;
  firstSheet: string;
}

export async function readLedger(path: string, options: ReadLedgerOptions = {}): Promise<Ledger> {
  const stats = await statOrThrow(path);
  const readChecked = (file: string) => readCheckedFile(file, options);
  if (stats.isDirectory()) {
    const folder = await readCsvFolder(path, readChecked);
    const source: LedgerSource = {
      file: path,
      kind: 'csv-folder',
      parts: folder.results.map(({ key, file, encoding }) => ({ sheet: key, file, encoding })),
    };
    return assemble(source, folder.results, folder.duplicates, folder.fileNames);
  }
  const bytes = await readChecked(path);
  const workbook = await readXlsx(path, refuseNonWorkbook(path, bytes));
  const duplicates = workbook.duplicates.map((duplicate) => ({ ...duplicate, file: path }));
  return assemble({ file: path, kind: 'xlsx', parts: [] }, workbook.results, duplicates, workbook.sheetNames);
}

async function statOrThrow(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw new DutyAuditError('file-not-found', `${path}: no such file or folder`, {
      file: path,
      hint: 'check the path; give an .xlsx workbook or a folder of .csv files',
      cause: error,
    });
  }
}

async function readCheckedFile(file: string, { maxBytes }: ReadLedgerOptions): Promise<Buffer> {
  const { size } = await statOrThrow(file);
  if (size === 0) {
    throw new DutyAuditError('empty-file', `${file}: the file is empty (0 bytes)`, {
      file,
      hint: 'export the ledger again; the file was not written completely',
    });
  }
  if (maxBytes !== undefined && size > maxBytes) {
    throw new DutyAuditError('file-too-large', `${file}: ${size} bytes is over the limit of ${maxBytes} bytes`, {
      file,
      hint: 'split the ledger by month or by center, or raise the size limit',
    });
  }
  return readFile(file);
}

/** Only a zip goes on to the xlsx reader; an old .xls, an encrypted workbook or plain text do not. */
function refuseNonWorkbook(file: string, bytes: Buffer): Buffer {
  switch (sniffFileKind(bytes)) {
    case 'zip':
      return bytes;
    case 'encrypted-ooxml':
      throw new DutyAuditError('encrypted-workbook', `${file}: the workbook is protected with a password`, {
        file,
        hint: 'open it in Excel or WPS, remove the password (File → Info → Protect Workbook) and save it again',
      });
    case 'ole':
      throw new DutyAuditError('not-a-workbook', `${file}: an old Excel 97–2003 (.xls) file, which cannot be read`, {
        file,
        hint: 'open it in Excel or WPS and save it as .xlsx',
      });
    case 'other': {
      const csvHint = extname(file).toLowerCase() === '.csv' ? 'put the CSV files in a folder and give the folder; or ' : '';
      throw new DutyAuditError('not-a-workbook', `${file}: not an Excel workbook (.xlsx)`, {
        file,
        hint: `${csvHint}save the ledger as .xlsx`,
      });
    }
  }
}

function assemble(source: LedgerSource, results: readonly SheetResult[], duplicates: readonly Duplicate[], namesFound: readonly string[]): Ledger {
  const byKey = new Map(results.map((result) => [result.key, result]));
  if (!byKey.has('cases')) {
    const found = namesFound.length > 0 ? namesFound.join(', ') : 'none';
    throw new DutyAuditError('no-cases-sheet', `${source.file}: no 办件台账 (cases) sheet; sheets found: ${found}`, {
      file: source.file,
      hint:
        source.kind === 'xlsx'
          ? 'the case ledger sheet must be named 办件台账 or cases'
          : 'the case ledger CSV file name must end with 办件台账 or cases, e.g. 城东社区-2026-10-办件台账.csv',
    });
  }
  const ledger: Ledger = { source, sheets: {}, sheetNames: {}, dataIssues: [], accounts: {}, layout: {} };
  for (const key of SHEET_KEYS) {
    const result = byKey.get(key);
    if (!result) continue;
    (ledger.sheets as Record<SheetKey, unknown>)[key] = result.rows;
    ledger.sheetNames[key] = result.layout.sheetName;
    ledger.accounts[key] = result.account;
    ledger.layout![key] = result.layout;
    ledger.dataIssues.push(...result.issues);
  }
  ledger.dataIssues.push(...duplicates.map(duplicateSheetIssue));
  return ledger;
}

function duplicateSheetIssue({ key, file, sheetName, firstSheet }: Duplicate): DataIssue {
  const issue: DataIssue = {
    file,
    sheet: key,
    sheetName,
    row: 0,
    column: '',
    header: '',
    value: '',
    code: 'duplicate-sheet',
    message: '',
    params: { firstSheet },
  };
  issue.message = renderIssueMessage(issue, 'en');
  return issue;
}
