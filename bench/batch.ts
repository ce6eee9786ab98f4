/**
 * Batch throughput (issue 6): generates N center-months of ~M cases each (default 200 × 1,000)
 * into a temp folder, then audits them with `--jobs 1` and `--jobs 2` and prints centers/second.
 *
 *   npx tsx bench/batch.ts [--centers 200] [--cases 1000] [--keep]
 *
 * Run from source, each worker first loads tsx and transforms the audit's modules (a one-off
 * start-up per worker, included in the wall time); the built bin's workers load plain .js.
 * Peak RSS is the whole process (workers are threads of it) and only grows, so the --jobs 2
 * figure is the peak of both runs.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBatch } from '../src/batch/run-batch.js';
import { planSampleMonth } from '../src/sample/generate.js';
import { writeSampleXlsx } from '../src/sample/write-xlsx.js';

const { values } = parseArgs({
  options: {
    centers: { type: 'string', default: '200' },
    cases: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
  },
});
const centers = Number(values.centers);
const cases = Number(values.cases);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

async function generate(dir: string): Promise<number> {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < centers; i++) {
    const center = `第${String(i + 1).padStart(3, '0')}社区便民服务中心`;
    await writeSampleXlsx(planSampleMonth({ seed: 1000 + i, cases, center }), join(dir, `${center}-2026-10.xlsx`));
  }
  return (performance.now() - started) / 1000;
}

async function timedBatch(input: string, out: string, jobs: number) {
  const started = performance.now();
  const result = await runBatch([input], { out, jobs, force: true });
  const seconds = (performance.now() - started) / 1000;
  if (result.counts.audited !== centers) {
    const failed = result.entries.filter((e) => e.status === 'failed');
    throw new Error(`expected ${centers} audited, got ${result.counts.audited}; first failure: ${JSON.stringify(failed[0])}`);
  }
  const findings = result.entries.reduce((n, e) => n + (e.status === 'failed' ? 0 : e.summary.findings), 0);
  return { jobs, seconds, perSecond: centers / seconds, findings, peak: peakRss() };
}

const root = await mkdtemp(join(tmpdir(), 'duty-audit-bench-batch-'));
const inputs = join(root, 'uploads');
console.log(`batch bench: ${centers} center-months × ${cases} cases, ${availableParallelism()} cores, node ${process.version}`);
const genSeconds = await generate(inputs);
console.log(`generated in ${genSeconds.toFixed(1)} s (${root})`);

const rows = [];
for (const jobs of [1, 2]) rows.push(await timedBatch(inputs, join(root, `out-jobs${jobs}`), jobs));

console.log('');
console.log('| jobs | wall (s) | centers/s | cases/s | findings | peak RSS |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.jobs} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(2)} | ${Math.round(r.perSecond * cases)} | ${r.findings} | ${mb(r.peak)} |`);
}
const [one, two] = rows;
if (one && two) console.log(`\nspeed-up with --jobs 2: ${(two.perSecond / one.perSecond).toFixed(2)}×`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
