/**
 * Stable finding ids (SPEC §5): the same month audited twice gives the same ids, so an
 * inspector can refer to "F-3a9c…" across re-runs. The hash covers the rule and the record's
 * identity, not its row number, so inserting a row above does not change ids.
 */
import { createHash } from 'node:crypto';
import type { RawFinding } from '../findings/types.js';

export function findingIdBase(f: Pick<RawFinding, 'ruleId' | 'ref' | 'subject'>): string {
  const input = `${f.ruleId}|${f.ref.sheet}|${f.ref.key}|${f.subject.name}`;
  return 'F-' + createHash('sha256').update(input, 'utf8').digest('hex').slice(0, 12);
}

/** Ids for findings already in their stable output order; repeats get `#2`, `#3`… */
export function assignFindingIds(findings: readonly Pick<RawFinding, 'ruleId' | 'ref' | 'subject'>[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = findingIdBase(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
