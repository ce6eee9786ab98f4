/**
 * The batch end to end with the real audit and the real worker pool (issue 6 "What it must
 * show"): three good workbooks, a GBK CSV folder, a corrupt file and a workbook without a cases
 * sheet give four reports, a district summary listing the two failures, and exit code 2;
 * a re-run skips everything, --force audits again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditToReport } from '../../src/batch/worker.js';
import { runBatch } from '../../src/batch/run-batch.js';
import type { BatchResult } from '../../src/batch/types.js';
import { tempDir } from './helpers.js';
import { CORRUPT, CSV, GOOD, NO_CASES, writeUploads } from './uploads.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bin from source runs under tsx, resolved from here because the batch runs in a temp folder. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`${file} has no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('duty-audit batch over a district folder', () => {
  let root: string;
  let first: BatchResult;

  beforeAll(async () => {
    root = tempDir('batch-e2e');
    await writeUploads(join(root, 'uploads'));
    first = await runBatch(['uploads'], { out: 'reports', cwd: root, jobs: 2 });
  });

  it('audits the three workbooks and the GBK CSV folder, and fails the corrupt and cases-less files', () => {
    const outcome = Object.fromEntries(first.entries.map((e) => [e.input.display, e.status === 'failed' ? e.failure.code : e.status]));
    expect(outcome).toEqual({
      'uploads/城东社区-2026-10.xlsx': 'audited',
      'uploads/nested/城西社区-2026-10.xlsx': 'audited',
      'uploads/城南社区-2026-10.xlsx': 'audited',
      [`uploads/${CSV.folder}/`]: 'audited',
      [`uploads/${CORRUPT}`]: 'not-a-workbook',
      [`uploads/${NO_CASES}`]: 'no-cases-sheet',
    });
    expect(first.counts).toEqual({ audited: 4, skipped: 0, failed: 2 });
    expect(first.exitCode).toBe(3);
  });

  it('reads each center from its own ledger, the GBK one included', () => {
    const cases = readdirSync(join(root, 'uploads', CSV.folder)).find((f) => f.endsWith('办件台账.csv')) as string;
    const bytes = readFileSync(join(root, 'uploads', CSV.folder, cases));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const centers = first.entries.flatMap((e) => (e.status === 'failed' ? [] : [e.summary.center])).sort();
    expect(centers).toEqual([...GOOD.map((g) => g.center), CSV.center].sort());
    for (const e of first.entries) {
      if (e.status === 'failed') continue;
      expect(e.summary.period).toBe('2026-10');
      expect(e.summary.findings).toBeGreaterThan(0);
      expect(e.summary.rowsRead).toBeGreaterThan(40);
      expect(e.summary.toAct?.names.length).toBeGreaterThan(0);
    }
  });

  it('writes one report per audited input, named <center>-<period>.xlsx, and the district summary', async () => {
    const files = readdirSync(join(root, 'reports')).sort();
    expect(files).toEqual(
      [
        'batch-manifest.json',
        'district-summary-2026-10.xlsx',
        '城东社区便民服务中心-2026-10.xlsx',
        '城北社区便民服务中心-2026-10.xlsx',
        '城南社区便民服务中心-2026-10.xlsx',
        '城西社区便民服务中心-2026-10.xlsx',
        // the JSON reports beside them: each center's history for its later months
        '城东社区便民服务中心-2026-10.json',
        '城北社区便民服务中心-2026-10.json',
        '城南社区便民服务中心-2026-10.json',
        '城西社区便民服务中心-2026-10.json',
      ].sort(),
    );
    const report = await sheetRows(join(root, 'reports', '城北社区便民服务中心-2026-10.xlsx'), '问题清单');
    const csvEntry = first.entries.find((e) => e.input.kind === 'csv-folder');
    // Every finding is a row; the summary counts those that count (not merged, repeated or withdrawn).
    const json = JSON.parse(readFileSync(join(root, 'reports', '城北社区便民服务中心-2026-10.json'), 'utf8')) as { findings: { status: string }[] };
    expect(report.length - 1).toBe(json.findings.length);
    const counting = json.findings.filter((f) => f.status === 'counted' || f.status === 'regraded').length;
    expect(csvEntry?.status === 'audited' ? csvEntry.summary.findings : -1).toBe(counting);
  });

  it('lists every center in 汇总 with its counts, and both failures with their reasons in 失败文件', async () => {
    const rows = await sheetRows(first.summaryFile, '汇总');
    expect(rows[0]).toEqual(['城东街道2026-10便民服务中心工作制度检查汇总']);
    const header = rows[1] as string[];
    const records = rows.slice(2).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    // one row per input (4 centers, 2 failed files), then the total
    expect(records).toHaveLength(4 + 2 + 1);
    const byInput = new Map(records.map((r) => [r['输入文件'], r]));
    for (const e of first.entries) {
      const row = byInput.get(e.input.display)!;
      if (e.status === 'failed') {
        expect(row['本次状态']).toMatch(/^审计失败：/);
        continue;
      }
      expect(row).toMatchObject({ 中心名称: e.summary.center, 期间: '2026-10', 提醒: e.summary.byGrade.reminder, 批评教育: e.summary.byGrade.criticism, 通报批评: e.summary.byGrade.notice, 扣除奖金: e.summary.byGrade.deduction, 问题合计: e.summary.findings });
      expect(row['办件数']).toBe(e.summary.service!.handled);
      expect(row['按期办结率'] ?? '').toBe(e.summary.service!.onTimeRate ?? '');
      expect(row['报告文件']).toBe(e.report);
    }
    const failed = await sheetRows(first.summaryFile, '失败文件');
    expect(failed.slice(2).map((r) => r.slice(0, 3))).toEqual([
      [`uploads/${CORRUPT}`, 'not-a-workbook', '不是xlsx工作簿'],
      [`uploads/${NO_CASES}`, 'no-cases-sheet', '缺少办件台账'],
    ]);
    for (const r of failed.slice(2)) {
      expect(String(r[3])).not.toBe('');
      expect(String(r[4])).not.toBe('');
    }
  });

  it('re-run through the CLI skips every input, lists the failures again and exits 3 (some inputs failed), in Chinese by default', () => {
    const run = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), 'batch', 'uploads', '--out', 'reports'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...localeEnv(), DUTY_AUDIT_DEBUG: '' },
    });
    expect(run.stderr.split('\n').filter((l) => l.startsWith('['))).toHaveLength(6);
    expect(run.stderr.match(/未改动/g)).toHaveLength(4);
    expect(run.stderr.match(/失败 /g)).toHaveLength(2);
    expect(run.stdout).toMatch(/批量审计：已审计 0 个，未改动（保留）4 个，失败 2 个/);
    expect(run.stdout).toMatch(/区汇总表：reports\/district-summary-2026-10\.xlsx/);
    // The failures read back from the manifest keep their messages: said in Chinese, with the fix.
    expect(run.stdout).toMatch(/失败：uploads\/.*（encrypted-workbook|失败：uploads\/.*（not-a-workbook|失败：uploads\/.*（no-cases-sheet/);
    expect(run.stdout).toContain('解决办法：');
    expect(run.stdout).not.toMatch(/\bfix: /);
    expect(run.status).toBe(3);

    const english = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), 'batch', 'uploads', '--out', 'reports'], {
      cwd: root,
      encoding: 'utf8',
      env: localeEnv({ LANG: 'en_US.UTF-8' }),
    });
    expect(english.stderr.match(/unchanged/g)).toHaveLength(4);
    expect(english.stderr.match(/FAILED/g)).toHaveLength(2);
    expect(english.stdout).toMatch(/0 audited, 4 unchanged \(kept\), 2 failed/);
    expect(english.stdout).toMatch(/district summary: reports\/district-summary-2026-10\.xlsx/);
    expect(english.stdout).toContain('  fix: ');
    expect(english.status).toBe(3);
  });

  it('--force audits every input again with the same report names and the same counts', async () => {
    const again = await runBatch(['uploads'], { out: 'reports', cwd: root, jobs: 2, force: true });
    expect(again.counts).toEqual({ audited: 4, skipped: 0, failed: 2 });
    const view = (r: BatchResult) => r.entries.map((e) => (e.status === 'failed' ? [e.input.display, e.failure.code] : [e.input.display, e.report, e.summary.byGrade]));
    expect(view(again)).toEqual(view(first));
    expect(again.exitCode).toBe(3);
  });

  it('--fail-on decides the exit code when every input is audited', async () => {
    const out = join(root, 'good-only');
    // In-process (the runner a caller may inject): the same audit without a worker to start.
    const good = await runBatch(['uploads/城东社区-2026-10.xlsx'], { out, cwd: root, jobs: 1, failOn: 'deduction', runner: auditToReport });
    const e = good.entries[0];
    expect(e?.status).toBe('audited');
    const hasDeduction = e?.status === 'audited' && e.summary.byGrade.deduction > 0;
    expect(good.exitCode).toBe(hasDeduction ? 1 : 0);
    expect(existsSync(good.summaryFile)).toBe(true);
  });
});import { localeEnv } from '../audit/run-cli.js';

