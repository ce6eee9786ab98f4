/**
 * Repeat escalation (失职追究制/三, docs/grading.md): the same staff member hitting the same clause
 * again in the period moves up one grade every `escalate_every` occurrences, capped at
 * `escalate_cap`. Only people escalate; a center's findings keep their base grade.
 */
import type { EscalationReason, RawFinding } from '../findings/types.js';
import type { Policy } from '../rules/types.js';
import { gradeRank, raiseGrade, type Grade } from '../grade-scale.js';
import { byEventOrder } from './order.js';

export interface Escalated {
  grade: Grade;
  escalation: EscalationReason;
}

/** Most findings are not repeats: one shared, frozen reason for all of them. */
export const NOT_ESCALATED: EscalationReason = Object.freeze({ kind: 'none' });

export function escalationFor(base: Grade, occurrence: number, policy: Pick<Policy, 'escalate_every' | 'escalate_cap'>): Escalated {
  if (occurrence <= 1) return { grade: base, escalation: NOT_ESCALATED };
  const steps = Math.floor((occurrence - 1) / Math.max(1, policy.escalate_every));
  const grade = raiseGrade(base, steps, policy.escalate_cap);
  const capped = gradeRank(base) + steps > Math.max(gradeRank(policy.escalate_cap), gradeRank(base));
  return { grade, escalation: { kind: 'repeat', occurrence, steps, capped } };
}

/** Escalation per finding, index-aligned with `raw`. */
export function escalate(raw: readonly RawFinding[], policy: Pick<Policy, 'escalate_every' | 'escalate_cap'>): Escalated[] {
  const out: Escalated[] = raw.map((f) => ({ grade: f.baseGrade, escalation: NOT_ESCALATED }));
  const groups = new Map<string, number[]>();
  raw.forEach((f, i) => {
    if (f.subject.kind !== 'staff') return;
    const key = `${f.subject.name}\u0000${f.clause}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const indexes of groups.values()) {
    indexes.sort((a, b) => byEventOrder(raw[a]!, raw[b]!) || a - b);
    indexes.forEach((index, n) => {
      out[index] = escalationFor(raw[index]!.baseGrade, n + 1, policy);
    });
  }
  return out;
}
