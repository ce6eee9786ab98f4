/**
 * `duty-audit serve` through the real bin: it will not listen beyond loopback without a token,
 * and refuses a token too short to be a secret; both exit 2 with the fix, and create nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../audit/run-cli.js';
import { tempDir } from './helpers.js';

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
});
