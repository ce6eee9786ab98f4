/**
 * Outputs never overwrite an input or each other: `audit L.xlsx --out L.xlsx` would replace the
 * ledger with its own report, and `--out r.xlsx --json r.xlsx` would leave JSON where the report
 * should be. Paths are compared as the file system resolves them: through symbolic links and
 * `..`, and case-insensitively where the folder's file system ignores case (macOS, Windows); two
 * existing files are the same when their device and inode are (hard links too).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';

export interface NamedPath {
  path: string;
  /** How the user named it: `--out`, `--json`, or a message (`write.label.theLedger`…). */
  label: string | Message;
}

interface Identity {
  /** The resolved path, case-folded where the file system ignores case. */
  key: string;
  /** `dev:ino` of an existing file. */
  inode?: string;
}

/** Throws `output-clash` (exit 2) naming both paths when an output is an input or another output. */
export function refuseClashingOutputs(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): void {
  const seen: { named: NamedPath; id: Identity; output: boolean }[] = inputs.map((named) => ({ named, id: identityOf(named.path), output: false }));
  for (const named of outputs) {
    const id = identityOf(named.path);
    const other = seen.find((s) => sameFile(s.id, id));
    if (other) throw clash(named, other.named, other.output);
    seen.push({ named, id, output: true });
  }
}

function clash(output: NamedPath, other: NamedPath, isOutput: boolean): DutyAuditError {
  const params = { label: output.label, path: output.path, other: other.label, otherPath: output.path === other.path ? '' : msg('write.otherPath', { path: other.path }) };
  return new DutyAuditError('output-clash', isOutput ? msg('write.clash.output', params) : msg('write.clash.input', params), {
    file: output.path,
    hint: msg('write.clash.hint', { label: output.label }),
  });
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.key === b.key || (a.inode !== undefined && a.inode === b.inode);
}

function identityOf(path: string): Identity {
  const absolute = resolve(path);
  if (existsSync(absolute)) {
    const real = realpathSync.native(absolute);
    const stats = statSync(real);
    return { key: folded(real), inode: `${stats.dev}:${stats.ino}` };
  }
  // Not written yet: resolve the deepest folder that exists, and keep the rest as given.
  let folder = dirname(absolute);
  const rest = [basename(absolute)];
  while (!existsSync(folder) && dirname(folder) !== folder) {
    rest.unshift(basename(folder));
    folder = dirname(folder);
  }
  const real = existsSync(folder) ? realpathSync.native(folder) : folder;
  return { key: folded(join(real, ...rest), real) };
}

/** The path case-folded when the file system of `folder` ignores case. */
function folded(path: string, folder = dirname(path)): string {
  return ignoresCase(folder) ? path.toLowerCase() : path;
}

const CASE_CHECKED = new Map<string, boolean>();

/** Whether `folder`'s file system ignores case: its path with one letter's case flipped is the same folder. */
function ignoresCase(folder: string): boolean {
  let known = CASE_CHECKED.get(folder);
  if (known !== undefined) return known;
  let i = folder.length - 1;
  while (i >= 0 && !/[A-Za-z]/.test(folder[i]!)) i--;
  if (i < 0) {
    known = process.platform === 'darwin' || process.platform === 'win32';
  } else {
    const c = folder[i]!;
    const flipped = folder.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + folder.slice(i + 1);
    try {
      const a = statSync(folder);
      const b = statSync(flipped);
      known = a.dev === b.dev && a.ino === b.ino;
    } catch {
      known = false;
    }
  }
  CASE_CHECKED.set(folder, known);
  return known;
}
