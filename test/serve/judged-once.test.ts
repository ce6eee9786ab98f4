/**
 * Each act judged once through the service, as the batch judges it (docs/grading.md, "Each act is
 * judged once, across months"): a center's standing reports of earlier months are its history.
 * 赵敏's four 承诺件 received in September are still open at the end of October; September charges
 * them (¥500), October, audited with September's report, shows them as reported before and
 * charges nothing again, whatever order the months are uploaded in. The month view, the audit's
 * status and the district summary count only the findings that count.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { auditToReport } from '../../src/batch/worker.js';
import type { Service } from '../../src/serve/server.js';
import { CARRIED_OVER_MONTHS, writeLedgerCsv, writeLedgerXlsx } from '../audit/ledger-fixture.js';
import { multipart, tempDir, testService } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const tmp = tempDir();
let service: Service;
const files: Record<string, string> = {};

async function upload(name: string, file: string): Promise<string> {
  const res = await service.app.inject({ method: 'POST', url: '/api/audits', ...multipart([{ name, bytes: readFileSync(file) }]) });
  expect(res.statusCode).toBe(202);
  return (res.json() as { audits: { id: string }[] }).audits[0]!.id;
}

async function get(url: string): Promise<Json> {
  return (await service.app.inject({ url })).json() as Json;
}

const report = (id: string) => get(`/api/audits/${id}/report.json`);
const yuan = (r: Json) => (r.findings as Json[]).reduce((n, f) => n + (f.deductionYuan as number), 0);
const overdue = (r: Json) => (r.findings as Json[]).filter((f) => f.ruleId === 'case-overdue').map((f) => [f.status, f.reportedIn ?? null, f.deductionYuan]);
/** What settlement made of each finding: the part of a report that must not depend on where it was audited. */
const settled = (r: Json) => (r.findings as Json[]).map((f) => [f.id, f.status, f.grade, f.deductionYuan, f.reportedIn ?? null]);

beforeAll(async () => {
  mkdirSync(join(tmp.dir, 'uploads'));
  for (const m of ['09', '10'] as const) {
    files[`xlsx${m}`] = await writeLedgerXlsx(join(tmp.dir, 'uploads', `测试社区-2026-${m}.xlsx`), { center: true, cases: CARRIED_OVER_MONTHS[m] });
    files[`csv${m}`] = join(writeLedgerCsv(join(tmp.dir, `csv-${m}`), `无名社区-2026-${m}`, { cases: CARRIED_OVER_MONTHS[m] }), `无名社区-2026-${m}-办件台账.csv`);
  }
  service = await testService(join(tmp.dir, 'data'));
}, 60_000);

afterAll(async () => {
  await service?.close();
  tmp.remove();
});

describe('each act judged once across a center\'s months', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // October first: audited without history, it charges 赵敏's cases; September's arrival re-audits it.
    ids.october = await upload('测试社区-2026-10.xlsx', files.xlsx10!);
    await service.queue.whenIdle();
    ids.september = await upload('测试社区-2026-09.xlsx', files.xlsx09!);
    await service.queue.whenIdle();
  }, 120_000);

  it('audits October again with September\'s report: the open cases are reported before and cost nothing again', async () => {
    const september = await report(ids.september!);
    const october = await report(ids.october!);
    expect(yuan(september)).toBe(500);
    expect(october.history.reports.map((r: Json) => r.period)).toEqual(['2026-09']);
    expect(overdue(october)).toEqual(Array(4).fill(['reported-before', '2026-09', 0]));
    expect(yuan(october)).toBe(0);
    const septemberBytes = (await service.app.inject({ url: `/api/audits/${ids.september}/report.json` })).rawPayload;
    const septemberSha = createHash('sha256').update(septemberBytes).digest('hex');
    expect(october.history.reports.map((r: Json) => r.sha256)).toEqual([septemberSha]);
    expect((await get(`/api/audits/${ids.october}`)).history).toEqual([septemberSha]);
  });

  it('settles every finding as the batch does for the same two months', async () => {
    const run = await runBatch([join(tmp.dir, 'uploads')], { out: join(tmp.dir, 'batch-out'), runner: auditToReport, jobs: 2 });
    expect(run.counts).toEqual({ audited: 2, skipped: 0, failed: 0 });
    for (const [period, id] of [['2026-09', ids.september!], ['2026-10', ids.october!]] as const) {
      const batch = JSON.parse(readFileSync(join(tmp.dir, 'batch-out', `测试社区便民服务中心-${period}.json`), 'utf8')) as Json;
      const served = await report(id);
      expect(settled(served)).toEqual(settled(batch));
      expect(served.summary.byStatus).toEqual(batch.summary.byStatus);
    }
  });

  it('the month view, the audit\'s status and the district summary count only the findings that count', async () => {
    const october = await report(ids.october!);
    const counting = october.summary.byStatus.counted + october.summary.byStatus.regraded;
    expect(october.summary.byStatus['reported-before']).toBeGreaterThanOrEqual(4);
    const status = await get(`/api/audits/${ids.october}`);
    expect(status).toMatchObject({ findings: counting, byGrade: october.summary.byGrade, byStatus: october.summary.byStatus });
    const month = await get('/api/periods/2026-10');
    const center = month.centers.find((c: Json) => c.center === '测试社区便民服务中心');
    expect(center).toMatchObject({ findings: counting, byGrade: october.summary.byGrade });
    expect(center.change.findings).toBe(counting - (await get(`/api/audits/${ids.september}`)).findings);
    const res = await service.app.inject({ url: '/api/periods/2026-10/summary.xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('汇总')!;
    const rows = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1));
    const header = rows.find((r) => r.getCell(1).value === '中心名称')!.values as unknown[];
    const row = rows.find((r) => r.getCell(1).value === '测试社区便民服务中心')!;
    expect(row.getCell(header.indexOf('问题合计')).value).toBe(counting);
  });

  it('a ledger without 中心信息 reads the history of the center its upload is named after, not of the stored file', async () => {
    const september = await upload('无名社区-2026-09-办件台账.csv', files.csv09!);
    await service.queue.whenIdle();
    const october = await upload('无名社区-2026-10-办件台账.csv', files.csv10!);
    await service.queue.whenIdle();
    const octoberReport = await report(october);
    expect(octoberReport.center).toBe('无名社区');
    expect(octoberReport.history.reports.map((r: Json) => r.period)).toEqual(['2026-09']);
    expect(overdue(octoberReport)).toEqual(Array(4).fill(['reported-before', '2026-09', 0]));
    expect(yuan(await report(september))).toBe(500);
    // Shown from the data folder: the report does not name where the service was started.
    expect(octoberReport.history.source).toBe('history');
  });
});
