/** Shared by the batch tests: temp folders and a fake audit that needs no ledger reader. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { GRADES, type Grade } from '../../src/grade-scale.js';
import type { AuditTask, CenterSummary, TaskOutcome, TaskRunner } from '../../src/batch/types.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `duty-audit-${prefix}-`));
}

export function writeFile(path: string, content: string | Buffer = 'x'): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export function summaryOf(center: string, period = '2026-10', byGrade: Partial<Record<Grade, number>> = {}): CenterSummary {
  const counts = Object.fromEntries(GRADES.map((g) => [g, byGrade[g] ?? 0])) as Record<Grade, number>;
  const findings = GRADES.reduce((n, g) => n + counts[g], 0);
  return {
    center,
    district: '东城街道',
    period,
    asOf: '2026-10-31',
    byGrade: counts,
    findings,
    toAct: findings > 0 ? { grade: 'criticism', names: ['张三'] } : null,
    dataIssues: 1,
    rowsRead: 10,
  };
}

/**
 * A stand-in for the audit: the center is the input's base name up to the first `.` or `_`,
 * `fail` in the name is an input failure, `crash` a dead worker. Records every task it ran.
 */
export function fakeRunner(): TaskRunner & { tasks: AuditTask[] } {
  const tasks: AuditTask[] = [];
  const run = async (task: AuditTask): Promise<TaskOutcome> => {
    tasks.push(task);
    const name = basename(task.input);
    if (name.includes('crash')) throw new Error('worker exited with code: 1');
    if (name.includes('fail')) return { ok: false, failure: { code: 'no-cases-sheet', message: `${name}: no cases sheet`, hint: 'add one' } };
    writeFileSync(task.reportFile, `report of ${name}`);
    const center = name.split(/[._]/)[0] as string;
    return { ok: true, summary: summaryOf(center, task.period ?? '2026-10', { reminder: 2, criticism: name.includes('grave') ? 1 : 0 }) };
  };
  return Object.assign(run, { tasks });
}
