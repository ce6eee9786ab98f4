/**
 * The sample month end to end: every planted violation and bad cell of samples/planted.json
 * must come out of `duty-audit audit` in the report, from the workbook and from the CSV folder.
 * Uses samples/ when present, else writes the same sample month to a temporary folder.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditRun } from '../../src/cli/commands/audit.js';
import { GRADES, GRADE_LABELS } from '../../src/grade-scale.js';
import { SAMPLES_DIR } from '../../src/paths.js';
import type { ReportJson } from '../../src/report/json.js';
import type { Planted } from '../../src/sample/types.js';
import { writeSample } from '../../src/sample/write-sample.js';
import { readBook, sheetNames, tableRecords } from '../report/read-back.js';
import { schemaErrors } from '../report/schema.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-sample-'));
const STEM = '城东社区-2026-10';
let xlsx: string;
let csv: string;
let planted: Planted;
let fromXlsx: AuditRun;
let fromCsv: AuditRun;

function json(run: AuditRun): ReportJson {
  return JSON.parse(readFileSync(run.json!, 'utf8')) as ReportJson;
}

beforeAll(async () => {
  if (existsSync(join(SAMPLES_DIR, `${STEM}.xlsx`)) && existsSync(join(SAMPLES_DIR, 'planted.json'))) {
    xlsx = join(SAMPLES_DIR, `${STEM}.xlsx`);
    csv = join(SAMPLES_DIR, `${STEM}-csv`);
    planted = JSON.parse(readFileSync(join(SAMPLES_DIR, 'planted.json'), 'utf8')) as Planted;
  } else {
    const written = await writeSample(join(dir, 'samples'));
    ({ xlsx, csvDir: csv, planted } = written);
  }
  fromXlsx = await runAudit({ input: xlsx, lang: 'zh', mask: true, out: join(dir, 'x.xlsx'), json: join(dir, 'x.json') }, dir);
  fromCsv = await runAudit({ input: csv, lang: 'zh', mask: true, out: join(dir, 'c.xlsx'), json: join(dir, 'c.json') }, dir);
});

describe('the sample month', () => {
  it('audits the month the sample was written for', () => {
    expect(fromXlsx.result).toMatchObject({ center: planted.center, period: planted.period, asOf: planted.asOf, periodInferred: true });
    expect(schemaErrors(json(fromXlsx))).toEqual([]);
  });

  it('lists every planted violation in 问题清单 with its clause, row and base grade', async () => {
    const rows = tableRecords((await readBook(fromXlsx.report)).getWorksheet('问题清单')!);
    const findings = json(fromXlsx).findings;
    const missing = planted.violations.filter(
      (v) => !rows.some((r) => r['规则编号'] === v.ruleId && r['条款'] === v.clause && r['记录编号'] === v.key && r['行'] === v.row),
    );
    expect(missing).toEqual([]);
    for (const v of planted.violations) {
      const f = findings.find((x) => x.ruleId === v.ruleId && x.ref.key === v.key && x.ref.sheet === v.sheet && x.ref.row === v.row);
      expect(f?.baseGrade, `${v.ruleId} ${v.key}`).toBe(v.baseGrade);
    }
  });

  it('lists every planted bad cell in 数据问题 with its row, column and reason', async () => {
    const rows = tableRecords((await readBook(fromXlsx.report)).getWorksheet('数据问题')!);
    const issues = json(fromXlsx).dataIssues;
    for (const p of planted.dataIssues) {
      expect(rows.some((r) => r['行'] === p.row && r['列'] === p.column), `${p.sheet} ${p.column}${p.row}`).toBe(true);
      expect(issues.some((i) => i.sheet === p.sheet && i.row === p.row && i.column === p.column && i.code === p.code), `${p.sheet} ${p.column}${p.row} ${p.code}`).toBe(true);
    }
    expect(rows.length).toBe(issues.length);
  });

  it('counts per grade in the sheet exactly what the JSON counts', async () => {
    const wb = await readBook(fromXlsx.report);
    expect(sheetNames(wb)).toEqual(['汇总', '问题清单', '人员汇总', '预警', '数据问题', '规则', '运行信息']);
    const rows = tableRecords(wb.getWorksheet('问题清单')!);
    const j = json(fromXlsx);
    // The counts are of the findings that count; merged ones (并入 …) are rows too, but count for nothing.
    const counting = rows.filter((r) => String(r['状态']).startsWith('计入') || String(r['状态']).startsWith('复核改为'));
    for (const g of GRADES) expect(counting.filter((r) => r['处理等级'] === GRADE_LABELS[g].zh).length).toBe(j.summary.byGrade[g]);
    expect(rows.length - counting.length).toBe(j.summary.byStatus.merged + j.summary.byStatus['reported-before'] + j.summary.byStatus.withdrawn);
    expect(j.summary.rowsRead).toBe(j.summary.rowsEvaluated + j.summary.rowsSetAside);
  });

  it('gives the same findings from the workbook and from the CSV folder', () => {
    const key = (run: AuditRun) => run.result.findings.map((f) => `${f.id} ${f.ruleId} ${f.ref.sheet}:${f.ref.row} ${f.ref.key} ${f.baseGrade}→${f.grade}`);
    expect(key(fromCsv)).toEqual(key(fromXlsx));
    expect(fromCsv.result.dataIssues.map((i) => [i.sheet, i.row, i.column, i.code])).toEqual(fromXlsx.result.dataIssues.map((i) => [i.sheet, i.row, i.column, i.code]));
  });

  it('shows no mobile number in the masked report; --no-mask changes only the masking', async () => {
    const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/;
    expect(readFileSync(fromXlsx.json!, 'utf8')).not.toMatch(mobile);
    expect(JSON.stringify((await readBook(fromXlsx.report)).worksheets.map((w) => w.getSheetValues()))).not.toMatch(mobile);
    const plain = await runAudit({ input: xlsx, lang: 'zh', mask: false, out: join(dir, 'p.xlsx'), json: join(dir, 'p.json') }, dir);
    const j = json(plain);
    expect(j.masked).toBe(false);
    expect(j.findings.map((f) => f.id)).toEqual(json(fromXlsx).findings.map((f) => f.id));
  });

  it('runs through the bin with exit 0 and exit 1 at --fail-on reminder', () => {
    const ok = runCli(['audit', xlsx, '--out', join(dir, 'bin.xlsx')], dir);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(runCli(['audit', csv, '--out', join(dir, 'bin.xlsx'), '--fail-on', 'reminder'], dir).status).toBe(1);
  });
});
