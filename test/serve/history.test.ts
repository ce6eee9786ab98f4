/**
 * Months of one center arriving in any order (docs/service.md, "Storage"): each act is judged
 * once across months, so every month's audit must have read the reports that stand for the
 * months before it. A stand-in worker (fixtures/history-worker.ts) reads the history folder as
 * the audit does; the queue must re-audit each month whose earlier months changed after it was
 * audited, until every month has read exactly the earlier reports that stand.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/serve/server.js';
import { centerKey } from '../../src/serve/store.js';
import { runsLog } from './fixtures/history-worker.js';
import { multipart, tempDir, testService } from './helpers.js';

const WORKER = new URL('./fixtures/history-worker.ts', import.meta.url);
const tmp = tempDir();
let service: Service;

const month = (center: string, period: string, delayMs = 0, blind = '') => ({
  name: `${center}-${period}.csv`,
  bytes: Buffer.from(`center,period,delay,blind\n${center},${period},${delayMs},${blind}\n`),
});
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** How many times the stand-in worker has audited an upload. */
const runs = (id: string) => readFileSync(runsLog(service.store.historyDir()), 'utf8').split('\n').filter((line) => line === id).length;

async function upload(...parts: ReturnType<typeof month>[]): Promise<string[]> {
  const res = await service.app.inject({ method: 'POST', url: '/api/audits', ...multipart(parts) });
  expect(res.statusCode).toBe(202);
  return (res.json() as { audits: { id: string }[] }).audits.map((a) => a.id);
}

/** The JSON report standing for each month of a center, by period. */
function standing(center: string): Map<string, { id: string; sha: string; history: string[] | null }> {
  const out = new Map<string, { id: string; sha: string; history: string[] | null }>();
  for (const period of service.store.periods()) {
    const audit = service.store.standingAudits(period).find((s) => s.center === center);
    if (!audit) continue;
    const record = service.store.audit(audit.auditId)!;
    out.set(period, { id: audit.auditId, sha: sha(readFileSync(service.store.reportFile(audit.auditId, 'json'))), history: record.history });
  }
  return out;
}

beforeAll(async () => {
  service = await testService(join(tmp.dir, 'data'), { workerFile: WORKER, jobs: 2 });
});

afterAll(async () => {
  await service?.close();
  tmp.remove();
});

describe('months of one center uploaded out of order', () => {
  it('re-audits later months until each has read the earlier months that stand', async () => {
    // November and October together (October slower), September last, another center beside.
    const [november, october] = await upload(month('城东', '2026-11'), month('城东', '2026-10', 300), month('城西', '2026-10'));
    await service.queue.whenIdle();
    const [september] = await upload(month('城东', '2026-09'));
    await service.queue.whenIdle();

    const months = standing('城东');
    expect([...months.keys()].sort()).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(months.get('2026-09')).toMatchObject({ id: september, history: [] });
    expect(months.get('2026-10')).toMatchObject({ id: october, history: [months.get('2026-09')!.sha] });
    expect(months.get('2026-11')!.id).toBe(november);
    expect([...months.get('2026-11')!.history!].sort()).toEqual([months.get('2026-09')!.sha, months.get('2026-10')!.sha].sort());
    // The other center's month never read 城东's reports.
    expect(standing('城西').get('2026-10')!.history).toEqual([]);
    for (const id of [september, october, november]) expect(service.store.audit(id!)).toMatchObject({ status: 'done', queueReason: null });
  });

  it('a corrected upload of an earlier month replaces it as standing and re-audits the months after it', async () => {
    const before = standing('城东');
    const [corrected] = await upload({ ...month('城东', '2026-10'), bytes: Buffer.from('center,period,delay,blind\n城东,2026-10,0,\n\n') });
    await service.queue.whenIdle();
    const after = standing('城东');
    expect(after.get('2026-10')!.id).toBe(corrected);
    expect(after.get('2026-10')!.sha).not.toBe(before.get('2026-10')!.sha);
    expect(after.get('2026-09')!.sha).toBe(before.get('2026-09')!.sha);
    expect([...after.get('2026-11')!.history!].sort()).toEqual([after.get('2026-09')!.sha, after.get('2026-10')!.sha].sort());
  });

  it('re-audits a month that cannot read its history once per change, not forever (regression: a re-audit loop)', async () => {
    const [november] = await upload(month('城北', '2026-11', 0, 'blind'));
    await service.queue.whenIdle();
    expect(runs(november!)).toBe(1);
    const [october] = await upload(month('城北', '2026-10', 0, 'blind'));
    await service.queue.whenIdle();
    // November started before October stood, so it ran again exactly once, after October; its
    // report did not change (it reads no history), so nothing after it runs again.
    expect([runs(october!), runs(november!)]).toEqual([1, 2]);
    const record = service.store.audit(november!)!;
    expect(record).toMatchObject({ status: 'done', queueReason: null, history: [] });
    expect(record.finishedAt! > service.store.audit(october!)!.finishedAt!).toBe(true);
  });

  it('leaves exactly one copy of each standing report in the history folder, after every re-audit above', () => {
    const expected: string[] = [];
    for (const center of ['城东', '城西', '城北']) {
      for (const [period, month] of standing(center)) {
        const name = `${centerKey(center)}-${period}.json`;
        expected.push(name);
        expect(sha(readFileSync(join(service.store.historyDir(), name)))).toBe(month.sha);
      }
    }
    expect(readdirSync(service.store.historyDir()).sort()).toEqual(expected.sort());
  });
});
