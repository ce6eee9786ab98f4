/**
 * One input's work, as a worker (or a test, in-process) runs it: audit, write the report, and
 * send back the summary row. Input problems come back as a failure, never as a thrown error.
 */
import { audit, type AuditOptions } from '../audit/audit.js';
import { writeReportXlsx } from '../report/index.js';
import { summarizeAudit } from './center-summary.js';
import { failureOf, type AuditTask, type TaskOutcome } from './task.js';

export async function auditToReport(task: AuditTask): Promise<TaskOutcome> {
  try {
    const options: AuditOptions = {};
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
