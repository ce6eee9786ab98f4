/**
 * Hostile corpus, outputs (issue 16 items 1, 6 and 17): an output never overwrites an input or
 * another output, writes are atomic (nothing partial after a failure or a signal, two writers
 * never share a temporary file), two batches never write one out folder at once, and a failed
 * write says why.
 */
import { createHash } from 'node:crypto';
import { cp, link, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runAudit } from '../../src/cli/commands/audit.js';
import { runRulesDiff } from '../../src/cli/commands/rules-diff.js';
import { msg } from '../../src/messages/catalogue.js';
import { writeFailure } from '../../src/output/write-error.js';
import { writeTextOutput } from '../../src/output/write-output.js';
import { LOCK_FILE, lockOutFolder } from '../../src/batch/out-folder-lock.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { auditToReport } from '../../src/batch/worker.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readXlsx } from '../../src/ledger/xlsx/read-xlsx.js';
import { ledgerLimits } from '../../src/ledger/limits.js';
import { expectNoCrash, expectRefused, leftovers, refusal, runBin, withDir } from './harness.js';
import { cleanCases, writeCsvMonth, writeXlsxMonth } from './month.js';

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const args = (input: string, extra: Record<string, string | boolean> = {}) => ({ input, lang: 'en', mask: true, ...extra });

const clashWithInput = (label: string, path: string, ledger: string, otherPath = '') =>
  msg('write.clash.input', { label, path, other: msg('write.label.theLedger', { path: ledger }), otherPath: otherPath && msg('write.otherPath', { path: otherPath }) });

describe.concurrent('an output that is an input, or another output, is refused before anything is written (item 1)', () => {
  test('H01 audit L.xlsx --out L.xlsx: exit 2 naming both, the ledger untouched', async () => {
    await withDir(async (dir) => {
      const ledger = await writeXlsxMonth(join(dir, 'L.xlsx'));
      const before = await sha(ledger);
      const run = await runBin(['audit', 'L.xlsx', '--out', 'L.xlsx'], dir);
      expectRefused(run, clashWithInput('--out', join(dir, 'L.xlsx'), 'L.xlsx'), msg('write.clash.hint', { label: '--out' }));
      expect(await sha(ledger)).toBe(before);
      expect(await readdir(dir)).toEqual(['L.xlsx']);
    });
  });

  test('H02 audit L.xlsx --json L.xlsx: exit 2, the ledger untouched', async () => {
    await withDir(async (dir) => {
      const ledger = await writeXlsxMonth(join(dir, 'L.xlsx'));
      const before = await sha(ledger);
      const run = await runBin(['audit', 'L.xlsx', '--out', 'r.xlsx', '--json', 'L.xlsx'], dir);
      expectRefused(run, clashWithInput('--json', join(dir, 'L.xlsx'), 'L.xlsx'), msg('write.clash.hint', { label: '--json' }));
      expect(await sha(ledger)).toBe(before);
      expect((await readdir(dir)).sort()).toEqual(['L.xlsx']);
    });
  });

  test('H03 --out r.xlsx --json r.xlsx: exit 2 naming both outputs', async () => {
    await withDir(async (dir) => {
      await writeXlsxMonth(join(dir, 'L.xlsx'));
      const run = await runBin(['audit', 'L.xlsx', '--out', 'r.xlsx', '--json', './sub/../r.xlsx'], dir);
      expectRefused(run, msg('write.clash.output', { label: '--json', path: join(dir, 'r.xlsx'), other: '--out', otherPath: '' }), msg('write.clash.hint', { label: '--json' }));
      expect(await readdir(dir)).toEqual(['L.xlsx']);
    });
  });

  test('H04 --out through a symbolic link to the ledger, and through a hard link: refused', async () => {
    await withDir(async (dir) => {
      const ledger = await writeXlsxMonth(join(dir, 'L.xlsx'));
      await symlink(ledger, join(dir, 'soft.xlsx'));
      await link(ledger, join(dir, 'hard.xlsx'));
      for (const out of ['soft.xlsx', 'hard.xlsx']) {
        const error = await refusal(() => runAudit(args(ledger, { out }), dir));
        expect(error).toMatchObject({ code: 'output-clash', file: join(dir, out) });
        expect(error.detail).toEqual(clashWithInput('--out', join(dir, out), ledger, ledger));
      }
    });
  });

  test('H05 --json onto a CSV sheet of the ledger folder: refused, the sheet untouched', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir);
      const sheet = join(folder, '测试社区-2026-10-办件台账.csv');
      const before = await sha(sheet);
      const error = await refusal(() => runAudit(args(folder, { out: join(dir, 'r.xlsx'), json: sheet }), dir));
      expect(error).toMatchObject({ code: 'output-clash', detail: { key: 'write.clash.input', params: { label: '--json', path: sheet, other: msg('write.label.ledgerFile', { path: sheet }) } } });
      expect(await sha(sheet)).toBe(before);
    });
  });

  test('H06 --json onto a rule file of --rules: refused', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir);
      const rules = join(PACKAGE_ROOT, 'rules');
      const error = await refusal(() => runAudit(args(folder, { out: join(dir, 'r.xlsx'), json: join(rules, 'policy.json'), rules }), dir));
      expect(error).toMatchObject({ code: 'output-clash', detail: { key: 'write.clash.input', params: { other: msg('write.label.ruleFile', { path: join(rules, 'policy.json') }) } } });
    });
  });

  test('H17 rules diff --json onto a rule file of the new rules, or --xlsx onto a workbook it reads: refused, both untouched', async () => {
    await withDir(async (dir) => {
      const rules = join(dir, 'rules');
      await cp(join(PACKAGE_ROOT, 'rules'), rules, { recursive: true });
      const ruleFile = join(rules, '失职追究制', 'repeated-errors.json');
      const ledger = await writeXlsxMonth(join(dir, 'L.xlsx'));
      const before = [await sha(ruleFile), await sha(ledger)];
      const base = { old: join(PACKAGE_ROOT, 'rules'), new: rules, workbooks: ['L.xlsx'], lang: 'zh' as const };
      const onRule = await refusal(() => runRulesDiff({ ...base, json: ruleFile }, dir));
      expect(onRule).toMatchObject({ code: 'output-clash', detail: msg('write.clash.input', { label: '--json', path: ruleFile, other: msg('write.label.ruleFile', { path: ruleFile }), otherPath: '' }) });
      const onLedger = await refusal(() => runRulesDiff({ ...base, xlsx: 'L.xlsx' }, dir));
      expect(onLedger).toMatchObject({ code: 'output-clash', detail: msg('write.clash.input', { label: '--xlsx', path: ledger, other: msg('write.label.workbook', { path: 'L.xlsx' }), otherPath: '' }) });
      expect([await sha(ruleFile), await sha(ledger)]).toEqual(before);
    });
  });
});

/**
 * A child that writes `target` through writeFileAtomically and stops half-way (after printing
 * `writing`) until it is stopped; `prelude` runs first (a program's own signal handling).
 */
function startSlowWriter(dir: string, target: string, prelude = ''): ChildProcessWithoutNullStreams {
  const script = join(dir, 'slow-writer.mts');
  const helper = pathToFileURL(join(PACKAGE_ROOT, 'src', 'output', 'atomic-file.ts')).href;
  writeFileSync(
    script,
    `import { open } from 'node:fs/promises';
import { writeFileAtomically } from ${JSON.stringify(helper)};
${prelude}
await writeFileAtomically(${JSON.stringify(target)}, async (path) => {
  const file = await open(path, 'w');
  await file.write('{"half": "a report');
  process.stdout.write('writing\\n');
  await new Promise(() => setInterval(() => {}, 1000));
});
`,
  );
  const loader = pathToFileURL(join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return spawn(process.execPath, ['--import', loader, script], { cwd: dir });
}

/**
 * Stops the bin with SIGINT once a temporary file (`.partial`) shows in `folder`: `started` goes
 * to runBin, `seen()` is what the folder held then (empty when no write was ever seen).
 */
function stopWhenWriting(folder: string): { started: (child: ChildProcess) => void; seen: () => string[] } {
  let seen: string[] = [];
  return {
    started: (child) => {
      const poll = setInterval(async () => {
        const names = await readdir(folder).catch(() => []);
        if (names.some((n) => n.endsWith('.partial'))) {
          seen = names;
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 5);
      child.on('close', () => clearInterval(poll));
    },
    seen: () => seen,
  };
}

describe('writes are atomic (item 6)', () => {
  test('H07 two audits writing the same --out at once: both exit 0, one whole report, no temporary file left', async () => {
    await withDir(async (dir) => {
      await writeCsvMonth(dir);
      const runs = await Promise.all([runBin(['audit', 'month', '--out', 'same.xlsx'], dir), runBin(['audit', 'month', '--out', 'same.xlsx'], dir)]);
      for (const run of runs) {
        expectNoCrash(run.stderr);
        expect(run.status, run.stderr).toBe(0);
      }
      expect((await readdir(dir)).sort()).toEqual(['month', 'same.xlsx']);
      // Whole: our own reader opens it and finds every sheet.
      const book = await readXlsx(join(dir, 'same.xlsx'), ledgerLimits());
      expect(book.sheetNames.length).toBeGreaterThanOrEqual(6);
    });
  });

  test.each(['SIGTERM', 'SIGINT'] as const)('H08 a write killed with %s mid-way leaves the folder as it was: no partial file', async (signal) => {
    await withDir(async (dir) => {
      const target = join(dir, 'out', 'report.json');
      await mkdir(join(dir, 'out'));
      await writeFile(join(dir, 'out', 'other.txt'), 'kept');
      const child = startSlowWriter(dir, target);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const seenPartial = new Promise<string[]>((resolve, reject) => {
        child.stdout.on('data', async () => {
          const during = await readdir(join(dir, 'out'));
          child.kill(signal);
          resolve(during);
        });
        child.on('close', () => reject(new Error(`the writer ended before writing: ${stderr}`)));
      });
      const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
      const during = await seenPartial;
      expect(during.some((name) => name.endsWith('.partial'))).toBe(true);
      expect(await exit).toBe(signal);
      expect(await readdir(join(dir, 'out'))).toEqual(['other.txt']);
    });
  });

  test('H08b a program\'s own once-listener for SIGINT decides what Ctrl+C does: the partial file goes, the signal is not raised over it (regression: serve died with 130)', async () => {
    await withDir(async (dir) => {
      const target = join(dir, 'out', 'report.json');
      await mkdir(join(dir, 'out'));
      const child = startSlowWriter(dir, target, "process.once('SIGINT', () => setTimeout(() => { process.stdout.write('closed\\n'); process.exit(0); }, 50));");
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout === 'writing\n') child.kill('SIGINT');
      });
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
      expect({ code, signal, stdout }).toEqual({ code: 0, signal: null, stdout: 'writing\nclosed\n' });
      expect(await readdir(join(dir, 'out'))).toEqual([]);
    });
  });

  test('H09 the bin stopped with SIGINT while writing a large report: no report, no partial file', async () => {
    await withDir(async (dir) => {
      // 12,000 承诺件 with a 1-day promise, each completed late: every row is a finding, and
      // the report goes through the streaming writer for a while.
      const cases = cleanCases(12_000).map((row, i) => {
        row[5] = '承诺件';
        row[9] = '1';
        row[10] = '2026-10-30';
        row[12] = '2026-10-30';
        row[0] = `SL-${i}`;
        return row;
      });
      await writeCsvMonth(dir, { cases });
      await mkdir(join(dir, 'reports'));
      const stop = stopWhenWriting(join(dir, 'reports'));
      const run = await runBin(['audit', 'month', '--out', 'reports/r.xlsx', '--json', 'reports/r.json'], dir, { started: stop.started });
      expect(stop.seen(), 'the report was never seen being written').not.toEqual([]);
      expect(run.signal).toBe('SIGINT');
      expect(await readdir(join(dir, 'reports'))).toEqual([]);
    });
  });

  test('H10 a failed write leaves nothing behind and says what failed: a folder in the way', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, 'taken.json'));
      const error = await refusal(() => writeTextOutput(join(dir, 'taken.json'), '{}', msg('cli.what.json'), 'json'));
      expect(error).toMatchObject({ code: 'cannot-write', file: join(dir, 'taken.json') });
      expect(error.detail).toEqual(msg('cli.cannotWrite', { what: msg('cli.what.json'), file: join(dir, 'taken.json'), reason: msg('write.folderInTheWay'), code: 'EISDIR' }));
      expect(error.fix).toEqual(msg('write.folderInTheWay.hint', { elsewhere: msg('write.elsewhere', { option: 'json' }) }));
      expect(await readdir(dir)).toEqual(['taken.json']);
    });
  });

  test('H11 a path through a file: "part of the path is a file", not "close the file in Excel"', async () => {
    await withDir(async (dir) => {
      await writeFile(join(dir, 'plain'), 'x');
      const error = await refusal(() => writeTextOutput(join(dir, 'plain', 'r.json'), '{}', msg('cli.what.json'), 'json'));
      expect(['write.fileInPath', 'write.fileInTheWay']).toContain((error.detail.params['reason'] as { key: string }).key);
      expect(error.fix?.key).toBe('write.checkPath.hint');
    });
  });

  test('H12 a file name over 255 bytes: "the path is too long"', async () => {
    await withDir(async (dir) => {
      const file = join(dir, `${'报'.repeat(100)}.json`);
      const error = await refusal(() => writeTextOutput(file, '{}', msg('cli.what.json'), 'json'));
      expect(error.detail.params['reason']).toEqual(msg('write.nameTooLong', { bytes: Buffer.byteLength(file) }));
      expect(await readdir(dir)).toEqual([]);
    });
  });

  test.each([
    ['ENOSPC', 'write.diskFull'],
    ['EACCES', process.platform === 'win32' ? 'write.deniedWindows' : 'write.denied'],
    ['EROFS', 'write.readOnly'],
    ['EBUSY', 'write.busy'],
  ] as const)('H13 every write failure says its cause: %s', (code, reason) => {
    const error = writeFailure(Object.assign(new Error(`${code}: x`), { code }), '/r/report.xlsx', msg('cli.what.report'), 'out');
    expect(error.code).toBe('cannot-write');
    expect(error.detail).toEqual(msg('cli.cannotWrite', { what: msg('cli.what.report'), file: '/r/report.xlsx', reason: msg(reason), code }));
    expect(error.fix).toEqual(msg(`${reason}.hint`, { elsewhere: msg('write.elsewhere', { option: 'out' }) }));
    // Only a locked file (and access denied on Windows) is told to close Excel.
    expect(/Excel/.test(error.hint ?? '')).toBe(reason === 'write.busy' || reason === 'write.deniedWindows');
  });
});

describe('two batches into one out folder (item 6)', () => {
  test('H14 a batch into an out folder another batch holds is refused with exit 2 naming it; once free, it runs', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, 'uploads'));
      for (let i = 0; i < 2; i++) await writeCsvMonth(join(dir, 'uploads'), { center: `中心${i}` }, `m${i}`);
      const out = join(dir, 'out');
      await mkdir(out);
      // The first batch: this test process holds the lock, as a running batch does.
      const release = await lockOutFolder(out);
      const busy = await runBin(['batch', 'uploads', '--out', 'out'], dir);
      const owner = JSON.parse(await readFile(join(out, LOCK_FILE), 'utf8')) as { pid: number; host: string; started: string };
      expect(owner.pid).toBe(process.pid);
      expectRefused(
        busy,
        msg('batch.outFolderBusy', { out, who: msg('batch.outFolderBusy.owner', owner) }),
        msg('batch.outFolderBusy.hint', { lock: join(out, LOCK_FILE) }),
      );
      expect(await readdir(out)).toEqual([LOCK_FILE]);
      await release();
      const free = await runBin(['batch', 'uploads', '--out', 'out'], dir);
      expectNoCrash(free.stderr);
      expect(free.status, free.stderr).toBe(0);
      expect((await readdir(out)).sort()).toEqual(['batch-manifest.json', 'district-summary-2026-10.xlsx', '中心0-2026-10.json', '中心0-2026-10.xlsx', '中心1-2026-10.json', '中心1-2026-10.xlsx']);
    });
  });

  test('H16 a batch stopped with SIGINT while its workers write: no partial report and no lock left in the out folder', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, 'uploads'));
      const cases = cleanCases(3_000);
      for (let i = 0; i < 4; i++) await writeCsvMonth(join(dir, 'uploads'), { center: `中心${i}`, cases }, `m${i}`);
      const out = join(dir, 'out');
      const stop = stopWhenWriting(out);
      const run = await runBin(['batch', 'uploads', '--out', 'out', '--jobs', '2'], dir, { started: stop.started });
      expect(stop.seen(), 'no report was seen being written').toContain(LOCK_FILE);
      expect(run.signal).toBe('SIGINT');
      const left = await readdir(out);
      expect(left.filter((n) => n.endsWith('.partial') || n === LOCK_FILE)).toEqual([]);
    });
  });

  test('H15 a lock left by a process that is gone is taken over', async () => {
    await withDir(async (dir) => {
      await writeCsvMonth(dir);
      await mkdir(join(dir, 'out'));
      await writeFile(join(dir, 'out', LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12_345, host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00Z' }));
      const result = await runBatch(['month'], { out: 'out', cwd: dir, runner: auditToReport });
      expect(result.counts).toEqual({ audited: 1, skipped: 0, failed: 0 });
      expect(await readdir(join(dir, 'out'))).not.toContain(LOCK_FILE);
      expect(await leftovers(join(dir, 'out'))).toEqual([]);
    });
  });
});
