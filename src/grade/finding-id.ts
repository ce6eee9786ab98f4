/**
 * Stable finding ids (docs/grading.md): the same month audited twice gives the same ids, and a
 * later month gives the same act the same id, so `--history` can tell an act already reported.
 * The hash covers the rule and the record's identity, not its row number, so inserting a row
 * above does not change ids. Findings on no dated record (the staff, item, center and ledger
 * scopes, e.g. 二.3's error count) hash the period too: each month they are a new act.
 */
import { hash } from 'node:crypto';
import type { RawFinding } from '../findings/types.js';
import type { Scope } from '../facts/scopes.js';

type Identified = Pick<RawFinding, 'ruleId' | 'ref' | 'subject' | 'scope'>;

const UNDATED_SCOPES: ReadonlySet<Scope> = new Set<Scope>(['staff', 'item', 'center', 'ledger']);

/** Whether a finding of this scope is a new act every month (its id hashes the period). */
export function isMonthlyAct(scope: Scope): boolean {
  return UNDATED_SCOPES.has(scope);
}

export function findingIdBase(f: Identified, period: string): string {
  const identity = `${f.ruleId}|${f.ref.sheet}|${f.ref.key}|${f.subject.name}`;
  // One-shot: a Hash object per finding held native memory until the collector reached it.
  return 'F-' + hash('sha256', isMonthlyAct(f.scope) ? `${identity}|${period}` : identity, 'hex').slice(0, 12);
}

/** Ids for findings already in their stable output order; repeats get `#2`, `#3`… */
export function assignFindingIds(findings: readonly Identified[], period: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = findingIdBase(f, period);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
