/**
 * What a batch audits: every .xlsx, every folder holding CSV files (one center-month), and every
 * other upload-like file — the last so it is listed as the wrong kind instead of vanishing.
 */
import { displayPath } from '../display-path.js';
import { statSync } from 'node:fs';
import { basename, dirname, extname, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { BatchInput } from './types.js';
import { compareText } from '../text.js';

export interface Discovery {
  inputs: BatchInput[];
  /** Arguments that named nothing: no such file or folder, or a glob matching nothing. */
  unmatched: string[];
}

export interface DiscoverOptions {
  cwd?: string;
  /** Never audit our own output (the out folder may sit inside an input folder). */
  exclude?: string[];
}

export async function discoverInputs(args: string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const excluded = (options.exclude ?? []).map((p) => resolve(cwd, p));
  const files = new Set<string>();
  const unmatched: string[] = [];

  for (const arg of args) {
    const found = await filesOf(arg, cwd);
    // An existing folder that holds nothing loses no upload; a path or glob naming nothing might.
    if (found.length === 0 && statKind(resolve(cwd, arg)) !== 'dir') unmatched.push(arg);
    for (const f of found) if (!excluded.some((x) => isInside(f, x))) files.add(f);
  }
  return { inputs: classify([...files], cwd), unmatched };
}

async function filesOf(arg: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, arg);
  const kind = statKind(path);
  if (kind === 'file') return [path];
  if (kind === 'dir') return walk(path);
  if (!isDynamicPattern(arg)) return [];
  // Uploads arrive as .xlsx and .XLSX alike.
  const matches = await glob(arg, { cwd, absolute: true, onlyFiles: false, dot: false, expandDirectories: false, caseSensitiveMatch: false });
  const out: string[] = [];
  for (const m of matches) {
    const p = resolve(m);
    const k = statKind(p);
    if (k === 'file') out.push(p);
    else if (k === 'dir') out.push(...(await walk(p)));
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const found = await glob('**/*', { cwd: dir, absolute: true, onlyFiles: true, dot: false });
  return found.map((f) => resolve(f));
}

function statKind(path: string): 'file' | 'dir' | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/** Office lock files and desktop litter are not uploads; everything else is accounted for. */
function isLitter(file: string): boolean {
  const name = basename(file);
  return name.startsWith('~$') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

function classify(files: string[], cwd: string): BatchInput[] {
  const inputs = new Map<string, BatchInput>();
  for (const file of files) {
    if (isLitter(file)) continue;
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
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
