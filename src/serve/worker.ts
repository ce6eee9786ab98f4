/**
 * The service's worker module: one upload's audit, on a pool thread (src/batch/pool.ts), never on
 * the HTTP thread. It turns the stored upload into a ledger input (a zip of csv files is
 * unpacked, counting what it inflates; a csv alone becomes the cases sheet of a folder), reads it
 * within the service's limits (the ledger reader counts what a workbook inflates), audits
 * it with the earlier months of its center as history, writes the xlsx and JSON reports under
 * the audit's id, and sends back the center's summary row. A bad upload comes back as a failure
 * with its fix, never as a thrown error.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { batchFailure } from '../batch/types.js';
import { failureOf } from '../batch/worker.js';
import { msg, type Message, type MessageParam } from '../messages/catalogue.js';
import { summarizeAudit } from '../batch/district-summary.js';
import { loadHistory, type History } from '../history/read-history.js';
import { centerFromFileName, centerOf } from '../ledger/center.js';
import type { Ledger } from '../ledger/types.js';
import { completeAudit, DEFAULT_RULES_DIR, prepareAudit, readLedger, loadValidRuleSet, writeReportJson, writeReportXlsx, type AuditOptions, type AuditResult, type BatchFailure, type Lang, type ReadLedgerOptions, type RuleSet } from '../index.js';
import { duplicateSheetIssue } from '../ledger/read-ledger.js';
import type { DataIssue } from '../ledger/types.js';
import { unpackCsvZip, type SkippedCsv, type UploadKind, type UploadLimits } from './guards.js';
import type { JobOutcome } from './store.js';

export interface ServeTask {
  auditId: string;
  kind: UploadKind;
  /** The stored upload (DATA/files/<sha256>.<kind>). */
  file: string;
  /** The name it was uploaded under (text only): names the center when the ledger has no 中心信息. */
  uploadName: string;
  /** A folder of this job's own under DATA/tmp, removed when the job ends. */
  workDir: string;
  /** Where the reports go (DATA/reports/<id>). */
  reportDir: string;
  /** Every center's standing JSON reports (DATA/history): this center's earlier months are read. */
  historyDir: string;
  rulesDir?: string;
  lang: Lang;
  mask: boolean;
  limits: UploadLimits;
}

/** Rule sets this thread has loaded, by folder: loading one costs more than a small audit. */
const ruleSets = new Map<string, Promise<RuleSet>>();

function ruleSetFor(dir: string): Promise<RuleSet> {
  let loaded = ruleSets.get(dir);
  if (!loaded) {
    loaded = loadValidRuleSet(dir);
    ruleSets.set(dir, loaded);
  }
  return loaded;
}

export async function auditUpload(task: ServeTask): Promise<JobOutcome> {
  try {
    await rm(task.workDir, { recursive: true, force: true });
    const { input, skipped } = await ledgerInput(task);
    const ledgers = severalLedgers(skipped, task);
    if (ledgers) return { ok: false, failure: ledgers };
    const options: AuditOptions = { ruleSet: await ruleSetFor(task.rulesDir ?? DEFAULT_RULES_DIR) };
    if (task.rulesDir) options.rulesDir = task.rulesDir;
    const ledger = await readLedger(input, ledgerLimits(task));
    for (const csv of skipped) ledger.dataIssues.push(skippedCsvIssue(csv, task));
    const center = centerOfUpload(ledger, task);
    const prepared = await prepareAudit(input, { ...options, ledger });
    prepared.history = centerHistory(task, center, prepared.ctx.period);
    const result = await completeAudit(prepared, options);
    result.center = center;
    namedAfterUpload(result, task);
    const reportSha256 = await writeReports(result, task);
    return { ok: true, summary: summarizeAudit(result), reportSha256, history: result.history?.reports.map((report) => report.sha256) ?? [] };
  } catch (err) {
    return { ok: false, failure: named(failureOf(err), task) };
  } finally {
    await rm(task.workDir, { recursive: true, force: true });
  }
}

/**
 * The center an upload is of: its 中心信息, else the name it was uploaded under, as `duty-audit
 * audit` names a ledger without 中心信息 after its file (here the stored file is named by hash).
 */
function centerOfUpload(ledger: Ledger, task: ServeTask): string {
  const own = ledger.sheets.center?.[0]?.record.center?.trim();
  return own || centerFromFileName(task.uploadName || centerOf(ledger).center);
}

/**
 * HISTORY: the center's standing JSON reports of earlier months (DATA/history holds every
 * center's), read as the batch reads its output folder, so an act an earlier month already
 * charged is not charged again (docs/grading.md). Loaded here rather than by AuditOptions.history
 * because the pipeline would look for the center the ledger names, and a ledger without 中心信息
 * is named by its upload, not by the stored file. Paths are shown from the data folder, so the
 * report does not depend on where the service was started.
 */
function centerHistory(task: ServeTask, center: string, period: string): History {
  return loadHistory(task.historyDir, { center, period }, { sameCenterOnly: true, cwd: dirname(task.historyDir) });
}

/** A csv uploaded alone is the cases sheet of a folder of its own, under this name. */
const CASES_CSV = '办件台账.csv';

/**
 * The path the audit reads: the workbook itself, or a folder of csv files named by sheet; and the
 * csv files of a zip that were not read (a second one for a sheet).
 */
async function ledgerInput(task: ServeTask): Promise<{ input: string; skipped: SkippedCsv[] }> {
  switch (task.kind) {
    case 'xlsx':
      return { input: task.file, skipped: [] };
    case 'csv': {
      const folder = join(task.workDir, 'ledger');
      await mkdir(folder, { recursive: true });
      await copyFile(task.file, join(folder, CASES_CSV));
      return { input: folder, skipped: [] };
    }
    case 'zip-csv': {
      const folder = join(task.workDir, 'ledger');
      const skipped = await unpackCsvZip(task.file, folder, task.limits);
      return { input: folder, skipped };
    }
  }
}

/**
 * A zip holding two cases csv files is several centers' or months' ledgers: audited as the first
 * alone, the others would be data issues of its report and missing from the month view. It fails,
 * naming them, as the batch fails such a CSV folder.
 */
function severalLedgers(skipped: readonly SkippedCsv[], task: ServeTask): BatchFailure | undefined {
  const cases = skipped.filter((csv) => csv.sheet === 'cases');
  if (cases.length === 0) return undefined;
  const files = [cases[0]!.first, ...cases.map((csv) => csv.entry)];
  const detail = msg('serve.zipSeveralLedgers', { file: task.uploadName || 'upload', count: files.length, files });
  return batchFailure('several-ledgers', detail, msg('serve.zipSeveralLedgers.hint'));
}

/** A csv of a zip that was not read, as the folder reader lists a second file for one sheet (docs/ledger.md). */
function skippedCsvIssue({ sheet, entry, first }: SkippedCsv, task: ServeTask): DataIssue {
  const base = (name: string) => (name.split('/').pop() ?? name).replace(/\.csv$/i, '');
  return duplicateSheetIssue({ key: sheet, file: `${task.uploadName || 'upload'}/${entry}`, sheetName: base(entry), firstSheet: base(first) });
}

/**
 * The upload's name where the reports would name the service's own files: the stored file
 * (DATA/files/<sha256>.xlsx) or the job's folder under DATA/tmp, gone once the job ends. An
 * inspector reading 数据问题 or 运行信息 finds the file the center sent (the SHA-256 beside it
 * still says which bytes), and the reports no longer show where the service keeps its data.
 */
function namedAfterUpload(result: AuditResult, task: ServeTask): void {
  const shown = uploadNames(task);
  result.inputs = result.inputs.map((input) => ({ ...input, file: shown(input.file) }));
  result.dataIssues = result.dataIssues.map((issue) => ({ ...issue, file: shown(issue.file) }));
}

/** Replaces the service's paths in a text by the name the upload was sent under. */
function uploadNames(task: ServeTask): (text: string) => string {
  const shown = task.uploadName || 'upload';
  const folder = join(task.workDir, 'ledger');
  // A csv uploaded alone is the folder's one file: the upload itself. A zip's csv is named within it.
  const paths: string[] = [...(task.kind === 'csv' ? [join(folder, CASES_CSV)] : []), folder, task.file];
  return (text) => paths.reduce((t, path) => t.split(path).join(shown), text);
}

/**
 * The ledger reader's limits from the service's: a workbook as large as an upload may be, its
 * parts inflated no more than the upload guard allows; a csv unpacked from a zip as large as the
 * zip may inflate to (src/ledger/limits.ts has the rest, rows and cell length, at their defaults).
 */
function ledgerLimits(task: ServeTask): ReadLedgerOptions {
  const { maxFileBytes, maxInflatedBytes, maxCompressionRatio } = task.limits;
  return { maxInputBytes: task.kind === 'xlsx' ? maxFileBytes : maxInflatedBytes, maxCompressionRatio };
}

/** A failure names the upload as it was sent, not where the service keeps it. */
function named(failure: BatchFailure, task: ServeTask): BatchFailure {
  const scrub = uploadNames(task);
  const scrubParam = (value: MessageParam): MessageParam => {
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map(scrubParam);
    if (isMessage(value)) return scrubMessage(value);
    return value;
  };
  const scrubMessage = (message: Message): Message => ({
    key: message.key,
    params: Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, scrubParam(value)])),
  });
  const detail = failure.detail ? scrubMessage(failure.detail) : undefined;
  const fix = failure.fix ? scrubMessage(failure.fix) : undefined;
  return detail ? batchFailure(failure.code, detail, fix) : { ...failure, message: scrub(failure.message) };
}

function isMessage(value: MessageParam): value is Message {
  return typeof value === 'object' && !Array.isArray(value) && 'key' in value && 'params' in value;
}

/**
 * Each report written whole through a temporary file of its own, flushed and renamed
 * (src/output/atomic-file.ts): a reader never sees half, and a stopped worker leaves no leftover.
 */
async function writeReports(result: AuditResult, task: ServeTask): Promise<string> {
  await mkdir(task.reportDir, { recursive: true });
  await writeReportXlsx(result, join(task.reportDir, 'report.xlsx'), { lang: task.lang, mask: task.mask });
  // Written and hashed piece by piece: a month of 100,000 findings is never one string.
  return writeReportJson(result, join(task.reportDir, 'report.json'), { lang: task.lang, mask: task.mask });
}

export default auditUpload;
