/** The `batch` command's own checks: bad usage exits 2 with what was wrong and how to fix it. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localeEnv } from '../audit/run-cli.js';
import { tempDir, writeFile } from './helpers.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, ['--import', TSX, MAIN, 'batch', ...args], { cwd, encoding: 'utf8', env: localeEnv({ LANG: 'en_US.UTF-8' }) });
}

describe('duty-audit batch (usage)', () => {
  it('refuses a bad --period, --fail-on or --jobs with exit 2 and a fix, before auditing anything', () => {
    const root = tempDir('cli');
    writeFile(join(root, 'in', 'a.xlsx'));
    const period = cli(['in', '--out', 'out', '--period', '2026/10'], root);
    expect(period.status).toBe(2);
    expect(period.stderr).toMatch(/--period "2026\/10" is not a month written YYYY-MM/);
    expect(period.stderr).toMatch(/fix: /);
    expect(period.stderr).not.toMatch(/at .*\.ts:\d+/);
    const failOn = cli(['in', '--out', 'out', '--fail-on', 'severe'], root);
    expect(failOn.status).toBe(2);
    expect(failOn.stderr).toMatch(/--fail-on "severe" is not a grade/);
    const jobs = cli(['in', '--out', 'out', '--jobs', '0'], root);
    expect(jobs.status).toBe(2);
    expect(jobs.stderr).toMatch(/--jobs 0 must be a positive number/);
  });

  it('exits 2 when there is nothing to audit', () => {
    const root = tempDir('cli-empty');
    writeFile(join(root, 'empty', '.keep'), '');
    const run = cli(['empty', '--out', 'out'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nothing to audit in empty/);
  });
});
