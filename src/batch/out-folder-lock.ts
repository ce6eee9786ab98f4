/**
 * One batch at a time per out folder. The folder holds state shared by every run into it — the
 * manifest (what each input came to, read at the start and written at the end) and report names
 * that stay the same from run to run (`<center>-<period>.xlsx`). Two batches at once would each
 * read the same manifest, name their reports alike and overwrite each other's reports and
 * manifest. Unique names per run would keep the files apart but break that contract (an
 * unchanged input keeps its report; one center has one report), so a second batch is refused at
 * once instead: a lock file, created only if absent, naming the process that holds it.
 *
 * A lock whose process is gone (killed with SIGKILL, a power cut) is taken over; a live one is
 * refused with exit 2, saying which process holds it.
 */
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { removeIfStopped } from '../output/stop-cleanup.js';
import { tempNamePid } from '../output/temp-name.js';

export const LOCK_FILE = '.duty-audit-batch.lock';

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** Takes the out folder's lock; resolves to the function that releases it. */
export async function lockOutFolder(outDir: string): Promise<() => Promise<void>> {
  const file = join(outDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
        await handle.writeFile(JSON.stringify(owner) + '\n');
      } finally {
        await handle.close();
      }
      const forget = removeIfStopped(file);
      await removeDeadTemps(outDir);
      return async () => {
        forget();
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await ownerOf(file);
      // An unreadable lock may be one being written this instant: only a dead owner is taken over.
      if (attempt > 0 || !owner || isAlive(owner)) throw busy(outDir, file, owner);
      await rm(file, { force: true });
    }
  }
}

/**
 * Temporary files a batch killed outright (SIGKILL, a power cut) left in the folder: nothing
 * removes them on the way out, so the batch that takes the folder next does. Only those whose
 * process is gone: `duty-audit audit --out` may be writing into the same folder this moment.
 */
async function removeDeadTemps(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    const pid = tempNamePid(name);
    if (pid !== undefined && !isAlive({ pid, host: hostname(), started: '' })) await rm(join(outDir, name), { force: true });
  }
}

async function ownerOf(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** On another machine (a shared folder) the process cannot be checked: it counts as alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(outDir: string, file: string, owner: LockOwner | undefined): DutyAuditError {
  const who = owner ? msg('batch.outFolderBusy.owner', { pid: owner.pid, host: owner.host, started: owner.started }) : msg('batch.outFolderBusy.unknown');
  return new DutyAuditError('out-folder-busy', msg('batch.outFolderBusy', { out: outDir, who }), { file, hint: msg('batch.outFolderBusy.hint', { lock: file }) });
}
