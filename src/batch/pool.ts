/**
 * Running the pending inputs on worker threads: a piscina pool of at most `jobs` threads, each
 * running one audit at a time. An audit is CPU-bound work between a few reads of its file, so a
 * second audit in the same thread would only take turns with the first on one core while both
 * ledgers sit in memory; the threads are the parallelism. A worker that dies (out of memory, a
 * crash) rejects only its own task, which becomes that input's failure; piscina starts a new
 * worker for the next one. Each report goes to a temporary name first; it is named once every
 * audit is in (report-names.ts).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { displayPath } from '../display-path.js';
import { openTemp, type TempFile } from '../output/atomic-file.js';
import type { Pending } from './triage.js';
import { msg } from '../messages/catalogue.js';
import { batchFailure, type AuditTask, type BatchEntry, type BatchFailure, type TaskOutcome, type TaskRunner } from './types.js';

/** Runs tasks on the worker threads; the upload service passes its own worker and task types. */
export interface WorkerPool<Task = AuditTask, Outcome = TaskOutcome> {
  run: (task: Task) => Promise<Outcome>;
  close(): Promise<void>;
}

export interface PoolOptions {
  jobs: number;
  /** The worker module (default: ./worker.js beside this file; a test may pass its own). */
  workerFile?: string | URL;
}

export function createWorkerPool<Task = AuditTask, Outcome = TaskOutcome>(options: PoolOptions): WorkerPool<Task, Outcome> {
  const filename = workerUrl(options.workerFile);
  // Loaded here, not at start-up: only `batch` and `serve` run workers (~15-30 ms of CPU for every other command).
  const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as { Piscina: typeof Piscina };
  const piscina = new Pool<Task, Outcome>({
    filename,
    minThreads: 0,
    maxThreads: Math.max(1, options.jobs),
    concurrentTasksPerWorker: 1,
    idleTimeout: 1_000,
    ...(filename.endsWith('.ts') ? { execArgv: tsxExecArgv() } : {}),
  });
  return {
    run: (task) => piscina.run(task),
    close: () => piscina.destroy(),
  };
}

function workerUrl(file: string | URL | undefined): string {
  if (file instanceof URL) return file.href;
  if (typeof file === 'string') return file.startsWith('file:') ? file : pathToFileURL(file).href;
  // From src/ (vitest, tsx) this module is .ts and so is its worker; from dist/ both are .js.
  const own = fileURLToPath(import.meta.url);
  return new URL(own.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url).href;
}

/**
 * Workers start as plain Node, which cannot load TypeScript: when running from source, each
 * worker registers tsx (a devDependency) first. Resolved to a file URL so the working folder
 * does not matter.
 */
function tsxExecArgv(): string[] {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href];
}

/** A worker that exited or ran out of memory takes only its own input down. */
export function crashFailure(err: unknown): BatchFailure {
  const reason = err instanceof Error ? err.message : String(err);
  return batchFailure('worker-crashed', msg('batch.workerCrashed', { reason }), msg('batch.workerCrashed.hint'));
}

// ---- dispatch: at most `jobs` audits in flight ----

export interface Fresh extends Pending {
  /** The report, complete but not yet named (committed by report-names.ts). */
  temp: TempFile;
  /** Its JSON report (the center's history), committed beside it. */
  jsonTemp: TempFile;
  outcome: TaskOutcome;
}

export interface DispatchContext {
  run: TaskRunner;
  jobs: number;
  outDir: string;
  task: Pick<AuditTask, 'period' | 'asOf' | 'rulesDir' | 'lang' | 'mask' | 'historyDir' | 'limits' | 'ruleLimits'>;
  /** Told as each input finishes (a report name is settled later, so it is '' here). */
  settled: (entry: BatchEntry) => void;
}

export async function dispatch(pending: Pending[], ctx: DispatchContext): Promise<Fresh[]> {
  return mapLimit(pending, ctx.jobs, async (p) => {
    // A temporary file of this process (removed if it is stopped), which the worker writes as it is.
    const temp = openTemp(join(ctx.outDir, 'report.xlsx'));
    const jsonTemp = openTemp(join(ctx.outDir, 'report.json'));
    // As the user would name it (workers share this process's working folder), so messages and
    // the report's 运行信息 show the path the way `duty-audit audit` would.
    const task: AuditTask = { ...ctx.task, input: displayPath(p.input.path, process.cwd()), kind: p.input.kind, reportFile: temp.path, jsonReportFile: jsonTemp.path };
    const outcome = await ctx.run(task).catch((err: unknown): TaskOutcome => ({ ok: false, failure: crashFailure(err) }));
    if (outcome.ok) {
      ctx.settled({ status: 'audited', input: p.input, sha256: p.sha256, report: '', summary: outcome.summary });
    } else {
      await temp.discard();
      await jsonTemp.discard();
      ctx.settled({ status: 'failed', input: p.input, sha256: p.sha256, failure: outcome.failure, fromManifest: false });
    }
    return { ...p, temp, jsonTemp, outcome };
  });
}

/** Runs `work` over `items` with at most `jobs` in flight; results keep the items' order. */
export async function mapLimit<T, R>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, lane));
  return results;
}
