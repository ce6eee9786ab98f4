/**
 * The one way duty-audit writes a file a person reads afterwards (reports, JSON, the district
 * summary, the batch manifest, rules/README.md, the sample): into a temporary file of its own
 * beside the target (temp-name.ts), flushed to the disk (fsync), then renamed over the target.
 * A rename within one folder is atomic, so the target is always either the old file or the whole
 * new one: never a half-written report after a full disk, a crash or Ctrl+C, and two runs
 * writing the same target never write into each other's temporary file. The temporary file is
 * removed when the write fails and when the process is stopped (stop-cleanup.ts).
 */
import { statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeIfStopped } from './stop-cleanup.js';
import { tempPathFor } from './temp-name.js';

/** A temporary file on its way to a target: write `path`, then commit or discard it. */
export interface TempFile {
  readonly path: string;
  /** Flushes the file to the disk and renames it to `target` (default: the target it was made for). */
  commit(target?: string): Promise<void>;
  /** Removes the file (nothing happens if it is gone). */
  discard(): Promise<void>;
}

/**
 * A target that is there and is neither a file nor a folder: a device, a pipe, a socket, or a link
 * to one (`/dev/null`, `/dev/stdout`). Renaming over it replaced the node itself: run as root,
 * `audit … --json /dev/null` left /dev/null a 127 KB regular file for every program on the
 * machine. Refused before anything is written (write-error.ts says so, code ENOTFILE).
 */
export class NotAFileError extends Error {
  readonly code = 'ENOTFILE';
  constructor(readonly path: string) {
    super(`${path} is not a regular file`);
    this.name = 'NotAFileError';
  }
}

function refuseSpecialTarget(target: string): void {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    return; // Not there (or a dangling link): a new file is made.
  }
  if (!stats.isFile() && !stats.isDirectory()) throw new NotAFileError(target);
}

/**
 * A fresh temporary file name for `target` (the file itself is created by whoever writes it).
 * Throws NotAFileError when the target is a device or pipe.
 */
export function openTemp(target: string): TempFile {
  refuseSpecialTarget(target);
  const path = tempPathFor(target);
  const forget = removeIfStopped(path);
  return {
    path,
    async commit(to = target) {
      await flushToDisk(path);
      await rename(path, to);
      forget();
      await flushFolder(dirname(to));
    },
    async discard() {
      forget();
      await rm(path, { force: true });
    },
  };
}

/**
 * Writes `target` through a temporary file: `produce` writes the path it is given and resolves
 * once the file is closed. The target's folder is created when missing.
 */
export async function writeFileAtomically(target: string, produce: (path: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = openTemp(target);
  try {
    await produce(temp.path);
    await temp.commit();
  } catch (error) {
    await temp.discard();
    throw error;
  }
}

export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeFileAtomically(target, async (path) => {
    const file = await open(path, 'wx');
    try {
      await file.writeFile(text, 'utf8');
    } finally {
      await file.close();
    }
  });
}

/** fsync: the data is on the disk before the rename makes it the target. */
async function flushToDisk(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** fsync of the folder makes the rename itself durable; folders cannot be opened on Windows. */
async function flushFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares) refuse fsync on a folder; the rename has happened.
  }
}
