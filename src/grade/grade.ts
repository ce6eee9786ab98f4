/**
 * Grading across the month (失职追究制/三): repeat escalation per person and clause, bonus
 * deductions up to the monthly cap, stable ids, and the per-person summary.
 */
import type { Finding, PersonSummary, RawFinding } from '../findings/types.js';
import type { Policy } from '../rules/types.js';
import { deductions } from './deduct.js';
import { escalate } from './escalate.js';
import { assignFindingIds } from './finding-id.js';
import { byOutputOrder } from './order.js';
import { summarisePeople } from './people.js';

export interface Graded {
  findings: Finding[];
  people: PersonSummary[];
}

export function gradeFindings(raw: readonly RawFinding[], policy: Policy): Graded {
  const escalated = escalate(raw, policy);
  const amounts = deductions(raw, escalated.map((e) => e.grade), policy);
  // Index-aligned arrays, one Finding object built per finding at the end.
  const order = raw.map((_, i) => i).sort((a, b) => byOutputOrder(raw[a]!, raw[b]!) || a - b);
  const ids = assignFindingIds(order.map((i) => raw[i]!));
  const findings = order.map((i, n): Finding => {
    const { grade, escalation } = escalated[i]!;
    return { id: ids[n]!, ...raw[i]!, grade, escalation, deductionYuan: amounts[i]! };
  });
  return { findings, people: summarisePeople(findings, policy) };
}
