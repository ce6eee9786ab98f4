/**
 * Runs the pending inputs, at most `jobs` at a time, each on the runner (a worker pool by
 * default). Each report goes to a temporary name first; it is named once every audit is in.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../display-path.js';
import { jsonReportOf } from './report-names.js';
import { mapLimit } from './limit.js';
import { crashFailure, type AuditTask, type TaskOutcome, type TaskRunner } from './task.js';
import type { Pending } from './triage.js';
import type { BatchEntry } from './types.js';

export interface Fresh extends Pending {
  tempFile: string;
  outcome: TaskOutcome;
}

export interface DispatchContext {
  run: TaskRunner;
  jobs: number;
  outDir: string;
  task: Pick<AuditTask, 'period' | 'asOf' | 'rulesDir' | 'lang' | 'mask' | 'historyDir'>;
  /** Told as each input finishes (a report name is settled later, so it is '' here). */
  settled: (entry: BatchEntry) => void;
}

export async function dispatch(pending: Pending[], ctx: DispatchContext): Promise<Fresh[]> {
  return mapLimit(pending, ctx.jobs, async (p, i) => {
    const tempFile = join(ctx.outDir, `.partial-${process.pid}-${i}.xlsx`);
    // As the user would name it (workers share this process's working folder), so messages and
    // the report's 运行信息 show the path the way `duty-audit audit` would.
    const task: AuditTask = { ...ctx.task, input: displayPath(p.input.path, process.cwd()), kind: p.input.kind, reportFile: tempFile };
    const outcome = await ctx.run(task).catch((err: unknown): TaskOutcome => ({ ok: false, failure: crashFailure(err) }));
    if (outcome.ok) {
      ctx.settled({ status: 'audited', input: p.input, sha256: p.sha256, report: '', summary: outcome.summary });
    } else {
      rmSync(tempFile, { force: true });
      rmSync(jsonReportOf(tempFile), { force: true });
      ctx.settled({ status: 'failed', input: p.input, sha256: p.sha256, failure: outcome.failure, fromManifest: false });
    }
    return { ...p, tempFile, outcome };
  });
}
