/**
 * The importer's front door (docs/ledger.md): one .xlsx workbook or a folder of CSV files → a Ledger
 * of typed records, data issues and per-sheet accounts. Input that cannot be read at all throws
 * a DutyAuditError naming the file and saying how to fix it.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { readCsvFolder } from './csv/read-csv-folder.js';
import { renderIssueMessage } from './issue-codes.js';
import { ledgerLimits, limitExceeded, type LedgerLimits } from './limits.js';
import type { SheetResult } from './sheet-reader.js';
import { refuseNonWorkbook, sniffFile } from './sniff.js';
import { SHEET_KEYS, type DataIssue, type Ledger, type LedgerSource, type SheetKey } from './types.js';
import { readXlsx } from './xlsx/read-xlsx.js';

/**
 * How much the importer reads before refusing (src/ledger/limits.ts): each limit is optional
 * here and has a safe default, so the CLI and the upload service set only what they change.
 */
export type ReadLedgerOptions = Partial<LedgerLimits>;

/** A second sheet (or CSV file) standing for a ledger sheet already read: it is not read. */
export interface Duplicate {
  key: SheetKey;
  file: string;
  sheetName: string;
  firstSheet: string;
}

export async function readLedger(path: string, options: ReadLedgerOptions = {}): Promise<Ledger> {
  const limits = ledgerLimits(options);
  const stats = await statOrThrow(path);
  if (stats.isDirectory()) {
    const folder = await readCsvFolder(path, limits, (file) => readCheckedFile(file, limits));
    const source: LedgerSource = {
      file: path,
      kind: 'csv-folder',
      parts: folder.results.map(({ key, file, encoding }) => ({ sheet: key, file, encoding })),
    };
    return assemble(source, folder.results, folder.duplicates, folder.fileNames);
  }
  await checkSize(path, limits);
  refuseNonWorkbook(path, await sniffFile(path));
  const workbook = await readXlsx(path, limits);
  const duplicates = workbook.duplicates.map((duplicate) => ({ ...duplicate, file: path }));
  return assemble({ file: path, kind: 'xlsx', parts: [] }, workbook.results, duplicates, workbook.sheetNames);
}

async function statOrThrow(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw new DutyAuditError('file-not-found', msg('ledger.notFound', { file: path }), { file: path, hint: msg('ledger.notFound.hint'), cause: error });
  }
}

async function checkSize(file: string, { maxInputBytes }: LedgerLimits): Promise<void> {
  const { size } = await statOrThrow(file);
  if (size === 0) {
    throw new DutyAuditError('empty-file', msg('ledger.empty', { file }), { file, hint: msg('ledger.empty.hint') });
  }
  if (size > maxInputBytes) throw limitExceeded(file, msg('ledger.over.inputBytes', { size, max: maxInputBytes }), 'maxInputBytes', maxInputBytes);
}

async function readCheckedFile(file: string, limits: LedgerLimits): Promise<Buffer> {
  await checkSize(file, limits);
  return readFile(file);
}

function assemble(source: LedgerSource, results: readonly SheetResult[], duplicates: readonly Duplicate[], namesFound: readonly string[]): Ledger {
  const byKey = new Map(results.map((result) => [result.key, result]));
  if (!byKey.has('cases')) {
    const sheets = namesFound.length > 0 ? namesFound : msg('word.none');
    throw new DutyAuditError('no-cases-sheet', msg('ledger.noCasesSheet', { file: source.file, sheets }), {
      file: source.file,
      hint: source.kind === 'xlsx' ? msg('ledger.noCasesSheet.xlsxHint') : msg('ledger.noCasesSheet.csvHint'),
    });
  }
  refuseCasesWithoutHeader(byKey.get('cases')!);
  const ledger: Ledger = { source, sheets: {}, sheetNames: {}, dataIssues: [], accounts: {}, layout: {} };
  for (const key of SHEET_KEYS) {
    const result = byKey.get(key);
    if (!result) continue;
    (ledger.sheets as Record<SheetKey, unknown>)[key] = result.rows;
    ledger.sheetNames[key] = result.layout.sheetName;
    ledger.accounts[key] = result.account;
    ledger.layout![key] = result.layout;
    // One at a time: push(...issues) passes every issue as an argument, and more than ~125,000
    // of them overflowed the stack ("Maximum call stack size exceeded").
    for (const issue of result.issues) ledger.dataIssues.push(issue);
  }
  for (const duplicate of duplicates) ledger.dataIssues.push(duplicateSheetIssue(duplicate));
  return ledger;
}

/**
 * A case sheet whose header row is not found cannot be audited at all: every case is set aside
 * and the month cannot even be told. Said here, with the reason (the header is too low, the CSV
 * is not comma-separated, or no row names the columns), instead of the later "cannot infer the
 * audited month".
 */
function refuseCasesWithoutHeader(cases: SheetResult): void {
  if (cases.layout.headerRow !== 0) return;
  const issue = cases.issues.find((i) => i.code === 'header-too-low' || i.code === 'wrong-delimiter' || i.code === 'missing-header');
  const { file, sheetName: sheet } = cases.layout;
  if (issue === undefined && cases.account.rowsRead === 0) {
    throw new DutyAuditError('no-header', msg('ledger.casesSheetEmpty', { file, sheet }), { file, hint: msg('ledger.casesSheetEmpty.hint') });
  }
  if (issue?.code === 'header-too-low') {
    throw new DutyAuditError('no-header', msg('ledger.headerTooLow', { file, sheet, row: String(issue.params?.['headerRow']) }), { file, hint: msg('ledger.headerTooLow.hint') });
  }
  if (issue?.code === 'wrong-delimiter') {
    const delimiter = String(issue.params?.['delimiter'] ?? '');
    throw new DutyAuditError('no-header', msg('ledger.wrongDelimiter', { file, sheet, delimiter }), { file, hint: msg('ledger.wrongDelimiter.hint') });
  }
  throw new DutyAuditError('no-header', msg('ledger.noHeader', { file, sheet }), { file, hint: msg('ledger.noHeader.hint') });
}

/** The data issue that names a sheet not read because another stood for it first (duplicate-sheet). */
export function duplicateSheetIssue({ key, file, sheetName, firstSheet }: Duplicate): DataIssue {
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
