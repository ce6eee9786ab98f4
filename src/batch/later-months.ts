/**
 * Several months of one center in one batch (docs/grading.md, "Each act is judged once, across
 * months"): each audit reads the center's earlier JSON reports in the output folder as history,
 * but the months of this run are audited side by side, before any of their reports is in place.
 * So once the reports are placed, each center's later months of this run are audited again, one
 * at a time in period order, each reading the reports placed before it; their reports replace
 * the first ones. A batch of one month per center (the usual run) does nothing here.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../text.js';
import { crashFailure, type Fresh } from './pool.js';
import { jsonReportOf } from './report-names.js';
import type { AuditTask, TaskOutcome, TaskRunner } from './types.js';

export interface LaterMonthsContext {
  run: TaskRunner;
  outDir: string;
  /** The same task fields as the first audits. */
  task: Omit<AuditTask, 'input' | 'kind' | 'reportFile'>;
  /** Each input as the first audit named it (the worker's `input`). */
  inputOf: (f: Fresh) => string;
}

/** `placed`: the report file name per audited input path. Replaces `outcome` on the inputs audited again. */
export async function auditLaterMonthsAgain(fresh: Fresh[], placed: ReadonlyMap<string, string>, ctx: LaterMonthsContext): Promise<void> {
  const byCenter = new Map<string, Fresh[]>();
  for (const f of fresh) {
    if (!f.outcome.ok || !placed.has(f.input.path)) continue;
    const center = f.outcome.summary.center;
    byCenter.set(center, [...(byCenter.get(center) ?? []), f]);
  }
  for (const months of byCenter.values()) {
    const periods = new Set(months.map((f) => (f.outcome.ok ? f.outcome.summary.period : '')));
    if (periods.size < 2) continue;
    const earliest = [...periods].sort()[0];
    const later = months
      .filter((f) => f.outcome.ok && f.outcome.summary.period !== earliest)
      .sort((a, b) => compareText(a.outcome.ok ? a.outcome.summary.period : '', b.outcome.ok ? b.outcome.summary.period : ''));
    for (const f of later) await auditAgain(f, placed.get(f.input.path)!, ctx);
  }
}

async function auditAgain(f: Fresh, name: string, ctx: LaterMonthsContext): Promise<void> {
  const temp = join(ctx.outDir, `.partial-${process.pid}-again.xlsx`);
  const task: AuditTask = { ...ctx.task, input: ctx.inputOf(f), kind: f.input.kind, reportFile: temp };
  const outcome = await ctx.run(task).catch((err: unknown): TaskOutcome => ({ ok: false, failure: crashFailure(err) }));
  if (outcome.ok) {
    renameSync(temp, join(ctx.outDir, name));
    renameSync(jsonReportOf(temp), join(ctx.outDir, jsonReportOf(name)));
  } else {
    // A report that may charge an earlier month's act again must not stand.
    for (const file of [temp, jsonReportOf(temp), join(ctx.outDir, name), join(ctx.outDir, jsonReportOf(name))]) rmSync(file, { force: true });
  }
  f.outcome = outcome;
}
