/**
 * Files that must not outlive the process: the temporary files of writes in progress and the
 * batch's lock. Removed when the process exits normally, throws, calls process.exit, or is
 * stopped by SIGINT (Ctrl+C), SIGTERM or SIGHUP; after removing them a signal is raised again
 * so the process still ends the way the signal says (exit 130 for Ctrl+C in a shell).
 *
 * Only the main thread is told of signals: a worker thread's writes are swept by name instead
 * (every temporary file carries this process's id, see temp-name.ts), from each folder the main
 * thread registered.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { isTempNameOf } from './temp-name.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const files = new Set<string>();
const folders = new Map<string, number>();
let installed = false;

/** Removes `file` if the process stops before the returned function is called. */
export function removeIfStopped(file: string): () => void {
  install();
  files.add(file);
  return () => {
    files.delete(file);
  };
}

/**
 * Sweeps this process's temporary files out of `folder` if it stops (the batch's out folder,
 * where worker threads write). The returned function ends the watch (watches nest).
 */
export function sweepIfStopped(folder: string): () => void {
  install();
  folders.set(folder, (folders.get(folder) ?? 0) + 1);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const n = (folders.get(folder) ?? 1) - 1;
    if (n <= 0) folders.delete(folder);
    else folders.set(folder, n);
  };
}

/** Removes every registered file and this process's temporary files in the watched folders. */
export function removeLeftovers(): void {
  for (const file of files) rmSync(file, { force: true });
  files.clear();
  for (const folder of folders.keys()) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) if (isTempNameOf(name, process.pid)) rmSync(join(folder, name), { force: true });
  }
}

function install(): void {
  if (installed || !isMainThread) return;
  installed = true;
  process.on('exit', removeLeftovers);
  // First in line, so that the other listeners are all still there when they are counted: a
  // listener registered with `once` is gone by the time later ones run, and counted after it,
  // a server's own Ctrl+C handler looked like none and the signal was raised over it.
  for (const signal of SIGNALS) process.prependOnceListener(signal, () => stopOn(signal));
}

function stopOn(signal: (typeof SIGNALS)[number]): void {
  const others = process.listenerCount(signal);
  try {
    removeLeftovers();
  } finally {
    // Another listener (a progress bar, a server) decides what the signal does; else the default.
    if (others === 0) process.kill(process.pid, signal);
  }
}
