/**
 * The batch's orchestration with a fake audit (helpers.fakeRunner): skipping, naming, failures,
 * exit codes and the manifest, independent of the ledger reader and the rules.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/batch/manifest.js';
import { commonestPeriod, exitCodeOf, runBatch } from '../../src/batch/run-batch.js';
import type { BatchEntry, BatchInput } from '../../src/batch/types.js';
import { DutyAuditError } from '../../src/errors.js';
import { fakeRunner, summaryOf, tempDir, writeFile } from './helpers.js';

const xlsx = (path: string): BatchInput => ({ path, display: path, kind: 'xlsx' });

function uploads(): string {
  const root = tempDir('batch-fake');
  writeFile(join(root, 'in', '城东.xlsx'), 'one');
  writeFile(join(root, 'in', '城西.xlsx'), 'two');
  writeFile(join(root, 'in', 'csv', '城南-办件台账.csv'), 'three');
  return root;
}

const statuses = (entries: BatchEntry[]): [string, string][] => entries.map((e) => [e.input.display, e.status]);

describe('runBatch (fake audit)', () => {
  it('audits every input, names each report <center>-<period>.xlsx and writes the summary and manifest', async () => {
    const root = uploads();
    const runner = fakeRunner();
    const result = await runBatch(['in'], { out: 'out', cwd: root, runner, jobs: 2 });
    expect(statuses(result.entries)).toEqual([
      ['in/csv/', 'audited'],
      ['in/城东.xlsx', 'audited'],
      ['in/城西.xlsx', 'audited'],
    ]);
    expect(result.entries.map((e) => (e.status === 'failed' ? '' : e.report))).toEqual(['csv-2026-10.xlsx', '城东-2026-10.xlsx', '城西-2026-10.xlsx']);
    expect(readFileSync(join(root, 'out', '城东-2026-10.xlsx'), 'utf8')).toBe('report of 城东.xlsx');
    expect(result.summaryFile).toBe(join(root, 'out', 'district-summary-2026-10.xlsx'));
    expect(existsSync(result.summaryFile)).toBe(true);
    expect(existsSync(join(root, 'out', MANIFEST_FILE))).toBe(true);
    expect(readdirSync(join(root, 'out')).filter((f) => f.startsWith('.partial'))).toEqual([]);
    expect(result.counts).toEqual({ audited: 3, skipped: 0, failed: 0 });
    expect(result.exitCode).toBe(0);
  });

  it('hands each task the options that shape a report', async () => {
    const root = uploads();
    const runner = fakeRunner();
    await runBatch(['in/城东.xlsx'], { out: 'out', cwd: root, runner, period: '2026-09', asOf: '2026-10-05', lang: 'en', mask: false });
    expect(runner.tasks).toHaveLength(1);
    expect(runner.tasks[0]).toMatchObject({ input: join(root, 'in', '城东.xlsx'), kind: 'xlsx', period: '2026-09', asOf: '2026-10-05', lang: 'en', mask: false });
  });

  it('skips unchanged inputs on a re-run and still lists them from the manifest', async () => {
    const root = uploads();
    await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner() });
    const again = fakeRunner();
    const second = await runBatch(['in'], { out: 'out', cwd: root, runner: again });
    expect(again.tasks).toEqual([]);
    expect(second.counts).toEqual({ audited: 0, skipped: 3, failed: 0 });
    const kept = second.entries.find((e) => e.input.display === 'in/城东.xlsx');
    expect(kept).toMatchObject({ status: 'skipped', report: '城东-2026-10.xlsx', summary: { center: '城东', findings: 2 } });
  });

  it('re-audits only what changed: content, a missing report, or options', async () => {
    const root = uploads();
    await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner() });
    writeFileSync(join(root, 'in', '城西.xlsx'), 'two, edited');
    const changed = fakeRunner();
    await runBatch(['in'], { out: 'out', cwd: root, runner: changed });
    expect(changed.tasks.map((t) => t.input)).toEqual([join(root, 'in', '城西.xlsx')]);

    writeFileSync(join(root, 'in', 'csv', '城南-办件台账.csv'), 'three, edited');
    const csvChanged = fakeRunner();
    await runBatch(['in'], { out: 'out', cwd: root, runner: csvChanged });
    expect(csvChanged.tasks.map((t) => t.input)).toEqual([join(root, 'in', 'csv')]);

    writeFile(join(root, 'out', '城东-2026-10.xlsx'), '');
    const { rmSync } = await import('node:fs');
    rmSync(join(root, 'out', '城东-2026-10.xlsx'));
    const missing = fakeRunner();
    await runBatch(['in'], { out: 'out', cwd: root, runner: missing });
    expect(missing.tasks.map((t) => t.input)).toEqual([join(root, 'in', '城东.xlsx')]);

    const otherLang = fakeRunner();
    await runBatch(['in'], { out: 'out', cwd: root, runner: otherLang, lang: 'en' });
    expect(otherLang.tasks).toHaveLength(3);
  });

  it('re-audits everything with force, keeping each report its name', async () => {
    const root = uploads();
    const first = await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner() });
    const forced = fakeRunner();
    const second = await runBatch(['in'], { out: 'out', cwd: root, runner: forced, force: true });
    expect(forced.tasks).toHaveLength(3);
    expect(second.counts).toEqual({ audited: 3, skipped: 0, failed: 0 });
    const names = (r: typeof first): string[] => r.entries.map((e) => (e.status === 'failed' ? '' : e.report));
    expect(names(second)).toEqual(names(first));
  });

  it('re-audits everything when the rules change', async () => {
    const root = uploads();
    await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner() });
    const manifestFile = join(root, 'out', MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    for (const entry of Object.values(manifest.entries) as { rulesHash: string }[]) entry.rulesHash = 'older-rules';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const rerun = fakeRunner();
    await runBatch(['in'], { out: 'out', cwd: root, runner: rerun });
    expect(rerun.tasks).toHaveLength(3);
  });

  it('treats an unreadable manifest as no manifest', async () => {
    const root = uploads();
    writeFile(join(root, 'out', MANIFEST_FILE), '{ not json');
    const runner = fakeRunner();
    const result = await runBatch(['in'], { out: 'out', cwd: root, runner });
    expect(runner.tasks).toHaveLength(3);
    expect(result.exitCode).toBe(0);
  });

  it('disambiguates two inputs of the same center and month', async () => {
    const root = tempDir('batch-same');
    writeFile(join(root, 'a', '城东.xlsx'), 'a');
    writeFile(join(root, 'b', '城东.xlsx'), 'b');
    const result = await runBatch(['a', 'b'], { out: 'out', cwd: root, runner: fakeRunner(), jobs: 2 });
    expect(result.entries.map((e) => (e.status === 'failed' ? '' : e.report))).toEqual(['城东-2026-10.xlsx', '城东-2026-10-2.xlsx']);
    expect(readFileSync(join(root, 'out', '城东-2026-10-2.xlsx'), 'utf8')).toBe('report of 城东.xlsx');
  });

  it('lists wrong-kind, too-large, missing, failed and crashed inputs and audits the rest (exit 2)', async () => {
    const root = uploads();
    writeFile(join(root, 'in', 'old.xls'), 'xls');
    writeFile(join(root, 'in', 'scan.pdf'), 'pdf');
    writeFile(join(root, 'in', 'huge.xlsx'), Buffer.alloc(2 * 1024 * 1024 + 1));
    writeFile(join(root, 'in', 'fail.xlsx'), 'no cases');
    writeFile(join(root, 'in', 'crash.xlsx'), 'dies');
    const result = await runBatch(['in', 'gone.xlsx'], { out: 'out', cwd: root, runner: fakeRunner(), maxMb: 2 });
    const failures = Object.fromEntries(result.entries.flatMap((e) => (e.status === 'failed' ? [[e.input.display, e.failure.code]] : [])));
    expect(failures).toEqual({
      'gone.xlsx': 'file-not-found',
      'in/old.xls': 'not-a-workbook',
      'in/scan.pdf': 'not-a-workbook',
      'in/huge.xlsx': 'file-too-large',
      'in/fail.xlsx': 'no-cases-sheet',
      'in/crash.xlsx': 'worker-crashed',
    });
    expect(result.counts).toEqual({ audited: 3, skipped: 0, failed: 6 });
    expect(result.exitCode).toBe(3);
    const huge = result.entries.find((e) => e.input.display === 'in/huge.xlsx');
    expect(huge?.status === 'failed' && huge.failure.message).toMatch(/2\.0 MB, over the batch limit of 2 MB/);
    const xls = result.entries.find((e) => e.input.display === 'in/old.xls');
    expect(xls?.status === 'failed' && xls.failure.hint).toMatch(/xlsx/);
  });

  it('keeps an input failure in the manifest but looks at crashes and pre-check failures again', async () => {
    const root = uploads();
    writeFile(join(root, 'in', 'fail.xlsx'), 'no cases');
    writeFile(join(root, 'in', 'crash.xlsx'), 'dies');
    writeFile(join(root, 'in', 'scan.pdf'), 'pdf');
    await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner() });
    const rerun = fakeRunner();
    const second = await runBatch(['in'], { out: 'out', cwd: root, runner: rerun });
    expect(rerun.tasks.map((t) => t.input)).toEqual([join(root, 'in', 'crash.xlsx')]);
    const fail = second.entries.find((e) => e.input.display === 'in/fail.xlsx');
    expect(fail).toMatchObject({ status: 'failed', fromManifest: true, failure: { code: 'no-cases-sheet' } });
    expect(second.exitCode).toBe(3);
  });

  it('exits 1 when a center reaches --fail-on and nothing failed', async () => {
    const root = uploads();
    writeFile(join(root, 'in', '城北_grave.xlsx'), 'grave');
    const lenient = await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner(), failOn: 'notice' });
    expect(lenient.exitCode).toBe(0);
    const strict = await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner(), failOn: 'criticism' });
    expect(strict.exitCode).toBe(1);
    const strictest = await runBatch(['in'], { out: 'out', cwd: root, runner: fakeRunner(), failOn: 'reminder' });
    expect(strictest.exitCode).toBe(1);
  });

  it('tells progress about every input exactly once', async () => {
    const root = uploads();
    writeFile(join(root, 'in', 'scan.pdf'), 'pdf');
    const seen: string[] = [];
    let total = 0;
    await runBatch(['in'], {
      out: 'out',
      cwd: root,
      runner: fakeRunner(),
      progress: { start: (n) => (total = n), settled: (e, done, t) => seen.push(`${done}/${t} ${e.input.display}`), stop: () => seen.push('stop') },
    });
    expect(total).toBe(4);
    expect(seen).toHaveLength(5);
    expect(seen.at(-1)).toBe('stop');
    expect(seen.slice(0, 4).map((s) => s.split(' ')[0])).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  it('refuses a batch with nothing to audit (bad usage, not an empty summary)', async () => {
    const root = tempDir('batch-empty');
    writeFile(join(root, 'empty', '.keep'), '');
    await expect(runBatch(['empty'], { out: 'out', cwd: root, runner: fakeRunner() })).rejects.toBeInstanceOf(DutyAuditError);
    await expect(runBatch([], { out: 'out', cwd: root, runner: fakeRunner() })).rejects.toMatchObject({ code: 'bad-usage' });
  });

  it('stops before any audit when the rules folder does not exist', async () => {
    const root = uploads();
    const runner = fakeRunner();
    await expect(runBatch(['in'], { out: 'out', cwd: root, runner, rulesDir: 'no-such-rules' })).rejects.toMatchObject({ code: 'bad-rules' });
    expect(runner.tasks).toEqual([]);
  });
});

describe('batch outcome', () => {
  const audited = (period: string, grades = {}): BatchEntry => ({
    status: 'audited',
    input: xlsx(`/${period}-${Math.random()}`),
    sha256: '',
    report: '',
    summary: summaryOf('A', period, grades),
  });
  const failed: BatchEntry = { status: 'failed', input: xlsx('/bad'), failure: { code: 'empty-file', message: '' }, fromManifest: false };

  it('names the summary after the commonest audited month, the earlier on a tie', () => {
    expect(commonestPeriod([audited('2026-10'), audited('2026-09'), audited('2026-10'), failed])).toBe('2026-10');
    expect(commonestPeriod([audited('2026-10'), audited('2026-09')])).toBe('2026-09');
    expect(commonestPeriod([failed])).toBe('unknown');
  });

  it('exits 3 when some input failed (2 is for a batch that could not run), else 1 at --fail-on, else 0', () => {
    expect(exitCodeOf([audited('2026-10', { deduction: 1 }), failed], 'reminder')).toBe(3);
    expect(exitCodeOf([failed], undefined)).toBe(3);
    expect(exitCodeOf([audited('2026-10', { notice: 1 })], 'notice')).toBe(1);
    expect(exitCodeOf([audited('2026-10', { notice: 1 })], 'deduction')).toBe(0);
    expect(exitCodeOf([audited('2026-10', { notice: 1 })], undefined)).toBe(0);
  });
});
