/** RawFindings and a policy built in code for grading tests. */
import type { RawFinding } from '../../src/findings/types.js';
import type { Grade } from '../../src/grade-scale.js';
import { settleFindings, type Settled, type SettlementInput } from '../../src/grade/settle.js';
import type { Policy } from '../../src/rules/types.js';

export const POLICY: Policy = {
  escalate_every: 2,
  escalate_cap: 'deduction',
  deduction_yuan: 200,
  monthly_cap_yuan: 500,
  sanctions: {
    reminder: { zh: '提醒', en: 'reminder' },
    criticism: { zh: '批评', en: 'criticism' },
    notice: { zh: '通报', en: 'notice' },
    deduction: { zh: '扣奖', en: 'deduction' },
  },
};

export function rawOf(fields: Partial<RawFinding> & { name?: string; row?: number; key?: string }): RawFinding {
  const { name = '王芳', row = 2, key, ...rest } = fields;
  return {
    ruleId: 'attendance-late',
    clause: '失职追究制/二.9',
    title: { zh: '迟到早退', en: 'Late' },
    scope: 'attendance',
    subject: { kind: 'staff', name },
    ref: { sheet: 'attendance', row, key: key ?? `${name}@${fields.date ?? '2026-10-09'}` },
    date: '2026-10-09',
    facts: {},
    conditions: [],
    message: { zh: '', en: '' },
    baseGrade: 'reminder' as Grade,
    baseReason: { kind: 'base' },
    ...rest,
  };
}

/** n lateness findings for one person on consecutive days. */
export function lateness(n: number, name = '王芳', baseGrade: Grade = 'reminder'): RawFinding[] {
  return Array.from({ length: n }, (_, i) => {
    const date = `2026-10-${String(12 + i).padStart(2, '0')}`;
    return rawOf({ name, date, row: 2 + i, baseGrade });
  });
}

export const PERIOD = '2026-10';

/** Settles raw findings of October 2026 under `policy`, with any history, decisions or links given. */
export function settle(raw: readonly RawFinding[], policy: Policy = POLICY, more: Partial<Omit<SettlementInput, 'policy'>> = {}): Settled {
  return settleFindings(raw, { policy, period: PERIOD, ...more });
}
