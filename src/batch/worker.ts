/**
 * The pool's worker module: piscina calls the default export once per task (a test may call
 * auditToReport in-process). One input's work: audit it, write its report, send back its summary
 * row. An input's problem comes back as a failure, never as a thrown error, so a bad upload
 * fails only itself.
 */
import { audit, type AuditOptions } from '../audit/audit.js';
import { DutyAuditError } from '../errors.js';
import { DEFAULT_RULES_DIR } from '../paths.js';
import { writeReportJson } from '../report/json.js';
import { writeReportXlsx } from '../report/xlsx/write.js';
import { writeOutput } from '../output/write-output.js';
import { loadValidRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import type { RuleLimits } from '../rules/limits.js';
import { summarizeAudit } from './district-summary.js';
import { historyKey } from '../history/read-history.js';
import { jsonReportOf } from './report-names.js';
import { msg } from '../messages/catalogue.js';
import { batchFailure, type AuditTask, type BatchFailure, type TaskOutcome } from './types.js';

/**
 * Rule sets this worker has loaded, by folder: a batch runs one rule set over every input, and
 * loading it (reading, validating and resolving every rule file) would otherwise be paid per
 * input.
 */
const ruleSets = new Map<string, Promise<RuleSet>>();

function ruleSetFor(dir: string, limits: Partial<RuleLimits> = {}): Promise<RuleSet> {
  let loaded = ruleSets.get(dir);
  if (!loaded) {
    loaded = loadValidRuleSet(dir, dir, { limits });
    ruleSets.set(dir, loaded);
  }
  return loaded;
}

export async function auditToReport(task: AuditTask): Promise<TaskOutcome> {
  try {
    const options: AuditOptions = { ruleSet: await ruleSetFor(task.rulesDir ?? DEFAULT_RULES_DIR, task.ruleLimits) };
    if (task.limits) options.limits = task.limits;
    if (task.period) options.period = task.period;
    if (task.asOf) options.asOf = task.asOf;
    if (task.rulesDir) options.rulesDir = task.rulesDir;
    if (task.historyDir) {
      options.history = task.historyDir;
      options.historySameCenterOnly = true;
    }
    const result = await audit(task.input, options);
    // A failed write (disk full, no permission) is this input's failure, said in words.
    await writeOutput(task.reportFile, msg('cli.what.report'), 'out', () => writeReportXlsx(result, task.reportFile, { lang: task.lang, mask: task.mask, inPlace: true }));
    // Kept beside the xlsx: next month's audit of this center reads it as history.
    const jsonFile = task.jsonReportFile ?? jsonReportOf(task.reportFile);
    await writeOutput(jsonFile, msg('cli.what.json'), 'out', () => writeReportJson(result, jsonFile, { lang: task.lang, mask: task.mask }));
    return { ok: true, summary: summarizeAudit(result), history: historyKey(result.history?.reports ?? []) };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}

/**
 * An audit's error as plain data, to cross the thread boundary: a DutyAuditError keeps its code
 * and hint; anything else is an internal error, reported with its message.
 */
export function failureOf(err: unknown): BatchFailure {
  if (err instanceof DutyAuditError) return batchFailure(err.code, err.detail, err.fix);
  const reason = err instanceof Error ? err.message : String(err);
  return batchFailure('internal-error', msg('batch.internalError', { reason }), msg('batch.internalError.hint'));
}

export default auditToReport;
