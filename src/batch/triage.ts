/**
 * Before any audit: each discovered input is settled at once (missing, the wrong kind of file,
 * too large, or unchanged since the manifest's run) or left pending for a worker. Pre-check
 * failures are cheap to find again, so they are never kept in the manifest. "Unchanged" is by
 * content: a workbook's SHA-256, or for a CSV folder a SHA-256 over each CSV's name and SHA-256
 * in name order (renaming a sheet's file changes what is read, so the name counts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { sha256File } from '../audit/inputs.js';
import { utf8Name } from './discover.js';
import { isLitterFileName, sheetKeyOfFileName } from '../ledger/names.js';
import type { HistoryFolder } from '../history/read-history.js';
import { reusable, type Manifest, type ManifestEntry } from './manifest.js';
import { msg } from '../messages/catalogue.js';
import { batchFailure, type BatchEntry, type BatchFailure, type BatchInput } from './types.js';

export interface Pending {
  input: BatchInput;
  sha256: string;
  /** The manifest's entry from the last run, if any (its report name is kept when it fits). */
  previous: ManifestEntry | undefined;
}

export interface TriageContext {
  manifest: Manifest;
  rulesHash: string;
  /** optionsKey() of this run. */
  options: string;
  outDir: string;
  maxBytes: number;
  force: boolean;
  /** The out folder's reports as history: an unchanged input whose history changed is audited again. */
  history?: HistoryFolder;
}

export async function triage(input: BatchInput, ctx: TriageContext): Promise<BatchEntry | Pending> {
  const failure = precheck(input, ctx.maxBytes);
  if (failure) return { status: 'failed', input, failure, fromManifest: false };
  const sha256 = await inputSha256(input);
  const previous = ctx.manifest.entries[input.path];
  const kept = ctx.force ? undefined : reusable(previous, { sha256, rulesHash: ctx.rulesHash, options: ctx.options, ...(ctx.history ? { history: ctx.history } : {}) }, ctx.outDir);
  if (kept?.status === 'audited') return { status: 'skipped', input, sha256, report: kept.report, summary: kept.summary };
  if (kept?.status === 'failed') return { status: 'failed', input, sha256, failure: kept.failure, fromManifest: true };
  return { input, sha256, previous };
}

export function isPending(x: BatchEntry | Pending): x is Pending {
  return !('status' in x);
}

// ---- pre-check: nothing there, the wrong kind of file, too large ----

const MB = 1024 * 1024;

export function precheck(input: BatchInput, maxBytes: number): BatchFailure | undefined {
  if (!existsSync(input.path)) return notFound(input.display);
  if (input.kind === 'other') return wrongKind(input);
  if (input.kind === 'csv-folder') {
    const ledgers = severalLedgers(input);
    if (ledgers) return ledgers;
  }
  const bytes = inputBytes(input);
  if (bytes > maxBytes) {
    const size = { input: input.display, mb: (bytes / MB).toFixed(1), max: (maxBytes / MB).toFixed(0) };
    return batchFailure('file-too-large', msg('batch.tooLarge', size), msg('batch.tooLarge.hint'));
  }
  return undefined;
}

export function notFound(what: string): BatchFailure {
  return batchFailure('file-not-found', msg('batch.notFound', { input: what }), msg('batch.notFound.hint'));
}

/**
 * A CSV folder is one center's month. One holding two cases sheets (a district's exports of
 * several centers in one folder) would be audited as the first center alone, the others' every
 * sheet a data issue of its report and missing from the district summary without a word: it is
 * failed instead, naming the files.
 */
function severalLedgers(input: BatchInput): BatchFailure | undefined {
  const cases = csvFiles(input.path).filter((name) => sheetKeyOfFileName(name.replace(/\.csv$/i, '')) === 'cases');
  if (cases.length < 2) return undefined;
  return batchFailure('several-ledgers', msg('batch.severalLedgers', { input: input.display, count: cases.length, files: cases }), msg('batch.severalLedgers.hint'));
}

function wrongKind(input: BatchInput): BatchFailure {
  const ext = extname(input.path).toLowerCase();
  const old = ext === '.xls' || ext === '.et';
  if (old) return batchFailure('not-a-workbook', msg('batch.oldFormat', { input: input.display, ext }), msg('batch.oldFormat.hint'));
  const detail = ext ? msg('batch.wrongKind', { input: input.display, ext }) : msg('batch.noExtension', { input: input.display });
  return batchFailure('not-a-workbook', detail, msg('batch.wrongKind.hint'));
}

// ---- content identity ----

export async function inputSha256(input: BatchInput): Promise<string> {
  if (input.kind !== 'csv-folder') return sha256File(input.path);
  const hash = createHash('sha256');
  for (const name of csvFiles(input.path)) {
    hash.update(`${name}\0${await sha256File(join(input.path, name))}\n`);
  }
  return hash.digest('hex');
}

/** Bytes the audit would read: the file, or every CSV of the folder. */
export function inputBytes(input: BatchInput): number {
  if (input.kind !== 'csv-folder') return statSync(input.path).size;
  return csvFiles(input.path).reduce((sum, name) => sum + statSync(join(input.path, name)).size, 0);
}

function csvFiles(folder: string): string[] {
  // A name that is not UTF-8 cannot be opened by its text; discover.ts lists it as failed.
  return readdirSync(folder, { withFileTypes: true, encoding: 'buffer' })
    .flatMap((d) => {
      const name = utf8Name(d.name);
      return name !== undefined && (d.isFile() || (d.isSymbolicLink() && isFileTarget(join(folder, name)))) && name.toLowerCase().endsWith('.csv') && !isLitterFileName(name) ? [name] : [];
    })
    .sort();
}

/** A link to a file (a broken one is left to the CSV reader, which says what is wrong with it). */
function isFileTarget(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
