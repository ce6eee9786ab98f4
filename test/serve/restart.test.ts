/**
 * A crash mid-audit loses nothing (docs/service.md, "Storage"): the bin `duty-audit serve` runs
 * as a child process with one job at a time; two workbooks are uploaded; while the first is
 * being audited the process is killed (SIGKILL: no shutdown code runs). Started again on the
 * same data folder, it runs the interrupted job and the queued one, and both end as the library
 * audits them, under the ids the uploads were answered with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeAudit } from '../../src/batch/district-summary.js';
import { audit } from '../../src/index.js';
import { CENTERS, sampleWorkbook, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = tempDir();
const children: ChildProcess[] = [];

/** Starts `duty-audit serve` from source on a free port; resolves with its address. */
function startServer(data: string): Promise<{ child: ChildProcess; url: string }> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--data', data, '--jobs', '1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolvePromise({ child, url: m[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before listening: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

async function status(url: string, id: string): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${url}/api/audits/${id}`);
  return (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 240_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let big: string;
let small: string;

beforeAll(async () => {
  // Large enough that its audit is still running a moment after it starts.
  big = await sampleWorkbook(join(tmp.dir, '城东社区-2026-10.xlsx'), { ...CENTERS[0], cases: 6000 });
  small = await sampleWorkbook(join(tmp.dir, '城西社区-2026-10.xlsx'), CENTERS[1]);
}, 120_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  tmp.remove();
});

describe('duty-audit serve killed during an audit', () => {
  it('runs the interrupted and the queued job after a restart, and loses nothing', async () => {
    const data = join(tmp.dir, 'data');
    const first = await startServer(data);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(big)]), '城东社区-2026-10.xlsx');
    form.append('file', new Blob([readFileSync(small)]), '城西社区-2026-10.xlsx');
    const posted = await fetch(`${first.url}/api/audits`, { method: 'POST', body: form });
    expect(posted.status).toBe(202);
    const [bigId, smallId] = ((await posted.json()) as { audits: { id: string }[] }).audits.map((a) => a.id) as [string, string];

    await until('the first audit to start', async () => ((await status(first.url, bigId)).status === 'running' ? true : undefined));
    await new Promise((r) => setTimeout(r, 700));
    expect((await status(first.url, bigId)).status).toBe('running');
    expect((await status(first.url, smallId)).status).toBe('queued');
    await killed(first.child);
    // Killed before the audit wrote its report: it really was cut short.
    expect(existsSync(join(data, 'reports', bigId, 'report.xlsx'))).toBe(false);

    const second = await startServer(data);
    const afterRestart = await status(second.url, bigId);
    expect(['queued', 'running']).toContain(afterRestart.status);
    const done = await until('both audits to finish', async () => {
      const both = [await status(second.url, bigId), await status(second.url, smallId)];
      return both.every((a) => a.status === 'done' || a.status === 'failed') ? both : undefined;
    });
    expect(done.map((a) => a.status)).toEqual(['done', 'done']);
    expect(done[0]!.names).toEqual(['城东社区-2026-10.xlsx']);

    const direct = await audit(big);
    expect(done[0]!.byGrade).toEqual(direct.summary.byGrade);
    expect(done[0]!.findings).toBe(summarizeAudit(direct).findings);
    const xlsx = await fetch(`${second.url}/api/audits/${bigId}/report.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.getWorksheet('问题清单')!.actualRowCount - 1).toBe(direct.findings.length);
    await killed(second.child);
  }, 400_000);
});
