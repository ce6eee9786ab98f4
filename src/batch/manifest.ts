/**
 * What the last run did, kept in the out folder so a re-run audits only what changed: per input
 * path, its content hash, the rule-set hash and options it was audited with, the key of the
 * earlier reports it read as history, and the outcome.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryFolder } from '../history/read-history.js';
import type { BatchFailure, CenterSummary, TaskOutcome } from './types.js';
import { compareText } from '../text.js';
import { writeTextAtomically } from '../output/atomic-file.js';

export const MANIFEST_FILE = 'batch-manifest.json';
const MANIFEST_VERSION = 1;

export type ManifestEntry = {
  sha256: string;
  rulesHash: string;
  /** The options that change a report (period, as-of, language, masking); see `optionsKey`. */
  options: string;
} & (
  | {
      status: 'audited';
      report: string;
      summary: CenterSummary;
      /**
       * The key of the center's earlier reports the audit read as history (historyKey). Absent
       * (a manifest written before it was kept): unknown, so the input is audited again.
       */
      history?: string;
    }
  | { status: 'failed'; failure: BatchFailure }
);

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  entries: Record<string, ManifestEntry>;
}

export function emptyManifest(): Manifest {
  return { version: MANIFEST_VERSION, entries: {} };
}

/** A missing, unreadable or older manifest means "audit everything", never a failed batch. */
export function readManifest(outDir: string): Manifest {
  const file = join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return emptyManifest();
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (data.version !== MANIFEST_VERSION || typeof data.entries !== 'object' || data.entries === null) return emptyManifest();
    return { version: MANIFEST_VERSION, entries: data.entries };
  } catch {
    return emptyManifest();
  }
}

/** Written through a temporary file (src/output/atomic-file.ts), so an interrupted run leaves the old one. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<string> {
  const file = join(outDir, MANIFEST_FILE);
  const sorted = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => compareText(a, b)));
  await writeTextAtomically(file, JSON.stringify({ version: manifest.version, entries: sorted }, null, 2) + '\n');
  return file;
}

export function optionsKey(options: { period?: string; asOf?: string; lang: string; mask: boolean }): string {
  return JSON.stringify([options.period ?? null, options.asOf ?? null, options.lang, options.mask]);
}

/**
 * The earlier outcome still stands when the content, rules and options are the same and, for an
 * audited input, its report is still there.
 */
export function reusable(
  previous: ManifestEntry | undefined,
  now: { sha256: string; rulesHash: string; options: string; history?: HistoryFolder },
  outDir: string,
): ManifestEntry | undefined {
  if (!previous) return undefined;
  if (previous.sha256 !== now.sha256 || previous.rulesHash !== now.rulesHash || previous.options !== now.options) return undefined;
  if (previous.status === 'audited' && !existsSync(join(outDir, previous.report))) return undefined;
  if (previous.status === 'audited' && now.history && !sameHistory(previous, now.history)) return undefined;
  return previous;
}

/** The earlier reports an audit of this input would read now are the ones its report was made with. */
export function sameHistory(previous: Extract<ManifestEntry, { status: 'audited' }>, folder: HistoryFolder): boolean {
  return previous.history !== undefined && previous.history === folder.keyFor(previous.summary.center, previous.summary.period);
}

/**
 * Records this run: audited inputs and the failures the audit itself found (corrupt, encrypted,
 * no cases sheet) are kept; crashes and internal errors are tried again next time. Pre-check
 * failures and skipped inputs are not passed here (nothing new to record).
 */
export function recordRun(
  manifest: Manifest,
  fresh: { input: { path: string }; sha256: string; outcome: TaskOutcome }[],
  reports: Map<string, string>,
  run: { rulesHash: string; options: string },
): void {
  for (const f of fresh) {
    const base = { sha256: f.sha256, rulesHash: run.rulesHash, options: run.options };
    const report = reports.get(f.input.path);
    const outcome = f.outcome;
    if (outcome.ok && report !== undefined) {
      // A runner that tells no history read none.
      manifest.entries[f.input.path] = { ...base, status: 'audited', report, summary: outcome.summary, history: outcome.history ?? '' };
    } else if (!outcome.ok && outcome.failure.code !== 'worker-crashed' && outcome.failure.code !== 'internal-error') {
      manifest.entries[f.input.path] = { ...base, status: 'failed', failure: outcome.failure };
    } else {
      delete manifest.entries[f.input.path];
    }
  }
}

/** Pre-check failures (missing, wrong kind, too large) are looked at afresh every run. */
export function forget(manifest: Manifest, path: string): void {
  delete manifest.entries[path];
}
