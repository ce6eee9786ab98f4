/**
 * The batch keeps each center's JSON report beside its xlsx and reads the earlier months of the
 * same center in its output folder as history, without being asked: across two runs, and for
 * two months of one center uploaded together.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditToReport } from '../../src/batch/worker.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { CARRIED_OVER_MONTHS, OPEN_SEPTEMBER, writeLedgerXlsx } from '../audit/ledger-fixture.js';
import { tempDir } from './helpers.js';


async function uploads(dir: string, months: ('09' | '10')[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const m of months) {
    await writeLedgerXlsx(join(dir, `测试社区-2026-${m}.xlsx`), { center: true, cases: CARRIED_OVER_MONTHS[m] });
  }
}

interface JsonReport {
  period: string;
  history: { reports: { period: string; sha256: string }[] } | null;
  findings: { ruleId: string; status: string; deductionYuan: number; reportedIn?: string }[];
}

function jsonReport(out: string, period: string): JsonReport {
  return JSON.parse(readFileSync(join(out, `测试社区便民服务中心-${period}.json`), 'utf8')) as JsonReport;
}

function yuan(r: JsonReport): number {
  return r.findings.reduce((n, f) => n + f.deductionYuan, 0);
}

describe('batch history', () => {
  it('a later run reads the earlier month\'s JSON report in the output folder', async () => {
    const root = tempDir('batch-history');
    await uploads(join(root, 'sep'), ['09']);
    await runBatch(['sep'], { out: 'reports', cwd: root, runner: auditToReport });
    const september = jsonReport(join(root, 'reports'), '2026-09');
    expect(september.history).toEqual({ source: expect.stringMatching(/reports$/), reports: [], ignored: [] });
    expect(yuan(september)).toBe(500);

    await uploads(join(root, 'oct'), ['10']);
    const run = await runBatch(['oct'], { out: 'reports', cwd: root, runner: auditToReport });
    const october = jsonReport(join(root, 'reports'), '2026-10');
    expect(october.history!.reports.map((r) => r.period)).toEqual(['2026-09']);
    expect(october.findings.filter((f) => f.ruleId === 'case-overdue').map((f) => [f.status, f.reportedIn, f.deductionYuan])).toEqual(
      Array(4).fill(['reported-before', '2026-09', 0]),
    );
    expect(yuan(october)).toBe(0);
    // The district summary counts what counts: nothing is charged to 赵敏 again.
    const entry = run.entries.find((e) => e.status === 'audited')!;
    expect(entry.status === 'audited' && entry.summary.findings).toBe(0);
  });

  it('two months of one center uploaded together: the later is audited with the earlier\'s report', async () => {
    const root = tempDir('batch-history-together');
    await uploads(join(root, 'uploads'), ['10', '09']);
    const run = await runBatch(['uploads'], { out: 'reports', cwd: root, runner: auditToReport, jobs: 2 });
    expect(run.counts).toEqual({ audited: 2, skipped: 0, failed: 0 });
    const out = join(root, 'reports');
    expect(yuan(jsonReport(out, '2026-09'))).toBe(500);
    const october = jsonReport(out, '2026-10');
    expect(october.history!.reports.map((r) => r.period)).toEqual(['2026-09']);
    expect(yuan(october)).toBe(0);
    const octEntry = run.entries.find((e) => e.status === 'audited' && e.summary.period === '2026-10');
    expect(octEntry?.status === 'audited' && octEntry.summary.byGrade).toEqual({ reminder: 0, criticism: 0, notice: 0, deduction: 0 });
  });

  it('an unchanged month is audited again when its earlier month\'s report changed (regression: the manifest\'s key had no history)', async () => {
    const root = tempDir('batch-history-changed');
    const out = join(root, 'reports');
    // October alone first: no September report yet, so 赵敏's four cases are charged in October.
    await uploads(join(root, 'oct'), ['10']);
    await runBatch(['oct'], { out: 'reports', cwd: root, runner: auditToReport });
    expect(yuan(jsonReport(out, '2026-10'))).toBe(500);
    // September's report arrives from another run; October's workbook is unchanged.
    await uploads(join(root, 'sep'), ['09']);
    await runBatch(['sep'], { out: 'reports', cwd: root, runner: auditToReport });
    const again = await runBatch(['oct'], { out: 'reports', cwd: root, runner: auditToReport });
    expect(again.counts).toEqual({ audited: 1, skipped: 0, failed: 0 });
    const october = jsonReport(out, '2026-10');
    expect(october.history!.reports.map((r) => r.period)).toEqual(['2026-09']);
    expect(yuan(october)).toBe(0);
    // Nothing changed since: kept.
    expect((await runBatch(['oct'], { out: 'reports', cwd: root, runner: auditToReport })).counts).toEqual({ audited: 0, skipped: 1, failed: 0 });
  });

  it('a corrected September re-uploaded with an unchanged October: October is audited again in the same run', async () => {
    const root = tempDir('batch-history-corrected');
    const out = join(root, 'reports');
    await uploads(join(root, 'uploads'), ['09', '10']);
    await runBatch(['uploads'], { out: 'reports', cwd: root, runner: auditToReport });
    const before = jsonReport(out, '2026-10');
    // September corrected: one of 赵敏's cases had a documented 延期原因 (no finding on it now).
    const corrected = OPEN_SEPTEMBER.map((row, i) => (i === 0 ? [...row.slice(0, 14), '等待区民政局审批'] : row));
    await writeLedgerXlsx(join(root, 'uploads', '测试社区-2026-09.xlsx'), { center: true, cases: corrected });
    const run = await runBatch(['uploads'], { out: 'reports', cwd: root, runner: auditToReport });
    expect(run.counts).toEqual({ audited: 2, skipped: 0, failed: 0 });
    const september = readFileSync(join(out, '测试社区便民服务中心-2026-09.json'));
    const october = jsonReport(out, '2026-10');
    expect(october.history!.reports.map((r) => r.sha256)).toEqual([createHash('sha256').update(september).digest('hex')]);
    expect(october.history!.reports[0]!.sha256).not.toBe(before.history!.reports[0]!.sha256);
  });
});
