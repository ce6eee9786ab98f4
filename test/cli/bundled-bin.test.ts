/**
 * The bin as `npm run build` ships it — src/cli/main.ts bundled with its dependencies by
 * scripts/bundle-bin.mjs — does what the source does: same version, same report, same summary,
 * same refusal of bad input, and `serve` starts and takes an upload.
 */
import { isUtf8 } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBin } from '../../scripts/bundle-bin.mjs';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCli } from '../audit/run-cli.js';

const TSX = pathToFileURL(join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const MAIN = join(PACKAGE_ROOT, 'src', 'cli', 'main.ts');

const SAMPLE = join(PACKAGE_ROOT, 'samples', '城东社区-2026-10.xlsx');
const SAMPLE_CSV = join(PACKAGE_ROOT, 'samples', '城东社区-2026-10-csv');
// Inside the package, as dist/ is, so that node finds the packages left out of the bundle.
const CACHE = join(PACKAGE_ROOT, 'node_modules', '.cache');
mkdirSync(CACHE, { recursive: true });
const work = mkdtempSync(join(CACHE, 'duty-audit-bundle-'));
const bundled = join(work, 'cli', 'main.js');

function runBundled(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [bundled, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundled bin', () => {
  beforeAll(async () => {
    await bundleBin({ outfile: bundled });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints the package version, run from a folder outside the package', () => {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = runBundled(['--version'], tmpdir());
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('audits the sample month into the JSON report and summary the source bin gives', () => {
    const fromSource = runCli(['audit', SAMPLE, '--out', 'source.xlsx', '--json', 'source.json'], work);
    const fromBundle = runBundled(['audit', SAMPLE, '--out', 'bundle.xlsx', '--json', 'bundle.json'], work);
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.status).toBe(fromSource.status);
    const source = readFileSync(join(work, 'source.json'), 'utf8');
    expect(JSON.parse(source).findings.length).toBeGreaterThan(50);
    expect(readFileSync(join(work, 'bundle.json'), 'utf8')).toBe(source);
    expect(fromBundle.stdout.replaceAll('bundle.', 'source.')).toBe(fromSource.stdout);
  });

  it('words yargs’ own messages in the user’s language, as the source does (yargs finds its translations where npm installed it)', () => {
    const chinese = { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' };
    const fromSource = spawnSync(process.execPath, ['--import', TSX, MAIN, 'audit'], { cwd: work, env: chinese, encoding: 'utf8' });
    const fromBundle = runBundled(['audit'], work, chinese);
    expect(fromBundle.status).toBe(2);
    expect(fromSource.stderr).toMatch(/缺少/);
    expect(fromBundle.stderr).toBe(fromSource.stderr);
  });

  it('serves: the index opens and an upload is stored and queued (regression: better-sqlite3 bundled could not find its .node file, `__filename is not defined`)', async () => {
    const data = join(work, 'serve-data');
    const child = spawn(process.execPath, [bundled, 'serve', '--port', '0', '--data', data, '--jobs', '1', '--lang', 'en'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      });
      expect((await fetch(`${url}/`)).status).toBe(200);
      const form = new FormData();
      form.append('file', new Blob([readFileSync(SAMPLE)]), '城东社区-2026-10.xlsx');
      const upload = await fetch(`${url}/api/audits`, { method: 'POST', body: form });
      expect(upload.status).toBe(202);
      const { audits } = (await upload.json()) as { audits: { id: string }[] };
      const status = (await (await fetch(`${url}/api/audits/${audits[0]!.id}`)).json()) as { names: string[] };
      expect(status.names).toEqual(['城东社区-2026-10.xlsx']);
      expect(stderr).toBe('');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('audits a CSV folder saved in GB18030 as the source does (iconv-lite’s code tables inside the bundle)', () => {
    const folder = join(work, '城东社区-2026-10-csv');
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(SAMPLE_CSV)) {
      writeFileSync(join(folder, name), iconv.encode(readFileSync(join(SAMPLE_CSV, name), 'utf8'), 'gb18030'));
    }
    // Chinese text in GB18030 is not UTF-8: the folder can only be read through iconv-lite's tables.
    expect(isUtf8(readFileSync(join(folder, '城东社区-2026-10-办件台账.csv')))).toBe(false);
    const fromSource = runCli(['audit', folder, '--out', 'gb-source.xlsx', '--json', 'gb-source.json'], work);
    const fromBundle = runBundled(['audit', folder, '--out', 'gb-bundle.xlsx', '--json', 'gb-bundle.json'], work);
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.status).toBe(fromSource.status);
    const source = JSON.parse(readFileSync(join(work, 'gb-source.json'), 'utf8')) as { findings: unknown[] };
    expect(source.findings.length).toBeGreaterThan(50);
    expect(readFileSync(join(work, 'gb-bundle.json'), 'utf8')).toBe(readFileSync(join(work, 'gb-source.json'), 'utf8'));
  });

  it('refuses a file that is not a workbook as the source does (exit 2, what and how to fix)', () => {
    const notes = join(PACKAGE_ROOT, 'package.json');
    const fromSource = runCli(['audit', notes, '--out', 'x.xlsx'], work);
    const fromBundle = runBundled(['audit', notes, '--out', 'x.xlsx'], work);
    expect(fromBundle.status).toBe(2);
    expect(fromBundle.stderr).toBe(fromSource.stderr);
  });
});
