/**
 * The job runner: takes queued jobs from the store, oldest first, and runs at most `jobs` of
 * them at once on the worker pool (src/batch/pool.ts, with the service's own worker module).
 * The queue itself is the `jobs` table, so nothing here needs to survive a restart: at start,
 * jobs that were running are queued again (Store.recoverInterrupted) and the runner begins.
 *
 * Each act is judged once across months (docs/grading.md): an audit reads its center's earlier
 * months as history. Months can arrive in any order, so when an audit finishes the runner checks
 * every month of that center: a month whose audit started before the report of an earlier month
 * changed is queued again ('history-changed'). That settles, because a month's history is only
 * ever the months before it.
 *
 * A finished job that cannot be recorded, or whose standing report cannot be copied into the
 * history folder (a full disk, no permission), halts the queue: no job is claimed after it, since
 * a month audited now would not read the report the index says stands. `halted` then resolves
 * with the error, and whoever runs the service closes it (the CLI, exit 2); the next start mends
 * the history folder (Store.syncHistoryFolder).
 */
import { join } from 'node:path';
import { createWorkerPool, crashFailure, type WorkerPool } from '../batch/pool.js';
import type { Lang } from '../index.js';
import type { UploadLimits } from './guards.js';
import type { ClaimedJob, FinishedJob, JobOutcome, Store } from './store.js';
import type { ServeTask } from './worker.js';

export interface QueueOptions {
  jobs: number;
  lang: Lang;
  mask: boolean;
  limits: UploadLimits;
  rulesDir?: string;
  /** The pool's worker module (default: ./worker beside this file; a test may pass a slow one). */
  workerFile?: string | URL;
}

export class JobQueue {
  private readonly pool: WorkerPool<ServeTask, JobOutcome>;
  private running = 0;
  private closing = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly runningIds = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private halt!: (error: unknown) => void;
  private isHalted = false;
  /** Resolves, with what failed, when the queue has stopped taking jobs because it cannot go on (never otherwise). */
  readonly halted = new Promise<unknown>((resolve) => (this.halt = resolve));

  constructor(
    private readonly store: Store,
    private readonly options: QueueOptions,
  ) {
    this.pool = createWorkerPool<ServeTask, JobOutcome>({ jobs: options.jobs, workerFile: options.workerFile ?? defaultWorker() });
  }

  /** Queues the interrupted jobs again, brings the history folder in line, and starts running. */
  async start(): Promise<{ requeued: number; failed: number }> {
    const recovered = this.store.recoverInterrupted();
    await this.store.syncHistoryFolder();
    this.pump();
    return recovered;
  }

  /** Starts queued jobs while there is room; called after each upload and each finished job. */
  pump(): void {
    while (!this.closing && !this.isHalted && this.running < this.options.jobs) {
      const job = this.store.claimNextJob();
      if (!job) break;
      this.running += 1;
      this.runningIds.add(job.auditId);
      const run = this.run(job).finally(() => {
        this.running -= 1;
        if (!this.closing) this.runningIds.delete(job.auditId);
        this.inFlight.delete(run);
        this.pump();
        this.notifyIdle();
      });
      this.inFlight.add(run);
    }
    this.notifyIdle();
  }

  /** Resolves when nothing is queued or running (tests, the load bench). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops taking jobs and ends the pool. Jobs cut short are queued again for the next start (a
   * crash leaves them `running`, which the next start treats the same way).
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.pool.close();
    await Promise.allSettled([...this.inFlight]);
    // Stopped on purpose, not crashed: these do not count towards the attempts of a poisonous file.
    for (const auditId of this.runningIds) this.store.releaseJob(auditId);
  }

  private isIdle(): boolean {
    return this.running === 0 && (this.closing || this.isHalted || this.store.pendingJobs() === 0);
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async run(job: ClaimedJob): Promise<void> {
    const task: ServeTask = {
      auditId: job.auditId,
      kind: job.kind,
      file: job.file,
      uploadName: job.uploadName,
      // Named by the audit (one job per audit at a time): the paths a csv ledger's report names
      // are the same on every run, so a re-audit of unchanged input writes the same JSON.
      workDir: join(this.store.tmpDir, `job-${job.auditId}`),
      reportDir: this.store.reportDir(job.auditId),
      historyDir: this.store.historyDir(),
      lang: this.options.lang,
      mask: this.options.mask,
      limits: this.options.limits,
      ...(this.options.rulesDir ? { rulesDir: this.options.rulesDir } : {}),
    };
    const outcome = await this.pool.run(task).catch((err: unknown): JobOutcome => ({ ok: false, failure: crashFailure(err) }));
    if (this.closing) return; // cut short by close(): queued again for the next start
    // Records it and, when it stands, puts its report where later months read it (Store.finishJob).
    let settled: FinishedJob | undefined;
    try {
      settled = await this.store.finishJob(job.auditId, outcome);
    } catch (error) {
      this.isHalted = true;
      this.halt(error);
      return;
    }
    if (settled) this.reconcile(settled.centerId);
  }

  /**
   * Queues again each month of the center whose earlier months' reports changed after its audit
   * started. Each re-audit starts at the current generation, and a month's report only changes
   * the months after it, so this settles.
   */
  private reconcile(centerId: number): void {
    const stale = this.store.staleMonths(centerId);
    for (const auditId of stale) this.store.requeue(auditId, 'history-changed');
    if (stale.length > 0) this.pump();
  }
}

function defaultWorker(): URL {
  // From src/ (vitest, tsx) this module is .ts and so is its worker; from dist/ both are .js.
  return new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
}
