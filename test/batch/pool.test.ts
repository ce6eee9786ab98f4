/**
 * Running audits on workers (src/batch/pool.ts): the real worker pool (piscina + worker_threads,
 * TypeScript loaded through tsx) with a worker that dies on purpose, since a dead worker must
 * fail only its own input; and at most `jobs` audits in flight.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashFailure, createWorkerPool, mapLimit } from '../../src/batch/pool.js';
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
    expect(result.exitCode).toBe(3);
  });
});

describe('a worker that died', () => {
  it('is that input’s worker-crashed failure, quoting why it stopped', () => {
    expect(crashFailure(new Error('worker exited with code: 134'))).toMatchObject({ code: 'worker-crashed', message: expect.stringContaining('code: 134') });
    expect(crashFailure(new Error('x')).hint).toMatch(/--jobs/);
  });
});

describe('mapLimit', () => {
  it('never runs more than `jobs` at once and keeps the order of results', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 1], 2, async (ms, i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running -= 1;
      return i * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  it('handles no items and more jobs than items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    expect(await mapLimit([1], 8, async (x) => x + 1)).toEqual([2]);
  });
});
