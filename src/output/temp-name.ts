/**
 * The name of a write's temporary file: hidden (a leading dot), beside its target so the
 * rename is atomic, unique to the write (two audits writing one report never share a temporary
 * file), and carrying the process id so that files a stopped process left can be told apart
 * from another process's writes in progress:
 *
 *     .<up to 60 bytes of the target's name>.<pid>-<8 hex>.partial
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { cutToBytes } from './file-name.js';

const SUFFIX = /\.(\d+)-[0-9a-f]{8}\.partial$/;
/** Enough of the name to recognise it in a listing, far below a file system's 255 bytes. */
const NAME_BYTES = 60;

export function tempPathFor(target: string): string {
  const stem = cutToBytes(basename(target), NAME_BYTES);
  return join(dirname(target), `.${stem}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
}

/** Whether a file name is a temporary file of process `pid`. */
export function isTempNameOf(name: string, pid: number): boolean {
  const match = name.startsWith('.') ? SUFFIX.exec(name) : null;
  return match !== null && Number(match[1]) === pid;
}

/** The process a temporary file's name says wrote it; undefined for any other name. */
export function tempNamePid(name: string): number | undefined {
  const match = name.startsWith('.') ? SUFFIX.exec(name) : null;
  return match ? Number(match[1]) : undefined;
}

/** Whether a file name is any process's temporary file (a stopped service's leftovers). */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && SUFFIX.test(name);
}
