/**
 * What a batch audits: every .xlsx, every folder holding CSV files (one center-month), and every
 * other upload-like file — the last so it is listed as the wrong kind instead of vanishing.
 *
 * Symbolic links inside a folder are resolved, never followed out of it: a link whose real file
 * or folder lies inside the folder adds nothing (the walk reaches the real one, which is audited
 * once), and a link leading outside the folder, or to nothing, is listed as failed with the
 * reason. (Before, a batch followed links out of its folder and audited one ledger four times.)
 * Every input is known by its real path, so two arguments or two links naming one file give one
 * input. A file or folder named directly as an argument is taken wherever it leads: the user
 * chose it.
 */
import { displayPath } from '../display-path.js';
import { readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { glob, isDynamicPattern } from 'tinyglobby';
import { msg } from '../messages/catalogue.js';
import { isLitterFileName } from '../ledger/names.js';
import { errorCodeText } from '../output/write-error.js';
import { isLink } from '../rules/files.js';
import { batchFailure, type BatchFailure, type BatchInput } from './types.js';
import { compareText } from '../text.js';

export interface Discovery {
  inputs: BatchInput[];
  /** Arguments that named nothing: no such file or folder, or a glob matching nothing. */
  unmatched: string[];
  /** Links found inside a folder that are broken or lead out of it, and what cannot be read (a folder without permission): listed as failed. */
  refused: { input: BatchInput; failure: BatchFailure }[];
}

export interface DiscoverOptions {
  cwd?: string;
  /** Never audit our own output (the out folder may sit inside an input folder). */
  exclude?: string[];
}

interface Found {
  /** Real path → the path it was first found by. */
  files: Map<string, string>;
  refused: Map<string, { input: BatchInput; failure: BatchFailure }>;
  cwd: string;
}

export async function discoverInputs(args: string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const excluded = (options.exclude ?? []).map((p) => realOrSelf(resolve(cwd, p)));
  const found: Found = { files: new Map(), refused: new Map(), cwd };
  const unmatched: string[] = [];

  // An existing folder that holds nothing loses no upload; a path or glob naming nothing might.
  for (const arg of args) {
    if (insideExcluded(arg, excluded, found)) continue;
    if (!(await collect(arg, found))) unmatched.push(arg);
  }
  const files = [...found.files].filter(([real]) => !excluded.some((x) => isInside(real, x))).map(([, path]) => path);
  return { inputs: classify(files, cwd), unmatched, refused: [...found.refused.values()] };
}

/**
 * An argument that is the out folder or lies inside it is refused as a whole, naming the folder:
 * the walk passes over the out folder (it holds this batch's own reports), so what the argument
 * names would otherwise vanish without a word (before, `batch reports/late.xlsx --out reports`
 * audited nothing of it and said nothing). A folder that merely holds the out folder is walked
 * as usual, the out folder left out.
 */
function insideExcluded(arg: string, excluded: readonly string[], found: Found): boolean {
  const named = resolve(found.cwd, isDynamicPattern(arg) ? globBase(arg) : arg);
  const out = excluded.find((x) => isInside(realOrSelf(named), x));
  if (out === undefined) return false;
  const path = resolve(found.cwd, arg);
  const failure = batchFailure('output-clash', msg('batch.insideOut', { input: arg, out: displayPath(out, found.cwd) }), msg('batch.insideOut.hint', { out: displayPath(out, found.cwd) }));
  if (!found.refused.has(path)) found.refused.set(path, { input: { path, display: arg, kind: extname(arg).toLowerCase() === '.xlsx' ? 'xlsx' : 'other' }, failure });
  return true;
}

/** Adds what `arg` names; false when it names nothing at all. */
async function collect(arg: string, found: Found): Promise<boolean> {
  if (take(resolve(found.cwd, arg), found)) return true;
  if (!isDynamicPattern(arg)) return false;
  // Uploads arrive as .xlsx and .XLSX alike. Links are not followed by the glob: each match is
  // looked at below, inside the folder the glob starts from.
  const matches = await glob(arg, {
    cwd: found.cwd,
    absolute: true,
    onlyFiles: false,
    dot: false,
    expandDirectories: false,
    caseSensitiveMatch: false,
    followSymbolicLinks: false,
  });
  if (matches.length === 0) return false;
  for (const m of matches) {
    const p = resolve(m);
    if (isLink(p)) {
      const root = resolve(found.cwd, globBase(arg));
      checkLink(p, realOrSelf(root), found);
      continue;
    }
    take(p, found);
  }
  return true;
}

/**
 * A file is added, a folder walked, and a path that cannot be looked at listed as failed; false
 * when there is nothing there (or neither a file nor a folder).
 */
function take(path: string, found: Found): boolean {
  let kind: ReturnType<typeof statKind>;
  try {
    kind = statKind(path);
  } catch (error) {
    unreadable(path, error, found);
    return true;
  }
  if (kind === 'file') add(path, found);
  else if (kind === 'dir') walk(path, realOrSelf(path), found);
  return kind !== undefined;
}

/** Every file under `dir` (hidden files and folders left out), links resolved within `rootReal`. */
function walk(dir: string, rootReal: string, found: Found): void {
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      // A folder that cannot be listed may hold uploads: listed as failed, never passed over.
      unreadable(current, error, found);
      continue;
    }
    for (const entry of entries) {
      const name = utf8Name(entry.name);
      if (name === undefined) {
        const shown = iconv.decode(entry.name, 'gb18030');
        if (!isLitterFileName(shown)) notUtf8(join(current, shown), found);
        continue;
      }
      if (name.startsWith('.')) continue;
      const path = join(current, name);
      if (entry.isSymbolicLink()) checkLink(path, rootReal, found);
      else if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) add(path, found);
    }
  }
}

/** A link inside a folder: fine when it leads inside (the walk reaches its target), else refused. */
function checkLink(path: string, rootReal: string, found: Found): void {
  // A CSV sheet: its folder is the input, and the CSV reader reads the link or says why not.
  if (extname(path).toLowerCase() === '.csv') {
    if (!found.files.has(path)) found.files.set(path, path);
    return;
  }
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    refuse(path, found, batchFailure('bad-link', msg('batch.linkBroken', { input: displayPath(path, found.cwd), target: readlinkSync(path) }), msg('batch.linkBroken.hint')));
    return;
  }
  if (isInside(real, rootReal)) return;
  refuse(path, found, batchFailure('bad-link', msg('batch.linkOutside', { input: displayPath(path, found.cwd), real }), msg('batch.linkOutside.hint')));
}

/**
 * A name as text, or undefined when its bytes are not UTF-8: a zip from a Chinese Windows tool,
 * unpacked here, names its files in GBK. Node would read such a name with replacement characters
 * and no file has that name, so it cannot be opened (the batch stopped at the first one, an
 * internal error); it is listed as failed instead, under its GBK reading.
 */
export function utf8Name(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}

function notUtf8(shownPath: string, found: Found): void {
  const input = displayPath(shownPath, found.cwd);
  refuse(shownPath, found, batchFailure('cannot-read', msg('batch.nameNotUtf8', { input }), msg('batch.nameNotUtf8.hint')));
}

function unreadable(path: string, error: unknown, found: Found): void {
  refuse(path, found, batchFailure('cannot-read', msg('batch.unreadable', { input: displayPath(path, found.cwd), reason: errorCodeText(error) }), msg('batch.unreadable.hint')));
}

function refuse(path: string, found: Found, failure: BatchFailure): void {
  const kind = extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'other';
  if (!found.refused.has(path)) found.refused.set(path, { input: { path, display: displayPath(path, found.cwd), kind }, failure });
}

function add(path: string, found: Found): void {
  const real = realOrSelf(path);
  if (!found.files.has(real)) found.files.set(real, path);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** The folder a glob starts from: its path up to the first segment with a pattern. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

/** A file, a folder, or neither (also: nothing there); throws when the path cannot be looked at (no permission, I/O). */
function statKind(path: string): 'file' | 'dir' | undefined {
  let st;
  try {
    st = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return undefined;
    throw error;
  }
  return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
}

function classify(files: string[], cwd: string): BatchInput[] {
  const inputs = new Map<string, BatchInput>();
  for (const file of files) {
    // Office lock files and desktop litter are not uploads; everything else is accounted for.
    if (isLitterFileName(basename(file))) continue;
    const ext = extname(file).toLowerCase();
    if (ext === '.csv') {
      const folder = dirname(file);
      inputs.set(folder, { path: folder, display: displayPath(folder, cwd) + '/', kind: 'csv-folder' });
    } else {
      inputs.set(file, { path: file, display: displayPath(file, cwd), kind: ext === '.xlsx' ? 'xlsx' : 'other' });
    }
  }
  return [...inputs.values()].sort((a, b) => compareText(a.path, b.path));
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
