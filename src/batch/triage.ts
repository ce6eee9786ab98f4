/**
 * Before any audit: each discovered input is settled at once (missing, wrong kind, too large,
 * or unchanged since the manifest's run) or left pending for a worker.
 */
import type { ManifestEntry, Manifest } from './manifest.js';
import { reusable } from './manifest.js';
import { inputSha256 } from './input-hash.js';
import { precheck } from './precheck.js';
import type { BatchEntry, BatchInput } from './types.js';

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
}

export async function triage(input: BatchInput, ctx: TriageContext): Promise<BatchEntry | Pending> {
  const failure = precheck(input, ctx.maxBytes);
  if (failure) return { status: 'failed', input, failure, fromManifest: false };
  const sha256 = await inputSha256(input);
  const previous = ctx.manifest.entries[input.path];
  const kept = ctx.force ? undefined : reusable(previous, { sha256, rulesHash: ctx.rulesHash, options: ctx.options }, ctx.outDir);
  if (kept?.status === 'audited') return { status: 'skipped', input, sha256, report: kept.report, summary: kept.summary };
  if (kept?.status === 'failed') return { status: 'failed', input, sha256, failure: kept.failure, fromManifest: true };
  return { input, sha256, previous };
}

export function isPending(x: BatchEntry | Pending): x is Pending {
  return !('status' in x);
}
