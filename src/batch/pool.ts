/**
 * The worker pool (piscina over node:worker_threads). Each worker runs one task at a time, so an
 * audit's json-rules-engine engine is never run concurrently (LIBRARY-NOTES: concurrent runs on
 * one engine skip rules). A worker that dies rejects only its own task; piscina starts another.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { AuditTask, TaskOutcome, TaskRunner } from './task.js';

export interface WorkerPool {
  run: TaskRunner;
  close(): Promise<void>;
}

export interface PoolOptions {
  jobs: number;
  /** The worker module (default: ./worker.js beside this file; a test may pass its own). */
  workerFile?: string | URL;
}

export function createWorkerPool(options: PoolOptions): WorkerPool {
  const filename = workerUrl(options.workerFile);
  const piscina = new Piscina<AuditTask, TaskOutcome>({
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
