/**
 * `duty-audit serve` through the real bin: it will not listen beyond loopback without a token,
 * and refuses a token too short to be a secret; both exit 2 with the fix, and create nothing.
 * Ctrl-C closes it, after uploads too. A month's report that cannot be copied into the history
 * folder stops it in order too, exit 2 with what failed and the fix, and the next start mends it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { centerKey, Store } from '../../src/serve/store.js';
import { localeEnv, runCli } from '../audit/run-cli.js';
import { CENTERS, multipart, sampleWorkbook, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

interface Running {
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** `duty-audit serve` from source on a free port, one job at a time; resolves once it listens. */
async function serve(data: string, lang?: string): Promise<Running> {
  const loader = pathToFileURL(join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(PACKAGE_ROOT, 'src', 'cli', 'main.ts'), 'serve', '--port', '0', '--jobs', '1', '--data', data, ...(lang ? ['--lang', lang] : [])], {
    cwd: tmp.dir,
    env: localeEnv(),
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /http:\/\/[\d.]+:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    void exited.then(() => reject(new Error(`serve exited before listening: ${out}${stderr}`)));
  });
  return { url, exited, kill: (signal) => child.kill(signal) };
}

describe('duty-audit serve', () => {
  it('refuses to listen beyond loopback without --token', () => {
    const run = runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--data', join(tmp.dir, 'open'), '--lang', 'en'], tmp.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('refusing to listen on 0.0.0.0 without --token: the reports hold names and phone numbers');
    expect(run.stderr).toContain('fix: pass --token with a long random secret');
    expect(existsSync(join(tmp.dir, 'open'))).toBe(false);
  });

  it('refuses a token shorter than 16 characters', () => {
    const run = runCli(['serve', '--token', 'secret', '--port', '0', '--data', join(tmp.dir, 'short'), '--lang', 'zh'], tmp.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--token 短于 16 个字符');
  });

  it('closes on Ctrl-C after an upload (regression: the upload\'s temporary file made Ctrl-C kill it, exit 130, the index not closed)', async () => {
    const data = join(tmp.dir, 'stopped');
    const running = await serve(data);
    const { payload, headers } = multipart([{ name: '城东社区-2026-10.csv', bytes: Buffer.from('a,b\n1,2\n') }]);
    const res = await fetch(`${running.url}/api/audits`, { method: 'POST', body: payload, headers });
    expect(res.status).toBe(202);
    running.kill('SIGINT');
    expect(await running.exited).toMatchObject({ code: 0, signal: null });
    // Closed, not killed: no job is left running for the next start to count as a crash.
    const store = Store.open(data);
    try {
      expect(store.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE state = 'running'`).get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  }, 60_000);

  it('stops in order, exit 2 with what failed and the fix, when a report cannot be copied into the history folder (regression: an unhandled rejection ended it, exit 1, the index not closed)', async () => {
    const data = join(tmp.dir, 'history-copy');
    const workbook = await sampleWorkbook(join(tmp.dir, '城东社区-2026-10.xlsx'), { ...CENTERS[0], period: '2026-10' });
    // A folder where the month's history file goes: the copy fails as on a full disk, while the
    // audits (which pass over folders in the history folder) still run.
    const inTheWay = join(data, 'history', `${centerKey(CENTERS[0].center)}-2026-10.json`);
    mkdirSync(join(inTheWay, 'something'), { recursive: true });

    const first = await serve(data, 'en');
    const { payload, headers } = multipart([{ name: '城东社区-2026-10.xlsx', bytes: readFileSync(workbook) }]);
    const res = await fetch(`${first.url}/api/audits`, { method: 'POST', body: payload, headers });
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { audits: { id: string }[] }).audits[0]!.id;

    const stopped = await first.exited;
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 2, signal: null });
    expect(stopped.stderr).toContain(`cannot write the history copy of the month's report to ${inTheWay}: a folder of that name is in the way (EISDIR)`);
    expect(stopped.stderr).toContain('the next start copies it again');
    expect(stopped.stderr).toContain(`fix: move away what is in the way of ${inTheWay}`);
    expect(stopped.stderr).not.toMatch(/^\s+at /m);
    // The index was closed, not abandoned: its write-ahead log was folded in and removed.
    expect(existsSync(join(data, 'index.sqlite-wal'))).toBe(false);

    rmSync(inTheWay, { recursive: true });
    const second = await serve(data, 'en');
    expect(readFileSync(inTheWay)).toEqual(readFileSync(join(data, 'reports', id, 'report.json')));
    second.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
  }, 180_000);
});
