/**
 * A center's later months whose history changed in this run are audited again (docs/grading.md,
 * "Each act is judged once, across months"). Each audit reads the center's earlier JSON reports
 * in the output folder as history, but the inputs of one run are audited side by side, before
 * any of their reports is in place, and an input kept as unchanged was audited against the
 * reports of its own run. So once this run's reports are placed, each center's months, audited
 * now or kept, are looked at in period order: a month whose report was made with other earlier
 * reports than the folder now holds (the key in its outcome or its manifest entry against the
 * folder's, src/history) is audited again, and its new report replaces the old before the next
 * month is looked at. A run of one month per center, none changed, audits nothing here: each
 * report's head is read once, and only a center's earlier reports are hashed.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HistoryFolder } from '../history/read-history.js';
import { openTemp } from '../output/atomic-file.js';
import { compareText } from '../text.js';
import { crashFailure } from './pool.js';
import { jsonReportOf } from './report-names.js';
import type { AuditTask, BatchInput, CenterSummary, TaskOutcome, TaskRunner } from './types.js';

/** One month of a center with a report in the output folder: audited in this run, or kept. */
export interface MonthReport {
  input: BatchInput;
  /** The report's file name in the output folder. */
  report: string;
  summary: CenterSummary;
  /** The key of the earlier reports it was made with; undefined: unknown (an old manifest). */
  history: string | undefined;
}

export interface LaterMonthsContext {
  run: TaskRunner;
  outDir: string;
  /** The same task fields as the first audits. */
  task: Omit<AuditTask, 'input' | 'kind' | 'reportFile' | 'jsonReportFile'>;
  /** Each input as the first audit named it (the worker's `input`). */
  inputOf: (input: BatchInput) => string;
}

/** Audits again the months whose history changed; returns the new outcome per input path. */
export async function auditLaterMonthsAgain(months: readonly MonthReport[], ctx: LaterMonthsContext): Promise<Map<string, TaskOutcome>> {
  const again = new Map<string, TaskOutcome>();
  const byCenter = new Map<string, MonthReport[]>();
  for (const m of months) byCenter.set(m.summary.center, [...(byCenter.get(m.summary.center) ?? []), m]);
  let folder: HistoryFolder | undefined;
  for (const list of byCenter.values()) {
    for (const m of [...list].sort((a, b) => compareText(a.summary.period, b.summary.period))) {
      folder ??= new HistoryFolder(ctx.outDir);
      if (m.history !== undefined && m.history === folder.keyFor(m.summary.center, m.summary.period)) continue;
      const outcome = await auditAgain(m, ctx);
      again.set(m.input.path, outcome);
      folder.refresh(join(ctx.outDir, jsonReportOf(m.report)));
    }
  }
  return again;
}

async function auditAgain(m: MonthReport, ctx: LaterMonthsContext): Promise<TaskOutcome> {
  // Temporary files of this process, removed if it is stopped (src/output/atomic-file.ts).
  const temp = openTemp(join(ctx.outDir, m.report));
  const jsonTemp = openTemp(join(ctx.outDir, jsonReportOf(m.report)));
  const task: AuditTask = { ...ctx.task, input: ctx.inputOf(m.input), kind: m.input.kind, reportFile: temp.path, jsonReportFile: jsonTemp.path };
  const outcome = await ctx.run(task).catch((err: unknown): TaskOutcome => ({ ok: false, failure: crashFailure(err) }));
  if (outcome.ok) {
    await temp.commit();
    if (existsSync(jsonTemp.path)) await jsonTemp.commit();
    else await jsonTemp.discard();
  } else {
    await temp.discard();
    await jsonTemp.discard();
    // A report that may charge an earlier month's act again must not stand.
    for (const file of [join(ctx.outDir, m.report), join(ctx.outDir, jsonReportOf(m.report))]) await rm(file, { force: true });
  }
  return outcome;
}
