/**
 * The index and queue (src/serve/store.ts) on their own: a crash-interrupted job is queued again
 * until it has been started MAX_ATTEMPTS times, then failed; a deliberate stop does not count as
 * an attempt; identical files in one request are one audit; the audit standing for a center's
 * month is its latest upload, whichever finishes first, and its report is the one in the history
 * folder, placed before any job is claimed again; a re-audit whose report did not change is not
 * copied again, and holds no claim.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centerKey, MAX_ATTEMPTS, Store, type JobOutcome, type StagedUpload } from '../../src/serve/store.js';
import type { CenterSummary } from '../../src/index.js';
import { multipart, tempDir, testService } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let store: Store;

function staged(name: string, content: string): StagedUpload {
  const temp = store.receivingFile();
  writeFileSync(temp.path, content);
  return { temp, name, sha256: Buffer.from(content).toString('hex').padEnd(64, '0').slice(0, 64), bytes: content.length, kind: 'csv' };
}

function summary(center: string, period: string): CenterSummary {
  return { center, period, asOf: `${period}-28`, byGrade: { reminder: 1, criticism: 0, notice: 0, deduction: 0 }, findings: 1, toAct: null, dataIssues: 0, rowsRead: 1 };
}

const reportOf = (auditId: string) => JSON.stringify({ auditId });

/** A worker's outcome for an audit of the center's month, its JSON report written as the worker writes it. */
function audited(auditId: string, center: string, period: string): JobOutcome {
  mkdirSync(store.reportDir(auditId), { recursive: true });
  writeFileSync(store.reportFile(auditId, 'json'), reportOf(auditId));
  return { ok: true, summary: summary(center, period), reportSha256: auditId, history: [] };
}

beforeEach(() => {
  tmp = tempDir();
  store = Store.open(join(tmp.dir, 'data'));
});
afterEach(() => {
  store.close();
  tmp.remove();
});

describe('the job queue in SQLite', () => {
  it('queues an interrupted job again, and fails it once it was started MAX_ATTEMPTS times', async () => {
    const { id } = (await store.storeUploads([staged('a', 'x,y\n1,2\n')]))[0]!;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(store.claimNextJob()?.auditId).toBe(id);
      // The process dies here; the next start finds the job running.
      const recovered = store.recoverInterrupted();
      if (attempt < MAX_ATTEMPTS) {
        expect(recovered).toEqual({ requeued: 1, failed: 0 });
        expect(store.audit(id)).toMatchObject({ status: 'queued', queueReason: 'interrupted' });
      } else {
        expect(recovered).toEqual({ requeued: 0, failed: 1 });
        expect(store.audit(id)).toMatchObject({ status: 'failed', failure: { code: 'worker-crashed' } });
      }
    }
    expect(store.pendingJobs()).toBe(0);
  });

  it('does not count a deliberate stop as an attempt', async () => {
    const { id } = (await store.storeUploads([staged('a', 'x,y\n1,2\n')]))[0]!;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      expect(store.claimNextJob()?.auditId).toBe(id);
      store.releaseJob(id);
    }
    expect(store.recoverInterrupted()).toEqual({ requeued: 0, failed: 0 });
    expect(store.audit(id)!.status).toBe('queued');
  });

  it('takes identical files of one request as one audit', async () => {
    const stored = await store.storeUploads([staged('a', 'same'), staged('b', 'same')]);
    expect(stored[1]).toMatchObject({ id: stored[0]!.id, duplicate: true });
    expect(store.pendingJobs()).toBe(1);
    expect(store.audit(stored[0]!.id)!.names).toEqual(['a', 'b']);
  });

  it('keeps the latest upload of a center\'s month standing, whichever audit finishes first, in the index and in the history folder', async () => {
    const [older, newer] = (await store.storeUploads([staged('old', 'one'), staged('new', 'two')])).map((u) => u.id) as [string, string];
    store.claimNextJob();
    store.claimNextJob();
    expect(await store.finishJob(newer, audited(newer, '城东', '2026-10'))).toMatchObject({ standing: true });
    expect(await store.finishJob(older, audited(older, '城东', '2026-10'))).toMatchObject({ standing: false });
    expect(store.standingAudits('2026-10').map((s) => s.auditId)).toEqual([newer]);
    expect(readFileSync(store.historyFile(centerKey('城东'), '2026-10'), 'utf8')).toBe(reportOf(newer));
  });

  it('makes the same bytes uploaded again the month\'s standing audit when another upload stood meanwhile (regression: the first file sent again stayed set aside)', async () => {
    const [first] = (await store.storeUploads([staged('城东-2026-10.xlsx', 'one')])).map((u) => u.id) as [string];
    store.claimNextJob();
    await store.finishJob(first, audited(first, '城东', '2026-10'));
    const [corrected] = (await store.storeUploads([staged('城东-2026-10-改.xlsx', 'two')])).map((u) => u.id) as [string];
    store.claimNextJob();
    await store.finishJob(corrected, audited(corrected, '城东', '2026-10'));
    expect(store.standingAudits('2026-10').map((s) => s.auditId)).toEqual([corrected]);

    // The center takes the correction back: it sends its first file again.
    const [again] = await store.storeUploads([staged('城东-2026-10-原.xlsx', 'one')]);
    expect(again).toMatchObject({ id: first, duplicate: true, status: 'queued' });
    expect(store.recentAudits().map((a) => a.id)).toEqual([first, corrected]);
    expect(store.audit(first)).toMatchObject({ status: 'queued', queueReason: 'uploaded', names: ['城东-2026-10.xlsx', '城东-2026-10-原.xlsx'] });
    expect(store.claimNextJob()?.auditId).toBe(first);
    expect(await store.finishJob(first, audited(first, '城东', '2026-10'))).toMatchObject({ standing: true, changed: true });
    expect(store.standingAudits('2026-10').map((s) => s.auditId)).toEqual([first]);
    expect(readFileSync(store.historyFile(centerKey('城东'), '2026-10'), 'utf8')).toBe(reportOf(first));
  });

  it('makes the same bytes uploaded again while still queued stand over an upload of the month sent between', async () => {
    const [first, between] = (await store.storeUploads([staged('v1', 'one'), staged('v2', 'two')])).map((u) => u.id) as [string, string];
    expect((await store.storeUploads([staged('v1 again', 'one')]))[0]).toMatchObject({ id: first, duplicate: true, status: 'queued' });
    store.claimNextJob();
    store.claimNextJob();
    await store.finishJob(first, audited(first, '城东', '2026-10'));
    expect(await store.finishJob(between, audited(between, '城东', '2026-10'))).toMatchObject({ standing: false });
    expect(store.standingAudits('2026-10').map((s) => s.auditId)).toEqual([first]);
  });

  it('answers the same bytes uploaded again with their audit, audited once, when it stands already', async () => {
    const [first] = (await store.storeUploads([staged('a', 'one')])).map((u) => u.id) as [string];
    store.claimNextJob();
    await store.finishJob(first, audited(first, '城东', '2026-10'));
    expect((await store.storeUploads([staged('b', 'one')]))[0]).toMatchObject({ id: first, duplicate: true, status: 'done' });
    expect(store.pendingJobs()).toBe(0);
  });

  it('claims no job while a standing report is on its way to the history folder (a job claimed then would count as having read it)', async () => {
    const [first, second] = (await store.storeUploads([staged('oct', 'one'), staged('nov', 'two')])).map((u) => u.id) as [string, string];
    expect(store.claimNextJob()?.auditId).toBe(first);
    const finishing = store.finishJob(first, audited(first, '城东', '2026-10'));
    // The index already says October stands, at a new history generation; its file is not there yet.
    expect(store.standingAudits('2026-10').map((s) => s.auditId)).toEqual([first]);
    expect(store.claimNextJob()).toBeUndefined();
    await finishing;
    expect(readFileSync(store.historyFile(centerKey('城东'), '2026-10'), 'utf8')).toBe(reportOf(first));
    expect(store.claimNextJob()?.auditId).toBe(second);
  });
  it('does not copy a re-audit whose report did not change, nor hold claims for it (regression: every re-audit was copied again, claims held meanwhile)', async () => {
    const [october, november] = (await store.storeUploads([staged('oct', 'one'), staged('nov', 'two')])).map((u) => u.id) as [string, string];
    expect(store.claimNextJob()?.auditId).toBe(october);
    await store.finishJob(october, audited(october, '城东', '2026-10'));
    const historyFile = store.historyFile(centerKey('城东'), '2026-10');
    const placed = statSync(historyFile).ino;

    // October audited again (an earlier month changed, say) and its report came out the same.
    store.requeue(october, 'history-changed');
    expect(store.claimNextJob()?.auditId).toBe(november);
    expect(store.claimNextJob()?.auditId).toBe(october);
    const [december] = (await store.storeUploads([staged('dec', 'three')])).map((u) => u.id) as [string];
    const finishing = store.finishJob(october, audited(october, '城东', '2026-10'));
    // Nothing is on its way to the history folder, so claims go on.
    expect(store.claimNextJob()?.auditId).toBe(december);
    expect(await finishing).toMatchObject({ standing: true, changed: false });

    // The same file, not a copy renamed over it; one file for the month, nothing half-copied beside it.
    expect(statSync(historyFile).ino).toBe(placed);
    expect(readdirSync(store.historyDir())).toEqual([`${centerKey('城东')}-2026-10.json`]);
    expect(readFileSync(historyFile, 'utf8')).toBe(reportOf(october));
  });
});

describe('stopping the service', () => {
  it('queues a running audit again without counting the attempt', async () => {
    store.close();
    const data = join(tmp.dir, 'slow');
    const service = await testService(data, { workerFile: new URL('./fixtures/history-worker.ts', import.meta.url), jobs: 1 });
    const res = await service.app.inject({ method: 'POST', url: '/api/audits', ...multipart([{ name: 'a.csv', bytes: Buffer.from('center,period,delay\n城东,2026-10,5000\n') }]) });
    const id = (res.json() as { audits: { id: string }[] }).audits[0]!.id;
    expect(service.store.audit(id)!.status).toBe('running');
    await service.close();
    store = Store.open(data);
    expect(store.audit(id)).toMatchObject({ status: 'queued', queueReason: 'interrupted' });
    expect(store.db.prepare('SELECT state, attempts FROM jobs WHERE audit_id = ?').get(id)).toEqual({ state: 'queued', attempts: 0 });
  });
});
