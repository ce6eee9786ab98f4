/**
 * The real worker pool (piscina + worker_threads, TypeScript loaded through tsx) with a worker
 * that dies on purpose: a dead worker fails only its own input.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/batch/pool.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { tempDir, writeFile } from './helpers.js';

const crashingWorker = new URL('../fixtures/batch/crashing-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('runs tasks on worker threads, not the test thread', async () => {
    const root = tempDir('pool');
    const pool = createWorkerPool({ jobs: 2, workerFile: crashingWorker });
    try {
      const outcome = await pool.run({ input: join(root, 'ok.xlsx'), kind: 'xlsx', reportFile: join(root, 'r.xlsx'), lang: 'zh', mask: true });
      expect(outcome.ok).toBe(true);
      expect(outcome.ok && outcome.summary.toAct?.names[0]).toMatch(/^threadId [1-9]\d*$/);
    } finally {
      await pool.close();
    }
  });

  it('a worker that exits, throws outside its task or rejects fails only its own input', async () => {
    const root = tempDir('pool-crash');
    for (const name of ['a-ok', 'b-exit', 'c-ok', 'd-uncaught', 'e-ok', 'f-reject', 'g-ok']) writeFile(join(root, 'in', `${name}.xlsx`), name);
    const result = await runBatch(['in'], { out: 'out', cwd: root, jobs: 2, workerFile: crashingWorker });
    const outcome = Object.fromEntries(result.entries.map((e) => [e.input.display, e.status === 'failed' ? e.failure.code : e.status]));
    expect(outcome).toEqual({
      'in/a-ok.xlsx': 'audited',
      'in/b-exit.xlsx': 'worker-crashed',
      'in/c-ok.xlsx': 'audited',
      'in/d-uncaught.xlsx': 'worker-crashed',
      'in/e-ok.xlsx': 'audited',
      'in/f-reject.xlsx': 'worker-crashed',
      'in/g-ok.xlsx': 'audited',
    });
    const exit = result.entries.find((e) => e.input.display === 'in/b-exit.xlsx');
    expect(exit?.status === 'failed' && exit.failure.message).toMatch(/exited with code: 7/);
    expect(result.exitCode).toBe(2);
  });
});
