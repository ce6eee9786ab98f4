/**
 * An inspector downloading a report while its audit runs again (an earlier month changed, or the
 * same file uploaded again): the worker renames a new report over the old one at any moment. A
 * download is one whole report, its Content-Length its own. It took the length from the path, then
 * opened the path again to send it, so a report renamed in between went out under the old one's
 * length: cut short, or running past the end into the next response.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/serve/server.js';
import type { JobOutcome, StagedUpload } from '../../src/serve/store.js';
import { tempDir, testService } from './helpers.js';

const tmp = tempDir();
let service: Service;
let id: string;
const versions = [Buffer.alloc(200_000, 'a'), Buffer.alloc(50_000, 'b')];

beforeAll(async () => {
  service = await testService(join(tmp.dir, 'data'), { jobs: 1 });
  await service.queue.close(); // this test plays the worker itself
  const temp = service.store.receivingFile();
  writeFileSync(temp.path, 'a,b,c\n1,2,3\n');
  const upload: StagedUpload = { temp, name: '城东社区-2026-10-办件台账.csv', sha256: 'f'.repeat(64), bytes: 12, kind: 'csv' };
  id = (await service.store.storeUploads([upload]))[0]!.id;
  service.store.claimNextJob();
  mkdirSync(service.store.reportDir(id), { recursive: true });
  for (const format of ['xlsx', 'json'] as const) writeFileSync(service.store.reportFile(id, format), versions[0]!);
  const summary = { center: '城东', period: '2026-10', asOf: '2026-10-31', byGrade: { reminder: 0, criticism: 0, notice: 0, deduction: 0 }, findings: 0, toAct: null, dataIssues: 0, rowsRead: 1 };
  const outcome: JobOutcome = { ok: true, summary, reportSha256: 'r', history: [] };
  await service.store.finishJob(id, outcome);
});

afterAll(async () => {
  await service?.close();
  tmp.remove();
});

describe('a download while the report is written again', () => {
  it('sends one whole report with its own length, whichever it is', async () => {
    const file = service.store.reportFile(id, 'xlsx');
    // The worker's atomic writes: a complete file renamed over the report, turn after turn.
    let turn = 0;
    let writing = true;
    const rewrite = (): void => {
      if (!writing) return;
      const next = `${file}.next`;
      writeFileSync(next, versions[++turn % 2]!);
      renameSync(next, file);
      setImmediate(rewrite);
    };
    setImmediate(rewrite);
    try {
      for (let i = 0; i < 150; i++) {
        const res = await service.app.inject({ url: `/api/audits/${id}/report.xlsx` });
        expect(res.statusCode).toBe(200);
        const body = res.rawPayload;
        expect(Number(res.headers['content-length'])).toBe(body.length);
        expect(versions.some((v) => v.equals(body))).toBe(true);
      }
    } finally {
      writing = false;
    }
  });
});
