/**
 * `duty-audit serve` through the real bin: it will not listen beyond loopback without a token,
 * and refuses a token too short to be a secret; both exit 2 with the fix, and create nothing.
 * Ctrl-C closes it, after uploads too.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { Store } from '../../src/serve/store.js';
import { localeEnv, runCli } from '../audit/run-cli.js';
import { multipart, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

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
    const loader = pathToFileURL(join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, join(PACKAGE_ROOT, 'src', 'cli', 'main.ts'), 'serve', '--port', '0', '--jobs', '1', '--data', data], {
      cwd: tmp.dir,
      env: localeEnv(),
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const m = /http:\/\/[\d.]+:\d+/.exec(out);
        if (m) resolve(m[0]);
      });
      void exited.then(() => reject(new Error(`serve exited before listening: ${out}`)));
    });
    const { payload, headers } = multipart([{ name: '城东社区-2026-10.csv', bytes: Buffer.from('a,b\n1,2\n') }]);
    const res = await fetch(`${url}/api/audits`, { method: 'POST', body: payload, headers });
    expect(res.status).toBe(202);
    child.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
    // Closed, not killed: no job is left running for the next start to count as a crash.
    const store = Store.open(data);
    try {
      expect(store.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE state = 'running'`).get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  }, 60_000);
});
