/**
 * `duty-audit sample` says where it wrote, as the other commands do (src/display-path.ts): relative
 * inside the working folder, absolute outside it. Its default temporary folder was shown as
 * `../../../tmp/duty-audit-sample-…`, a climb that depends on where the command was run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../audit/run-cli.js';

let work: string;
let elsewhere: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'duty-audit-cwd-'));
  elsewhere = await mkdtemp(join(tmpdir(), 'duty-audit-elsewhere-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(elsewhere, { recursive: true, force: true });
});

describe('sample prints the paths it wrote', () => {
  test('outside the working folder: absolute, never a ../ climb', () => {
    const out = join(elsewhere, 'month');
    const run = runCli(['sample', '--out', out, '--cases', '60'], work);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('../');
    expect(run.stdout).toContain(join(out, '城东社区-2026-10.xlsx'));
    expect(run.stdout).toContain(join(out, 'planted.json'));
  });

  test('inside the working folder: relative, as typed', () => {
    const run = runCli(['sample', '--out', 'month', '--cases', '60'], work);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(join('month', '城东社区-2026-10.xlsx'));
    expect(run.stdout).not.toContain(work);
  });
});
