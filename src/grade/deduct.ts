/**
 * Bonus deductions (docs/grading.md): each finding graded `deduction` deducts `deduction_yuan`,
 * less what earlier months already charged for the same act (an open case that kept slipping
 * is charged the difference), in event order (date, sheet, row: byEventOrder), until the
 * person's `monthly_cap_yuan` is reached.
 * Centers have no bonus.
 */
import type { RawFinding } from '../findings/types.js';
import type { Grade } from '../grade-scale.js';
import type { Policy } from '../rules/types.js';
import { byEventOrder } from './order.js';

/**
 * Yuan per finding, index-aligned with `findings` and their final `grades` (the findings that
 * count only). `chargedBefore[i]`: yuan earlier reports charged for finding i (default 0).
 */
export function deductions(
  findings: readonly Pick<RawFinding, 'subject' | 'date' | 'ref' | 'ruleId'>[],
  grades: readonly Grade[],
  policy: Pick<Policy, 'deduction_yuan' | 'monthly_cap_yuan'>,
  chargedBefore: readonly number[] = [],
): number[] {
  const out = findings.map(() => 0);
  const taken = new Map<string, number>();
  const order = findings.map((_, i) => i).filter((i) => grades[i] === 'deduction' && findings[i]!.subject.kind === 'staff');
  order.sort((a, b) => byEventOrder(findings[a]!, findings[b]!) || a - b);
  for (const i of order) {
    const f = findings[i]!;
    const already = taken.get(f.subject.name) ?? 0;
    const owed = Math.max(0, policy.deduction_yuan - (chargedBefore[i] ?? 0));
    const amount = Math.max(0, Math.min(owed, policy.monthly_cap_yuan - already));
    taken.set(f.subject.name, already + amount);
    out[i] = amount;
  }
  return out;
}
