/**
 * A bounded load test of the upload service (issue 12), on loopback: starts `duty-audit serve`
 * as a child process, uploads N different centers' sample months at once (default 20, each the
 * sample generator's month of --cases cases), follows every audit to its report, and prints the
 * time from starting an upload to its report being downloadable (p50, p95, max), the wall time,
 * and the server process's peak RSS (VmHWM: workers are threads of it, so it counts them). It
 * fails (exit 1) when any upload is not answered 202, any answer is a 5xx, or any audit does not
 * end `done` with a report.
 *
 *   npx tsx bench/serve-load.ts [--uploads 20] [--cases 300] [--jobs 2] [--dist]
 *
 * From source (default) each worker thread first loads tsx; --dist runs the built bin
 * (`npm run build` first), as a district would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { planSampleMonth } from '../src/sample/generate.js';
import { writeSampleXlsx } from '../src/sample/write-xlsx.js';

const { values } = parseArgs({
  options: {
    uploads: { type: 'string', default: '20' },
    cases: { type: 'string', default: '300' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    dist: { type: 'boolean', default: false },
  },
});
const uploads = Number(values.uploads);
const cases = Number(values.cases);
const ROOT = resolve(import.meta.dirname, '..');

function startServer(data: string): Promise<{ child: ChildProcess; url: string }> {
  const args = values.dist
    ? [join(ROOT, 'dist/cli/main.js')]
    : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, join(ROOT, 'src/cli/main.ts')];
  const child = spawn(process.execPath, [...args, 'serve', '--port', '0', '--data', data, '--jobs', values.jobs], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) done({ child, url: m[1]! });
    });
    child.on('exit', (code) => fail(new Error(`serve exited with ${code} before listening`)));
  });
}

/** Peak resident set of a process so far (Linux). */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let serverErrors = 0;
async function call(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (res.status >= 500) serverErrors += 1;
  return res;
}

const work = mkdtempSync(join(tmpdir(), 'duty-serve-load-'));
let server: ChildProcess | undefined;
try {
  const files: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < uploads; i++) {
    const center = `第${String(i + 1).padStart(2, '0')}社区便民服务中心`;
    const file = join(work, `${i}.xlsx`);
    await writeSampleXlsx(planSampleMonth({ seed: 500 + i, cases, center }), file);
    files.push({ name: `${center}-2026-10.xlsx`, bytes: readFileSync(file) });
  }
  const { child, url } = await startServer(join(work, 'data'));
  server = child;
  const started = performance.now();
  const times = await Promise.all(
    files.map(async (f) => {
      const t0 = performance.now();
      const form = new FormData();
      form.append('file', new Blob([f.bytes]), f.name);
      const posted = await call(`${url}/api/audits`, { method: 'POST', body: form });
      if (posted.status !== 202) throw new Error(`${f.name}: upload answered ${posted.status}: ${await posted.text()}`);
      const id = ((await posted.json()) as { audits: { id: string }[] }).audits[0]!.id;
      for (;;) {
        const audit = (await (await call(`${url}/api/audits/${id}`)).json()) as { status: string; failure?: { message: string } };
        if (audit.status === 'failed') throw new Error(`${f.name}: audit failed: ${audit.failure?.message}`);
        if (audit.status === 'done') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const report = await call(`${url}/api/audits/${id}/report.xlsx`);
      if (report.status !== 200) throw new Error(`${f.name}: report answered ${report.status}`);
      await report.arrayBuffer();
      return performance.now() - t0;
    }),
  );
  const wall = performance.now() - started;
  const rss = peakRssMb(child.pid!);
  const sorted = [...times].sort((a, b) => a - b);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`serve-load: ${uploads} concurrent uploads × ${cases} cases, --jobs ${values.jobs}, ${values.dist ? 'dist' : 'source (tsx)'}`);
  console.log(`  all ${times.length} audited and downloaded; 5xx answers: ${serverErrors}`);
  console.log(`  time to report: p50 ${s(percentile(sorted, 50))}, p95 ${s(percentile(sorted, 95))}, max ${s(sorted.at(-1)!)}; wall ${s(wall)}`);
  console.log(`  server peak RSS: ${rss.toFixed(0)} MB`);
  if (serverErrors > 0) process.exitCode = 1;
} catch (err) {
  console.error(`serve-load: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
