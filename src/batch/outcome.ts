/** What a finished batch amounts to: its exit code and the period its summary is named after. */
import type { Grade } from '../grade-scale.js';
import { reaches } from './center-summary.js';
import type { BatchEntry } from './types.js';
import { compareText } from '../text.js';

/** 2 when any input failed, else 1 when a center reaches --fail-on, else 0 (SPEC §7). */
export function exitCodeOf(entries: BatchEntry[], failOn: Grade | undefined): 0 | 1 | 2 {
  if (entries.some((e) => e.status === 'failed')) return 2;
  if (failOn && entries.some((e) => e.status !== 'failed' && reaches(e.summary, failOn))) return 1;
  return 0;
}

/** The month most audited inputs cover (earliest on a tie), or `unknown` when none was audited. */
export function commonestPeriod(entries: BatchEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.status !== 'failed') counts.set(e.summary.period, (counts.get(e.summary.period) ?? 0) + 1);
  let best = 'unknown';
  let bestCount = 0;
  for (const [period, n] of [...counts].sort(([a], [b]) => compareText(a, b))) {
    if (n > bestCount) [best, bestCount] = [period, n];
  }
  return best;
}

export function byInputPath(a: BatchEntry, b: BatchEntry): number {
  return compareText(a.input.path, b.input.path);
}
