/**
 * One input's work, as a worker (or a test, in-process) runs it: audit, write the report, and
 * send back the summary row. Input problems come back as a failure, never as a thrown error.
 */
import { audit, type AuditOptions } from '../audit/audit.js';
import { loadValidRuleSet } from '../rules/load.js';
import { DEFAULT_RULES_DIR } from '../paths.js';
import type { RuleSet } from '../rules/types.js';
import { writeReportXlsx } from '../report/xlsx/write.js';
import { summarizeAudit } from './center-summary.js';
import { failureOf, type AuditTask, type TaskOutcome } from './task.js';

/**
 * Rule sets this worker has loaded, by folder: a batch runs one rule set over every input, and
 * loading it (reading, validating, compiling the schemas) would otherwise be paid per input.
 */
const ruleSets = new Map<string, Promise<RuleSet>>();

function ruleSetFor(dir: string): Promise<RuleSet> {
  let loaded = ruleSets.get(dir);
  if (!loaded) {
    loaded = loadValidRuleSet(dir);
    ruleSets.set(dir, loaded);
  }
  return loaded;
}

export async function auditToReport(task: AuditTask): Promise<TaskOutcome> {
  try {
    const options: AuditOptions = { ruleSet: await ruleSetFor(task.rulesDir ?? DEFAULT_RULES_DIR) };
    if (task.period) options.period = task.period;
    if (task.asOf) options.asOf = task.asOf;
    if (task.rulesDir) options.rulesDir = task.rulesDir;
    const result = await audit(task.input, options);
    await writeReportXlsx(result, task.reportFile, { lang: task.lang, mask: task.mask });
    return { ok: true, summary: summarizeAudit(result) };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}
