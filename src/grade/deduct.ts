/**
 * Bonus deductions (SPEC §5): each finding graded `deduction` deducts `deduction_yuan`, in
 * date order, until the person's `monthly_cap_yuan` is reached. Centers have no bonus.
 */
import type { RawFinding } from '../findings/types.js';
import type { Grade } from '../grade-scale.js';
import type { Policy } from '../rules/types.js';
import { byDateThenRow } from './order.js';

/** Yuan per finding, index-aligned with `findings` and their final `grades`. */
export function deductions(
  findings: readonly Pick<RawFinding, 'subject' | 'date' | 'ref' | 'ruleId'>[],
  grades: readonly Grade[],
  policy: Pick<Policy, 'deduction_yuan' | 'monthly_cap_yuan'>,
): number[] {
  const out = findings.map(() => 0);
  const taken = new Map<string, number>();
  const order = findings.map((_, i) => i).filter((i) => grades[i] === 'deduction' && findings[i]!.subject.kind === 'staff');
  order.sort((a, b) => byDateThenRow(findings[a]!, findings[b]!) || a - b);
  for (const i of order) {
    const f = findings[i]!;
    const already = taken.get(f.subject.name) ?? 0;
    const amount = Math.max(0, Math.min(policy.deduction_yuan, policy.monthly_cap_yuan - already));
    taken.set(f.subject.name, already + amount);
    out[i] = amount;
  }
  return out;
}
