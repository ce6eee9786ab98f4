/** The rule-set hash: what a report cites so that a rerun can prove it used the same rules. */
import { createHash } from 'node:crypto';
import { compareText } from '../text.js';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * SHA-256 over `path NUL bytes NUL` of every file, sorted by path: renaming a file or moving
 * bytes between files changes the hash, and so does any edit.
 */
export function ruleSetHash(files: { path: string; bytes: Uint8Array }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => compareText(a.path, b.path))) {
    h.update(f.path).update('\0').update(f.bytes).update('\0');
  }
  return h.digest('hex');
}
