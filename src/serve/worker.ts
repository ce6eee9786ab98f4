/**
 * The service's worker module: one upload's audit, on a pool thread (src/batch/pool.ts), never on
 * the HTTP thread. It turns the stored upload into a ledger input (a zip of csv files is
 * unpacked, counting what it inflates; a csv alone becomes the cases sheet of a folder), reads it
 * within the service's limits (the ledger reader counts what a workbook inflates), audits
 * it with the earlier months of its center as history, writes the xlsx and JSON reports under
 * the audit's id, and sends back the center's summary row. A bad upload comes back as a failure
 * with its fix, never as a thrown error.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { batchFailure } from '../batch/types.js';
import { failureOf } from '../batch/worker.js';
import type { Message, MessageParam } from '../messages/catalogue.js';
import { summarizeAudit } from '../batch/district-summary.js';
import { centerFromFileName } from '../ledger/center.js';
import { audit, DEFAULT_RULES_DIR, readLedger, loadValidRuleSet, reportJsonText, writeReportXlsx, type AuditOptions, type AuditResult, type BatchFailure, type Lang, type ReadLedgerOptions, type RuleSet } from '../index.js';
import { unpackCsvZip, type UploadKind, type UploadLimits } from './guards.js';
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
    const input = await ledgerInput(task);
    const options: AuditOptions = { ruleSet: await ruleSetFor(task.rulesDir ?? DEFAULT_RULES_DIR), ...historyOptions(task) };
    if (task.rulesDir) options.rulesDir = task.rulesDir;
    const ledger = await readLedger(input, ledgerLimits(task));
    const result = await audit(input, { ...options, ledger });
    // A ledger without 中心信息 is named after its file, as `duty-audit audit` does; here that is
    // the name it was uploaded under, not the stored file's hash.
    if (!ledger.sheets.center?.[0]?.record.center?.trim()) result.center = centerFromFileName(task.uploadName || result.center);
    const reportSha256 = await writeReports(result, task);
    return { ok: true, summary: summarizeAudit(result), reportSha256, history: historyUsed(result) };
  } catch (err) {
    return { ok: false, failure: named(failureOf(err), task) };
  } finally {
    await rm(task.workDir, { recursive: true, force: true });
  }
}

/** The path the audit reads: the workbook itself, or a folder of csv files named by sheet. */
async function ledgerInput(task: ServeTask): Promise<string> {
  switch (task.kind) {
    case 'xlsx':
      return task.file;
    case 'csv': {
      const folder = join(task.workDir, 'ledger');
      await mkdir(folder, { recursive: true });
      await copyFile(task.file, join(folder, '办件台账.csv'));
      return folder;
    }
    case 'zip-csv': {
      const folder = join(task.workDir, 'ledger');
      await unpackCsvZip(task.file, folder, task.limits);
      return folder;
    }
  }
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

/**
 * HISTORY: the one place the audit is told about its center's earlier months. The history
 * folder holds every center's standing JSON report of each month; the audit reads only its
 * own center's earlier ones. Empty until `AuditOptions.history` reaches main (issue #10).
 */
function historyOptions(_task: ServeTask): Partial<AuditOptions> {
  return {};
}

/** The SHA-256 of each earlier report the audit read, or null when the pipeline took no history. */
function historyUsed(_result: AuditResult): string[] | null {
  return null;
}

/** A failure names the upload as it was sent, not where the service keeps it. */
function named(failure: BatchFailure, task: ServeTask): BatchFailure {
  const shown = task.uploadName || 'upload';
  const scrub = (text: string) => text.split(join(task.workDir, 'ledger')).join(shown).split(task.file).join(shown);
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

/** Each report written whole under a temporary name, then renamed: a reader never sees half. */
async function writeReports(result: AuditResult, task: ServeTask): Promise<string> {
  await mkdir(task.reportDir, { recursive: true });
  const xlsx = join(task.reportDir, 'report.xlsx');
  const json = join(task.reportDir, 'report.json');
  await writeReportXlsx(result, `${xlsx}.partial`, { lang: task.lang, mask: task.mask });
  const text = reportJsonText(result, { lang: task.lang, mask: task.mask });
  await writeFile(`${json}.partial`, text);
  await rename(`${xlsx}.partial`, xlsx);
  await rename(`${json}.partial`, json);
  return createHash('sha256').update(text).digest('hex');
}

export default auditUpload;
