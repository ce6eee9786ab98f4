/**
 * A standing report that cannot be copied into the history folder (docs/service.md, "Storage").
 * A later month audited without it would charge again what that month charged, so the queue
 * halts: no job is claimed after it, and the service is told what failed, which file, that the
 * next start copies it again, and what to do about the cause. A start that cannot mend the
 * folder either says so and closes what it opened; the next one that can mends it and goes on. A folder left where the history file goes stands in for a full disk or a folder
 * the service may not write (the tests run as root, where permissions do not stop a write).
 * The stand-in worker (fixtures/history-worker.ts) reads the history folder as the audit does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { centerKey } from '../../src/serve/store.js';
import { multipart, tempDir, testService } from './helpers.js';

const WORKER = new URL('./fixtures/history-worker.ts', import.meta.url);
const tmp = tempDir();
afterAll(() => tmp.remove());

const month = (center: string, period: string) => ({ name: `${center}-${period}.csv`, bytes: Buffer.from(`center,period,delay,blind\n${center},${period},0,\n`) });
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('a history copy that fails', () => {
  it('halts the queue with what failed, which file, that the next start mends it and the fix (regression: an unhandled rejection ended the service)', async () => {
    const data = join(tmp.dir, 'data');
    const inTheWay = join(data, 'history', `${centerKey('城东')}-2026-10.json`);
    mkdirSync(join(inTheWay, 'something'), { recursive: true });

    const service = await testService(data, { workerFile: WORKER, jobs: 1 });
    let october: string;
    let november: string;
    try {
      const res = await service.app.inject({ method: 'POST', url: '/api/audits', ...multipart([month('城东', '2026-10'), month('城东', '2026-11')]) });
      [october, november] = (res.json() as { audits: { id: string }[] }).audits.map((a) => a.id) as [string, string];

      const error = await service.queue.halted;
      expect(error).toBeInstanceOf(DutyAuditError);
      const failure = error as DutyAuditError;
      expect(failure.code).toBe('cannot-write');
      expect(failure.file).toBe(inTheWay);
      const report = service.store.reportFile(october, 'json');
      expect(failure.describe('en')).toBe(
        `cannot write the history copy of the month's report to ${inTheWay}: a folder of that name is in the way (EISDIR) (copied from ${report}). ` +
          "The service stops: a month audited from now on would not read this month's report; the next start copies it again\n" +
          `  fix: move away what is in the way of ${inTheWay} in ${join(data, 'history')}, then start the service again`,
      );
      expect(failure.describe('zh')).toContain('下次启动时会重新复制');

      // October stands in the index; November, which would read October's report, was never claimed.
      expect(service.store.audit(october)).toMatchObject({ status: 'done' });
      expect(service.store.audit(november)).toMatchObject({ status: 'queued' });
      await service.queue.whenIdle();
      expect(service.store.audit(november)).toMatchObject({ status: 'queued' });
    } finally {
      await service.close();
    }

    // A start that cannot mend the folder says so, and leaves nothing open: the index closed, its
    // write-ahead log folded in.
    const refused = await testService(data, { workerFile: WORKER, jobs: 1 }).then(
      () => new Error('started'),
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DutyAuditError);
    expect((refused as DutyAuditError).file).toBe(inTheWay);
    expect(existsSync(join(data, 'index.sqlite-wal'))).toBe(false);

    // The cause removed, the next start copies October's report and November reads it.
    rmSync(inTheWay, { recursive: true });
    const restarted = await testService(data, { workerFile: WORKER, jobs: 1 });
    try {
      await restarted.queue.whenIdle();
      const octoberReport = readFileSync(restarted.store.reportFile(october, 'json'));
      expect(readFileSync(inTheWay)).toEqual(octoberReport);
      expect(restarted.store.audit(november)).toMatchObject({ status: 'done', history: [sha(octoberReport)] });
    } finally {
      await restarted.close();
    }
  }, 60_000);
});
