/**
 * `duty-audit audit` end to end: the real bin in a child process for exit codes and messages,
 * runAudit in-process for the variations. Reports are read back with exceljs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditArgs } from '../../src/cli/commands/audit.js';
import { DutyAuditError } from '../../src/errors.js';
import { GRADES, GRADE_LABELS } from '../../src/grade-scale.js';
import type { ReportJson } from '../../src/report/json.js';
import { COLUMNS } from '../../src/report/labels.js';
import { readBook, sheetNames, tableRecords, rowsOf } from '../report/read-back.js';
import { schemaErrors } from '../report/schema.js';
import { CASE_HEADER, writeLedgerCsv, writeLedgerXlsx } from './ledger-fixture.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-cli-'));
let xlsx: string;

beforeAll(async () => {
  xlsx = await writeLedgerXlsx(join(dir, '测试社区-2026-10.xlsx'), { title: true });
});

function args(input: string, extra: Partial<AuditArgs> = {}): AuditArgs {
  return { input, lang: 'zh', mask: true, ...extra };
}

function readJson(file: string): ReportJson {
  return JSON.parse(readFileSync(file, 'utf8')) as ReportJson;
}

describe('duty-audit audit (child process)', () => {
  it('writes reports/<center>-<period>.xlsx under the cwd and the JSON, prints the summary, exits 0', async () => {
    const cwd = join(dir, 'run-default');
    await mkdir(cwd);
    const r = runCli(['audit', xlsx, '--json', 'out/report.json'], cwd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = join(cwd, 'reports', '测试社区-2026-10.xlsx');
    expect(existsSync(report)).toBe(true);
    expect(r.stdout).toContain('报告：reports/测试社区-2026-10.xlsx');
    expect(r.stdout).toContain('JSON：out/report.json');
    expect(r.stdout).toContain('批评教育 1');

    const wb = await readBook(report);
    expect(sheetNames(wb)).toEqual(['汇总', '问题清单', '人员汇总', '预警', '数据问题', '规则', '运行信息']);
    const findings = wb.getWorksheet('问题清单')!;
    expect(rowsOf(findings)[0]).toEqual(Object.values(COLUMNS.findings).map((l) => l.zh));
    const json = readJson(join(cwd, 'out', 'report.json'));
    expect(schemaErrors(json)).toEqual([]);
    const rows = tableRecords(findings);
    expect(rows).toHaveLength(json.findings.length);
    for (const g of GRADES) expect(rows.filter((x) => x['处理等级'] === GRADE_LABELS[g].zh).length).toBe(json.summary.byGrade[g]);
  });

  it('exits 1 when a finding reaches --fail-on, 0 when none does', () => {
    const cwd = dir;
    const hit = runCli(['audit', xlsx, '--out', 'fail-on.xlsx', '--fail-on', 'criticism'], cwd);
    expect(hit.status).toBe(1);
    const miss = runCli(['audit', xlsx, '--out', 'fail-on.xlsx', '--fail-on', 'notice'], cwd);
    expect(miss.status).toBe(0);
  });

  it.each([
    ['a text file named .xlsx', () => {
      const f = join(dir, 'text-2026-10.xlsx');
      writeFileSync(f, '受理编号,受理日期\nC-1,2026-10-01\n');
      return f;
    }, /not-a-workbook|not an \.xlsx|xlsx/i],
    ['a workbook without a cases sheet', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('投诉登记').addRow(['登记编号', '登记日期', '投诉人']);
      const f = join(dir, 'nocases-2026-10.xlsx');
      await wb.xlsx.writeFile(f);
      return f;
    }, /办件台账|cases/],
    ['a CSV folder in UTF-16', () => {
      const folder = join(dir, 'utf16-2026-10-csv');
      writeLedgerCsv(folder, 'utf16-2026-10');
      const file = join(folder, 'utf16-2026-10-办件台账.csv');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      return folder;
    }, /UTF-8|GBK|encoding/i],
    ['a path that does not exist', () => join(dir, 'missing-2026-10.xlsx'), /找不到该文件或文件夹/],
  ])('exits 2 on %s, naming the file and the fix in Chinese, without a stack trace', async (_what, make, reason) => {
    const input = await make();
    const r = runCli(['audit', input, '--out', join(dir, 'never.xlsx')], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain(input.endsWith('-csv') ? 'utf16-2026-10-办件台账.csv' : input);
    expect(r.stderr).toMatch(/^duty-audit：.*\n {2}解决办法：\S/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
  });

  it('says the same in English with an English locale or --lang en', () => {
    const missing = join(dir, 'missing-2026-10.xlsx');
    const byLocale = runCli(['audit', missing], dir, { LANG: 'en_US.UTF-8' });
    expect(byLocale.status).toBe(2);
    expect(byLocale.stderr).toBe(`duty-audit: ${missing}: no such file or folder\n  fix: check the path; give an .xlsx workbook or a folder of .csv files\n`);
    const byOption = runCli(['audit', missing, '--lang', 'en'], dir);
    expect(byOption.stderr).toBe(byLocale.stderr);
    const chinese = runCli(['audit', missing], dir, { LC_ALL: 'C' });
    expect(chinese.stderr).toBe(`duty-audit：${missing}：找不到该文件或文件夹\n  解决办法：请检查路径；应给出一个 .xlsx 工作簿，或一个装有 .csv 文件的文件夹\n`);
  });

  it.each([
    [['--period', '2026-13'], /--period/],
    [['--as-of', '2026-02-30'], /--as-of/],
    [['--fail-on', 'severe'], /--fail-on/],
    [['--lang', 'fr'], /取值无效：\s+选项 lang 的取值为 "fr"，可选值为 "zh", "en"/],
    [['--bogus'], /无法识别的参数：bogus/],
  ])('exits 2 on bad usage %j with a fix', (extra, reason) => {
    const r = runCli(['audit', xlsx, '--out', join(dir, 'usage.xlsx'), ...extra], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toMatch(/解决办法：/);
  });
});

describe('runAudit (in process)', () => {
  it('lists each bad cell of the workbook in 数据问题 and still reports the findings', async () => {
    const run = await runAudit(args(xlsx, { out: join(dir, 'bad-cells.xlsx') }), dir);
    const wb = await readBook(run.report);
    const issues = tableRecords(wb.getWorksheet('数据问题')!);
    expect(issues.map((i) => [i['行'], i['列'], i['表头'], i['值']])).toEqual([
      [6, 'B', '受理日期', 'not a date'],
      [7, 'K', '承诺时限', 'abc'],
    ]);
    expect(issues[0]!['位置']).toBe('办件台账!B6');
    expect(tableRecords(wb.getWorksheet('问题清单')!).some((f) => f['规则编号'] === 'case-overdue' && f['行'] === 4)).toBe(true);
  });

  it('writes English sheets with --lang en, and --no-mask is recorded', async () => {
    const masked = await runAudit(args(xlsx, { out: join(dir, 'm.xlsx'), json: join(dir, 'm.json') }), dir);
    expect(readFileSync(masked.json!, 'utf8')).not.toContain('13900001111');
    const run = await runAudit(args(xlsx, { lang: 'en', mask: false, out: join(dir, 'en.xlsx'), json: join(dir, 'en.json') }), dir);
    const wb = await readBook(run.report);
    expect(sheetNames(wb)).toEqual(['Summary', 'Findings', 'By person', 'Warnings', 'Data issues', 'Rules', 'Run']);
    const json = readJson(run.json!);
    expect(json.masked).toBe(false);
    expect(json.lang).toBe('en');
    expect(json.findings.find((f) => f.ruleId === 'case-overdue')!.title).toBe('Case not completed within the time limit it is bound by');
  });

  it('writes byte-identical JSON and identical sheets for two runs of the same month', async () => {
    const one = await runAudit(args(xlsx, { out: join(dir, 'one.xlsx'), json: join(dir, 'one.json') }), dir);
    const two = await runAudit(args(xlsx, { out: join(dir, 'two.xlsx'), json: join(dir, 'two.json') }), dir);
    expect(readFileSync(two.json!)).toEqual(readFileSync(one.json!));
    const a = await readBook(one.report);
    const b = await readBook(two.report);
    for (const name of sheetNames(a).filter((n) => n !== '运行信息')) expect(rowsOf(b.getWorksheet(name)!)).toEqual(rowsOf(a.getWorksheet(name)!));
  });

  it('gives the same findings from the workbook and the CSV folder', async () => {
    const folder = writeLedgerCsv(join(dir, '测试社区-2026-10-csv'), '测试社区-2026-10', { title: true });
    const a = await runAudit(args(xlsx, { out: join(dir, 'x.xlsx') }), dir);
    const b = await runAudit(args(folder, { out: join(dir, 'c.xlsx') }), dir);
    const ids = (r: typeof a) => r.result.findings.map((f) => [f.id, f.clause, f.ref.row, f.grade]);
    expect(ids(b)).toEqual(ids(a));
  });

  it('sets exit 1 only at or above --fail-on, accepting Chinese grade names', async () => {
    expect((await runAudit(args(xlsx, { out: join(dir, 'f.xlsx'), 'fail-on': 'reminder' }), dir)).exitCode).toBe(1);
    expect((await runAudit(args(xlsx, { out: join(dir, 'f.xlsx'), 'fail-on': '批评教育' }), dir)).exitCode).toBe(1);
    expect((await runAudit(args(xlsx, { out: join(dir, 'f.xlsx'), 'fail-on': 'deduction' }), dir)).exitCode).toBe(0);
    expect((await runAudit(args(xlsx, { out: join(dir, 'f.xlsx') }), dir)).exitCode).toBe(0);
  });

  it('turns an unwritable --out into exit-2 advice, not a crash', async () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'a file where a folder should be');
    const err = await runAudit(args(xlsx, { out: join(blocker, 'r.xlsx') }), dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).hint).toMatch(/--out/);
  });

  it('keeps the header order of the ledger fixture in sync with the importer', () => {
    expect(CASE_HEADER[0]).toBe('受理编号');
  });
});
