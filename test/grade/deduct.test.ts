/** Bonus deductions per finding, capped per person per month. */
import { describe, expect, it } from 'vitest';
import { lateness, POLICY, rawOf, settle } from './helpers.js';

describe('deductions', () => {
  it('deduct deduction_yuan per deduction finding until the monthly cap', () => {
    const { findings, people } = settle(lateness(4, '李敏', 'deduction'));
    expect(findings.map((f) => f.deductionYuan)).toEqual([200, 200, 100, 0]);
    expect(people[0]!.deductionYuan).toBe(500);
  });

  it('only deduction grades deduct, including those reached by escalation', () => {
    const { findings } = settle(lateness(6, '王芳', 'criticism'));
    // criticism, criticism, notice, notice, deduction, deduction
    expect(findings.map((f) => f.grade)).toEqual(['criticism', 'criticism', 'notice', 'notice', 'deduction', 'deduction']);
    expect(findings.map((f) => f.deductionYuan)).toEqual([0, 0, 0, 0, 200, 200]);
  });

  it('the cap is per person and applied in date order across clauses', () => {
    const raw = [
      rawOf({ name: '李敏', date: '2026-10-20', row: 9, clause: '失职追究制/二.6', ruleId: 'case-overdue', baseGrade: 'deduction' }),
      rawOf({ name: '李敏', date: '2026-10-02', row: 3, clause: '失职追究制/二.4', ruleId: 'policy-deviation-loss', baseGrade: 'deduction' }),
      rawOf({ name: '李敏', date: '2026-10-10', row: 5, clause: '失职追究制/二.8', ruleId: 'materials-lost', baseGrade: 'deduction' }),
      rawOf({ name: '王芳', date: '2026-10-10', row: 6, clause: '失职追究制/二.8', ruleId: 'materials-lost', baseGrade: 'deduction' }),
    ];
    const { findings } = settle(raw, { ...POLICY, monthly_cap_yuan: 300 });
    const byKey = Object.fromEntries(findings.map((f) => [`${f.subject.name}:${f.date}`, f.deductionYuan]));
    expect(byKey).toEqual({ '李敏:2026-10-02': 200, '李敏:2026-10-10': 100, '李敏:2026-10-20': 0, '王芳:2026-10-10': 200 });
  });

  it('the cap goes in escalation order: on one day, sheet before row (regression: the 其他失职 row 2 was charged before the case on row 5)', () => {
    const raw = [
      rawOf({ name: '李敏', date: '2026-10-12', ref: { sheet: 'other', row: 2, key: '李敏@2026-10-12' }, clause: '失职追究制/二.10', ruleId: 'other-dereliction', baseGrade: 'deduction' }),
      rawOf({ name: '李敏', date: '2026-10-12', ref: { sheet: 'cases', row: 5, key: 'C-5' }, clause: '失职追究制/二.4', ruleId: 'policy-deviation-loss', baseGrade: 'deduction' }),
    ];
    const { findings } = settle(raw, { ...POLICY, monthly_cap_yuan: 300 });
    expect(findings.map((f) => [f.ref.sheet, f.deductionYuan])).toEqual([
      ['cases', 200],
      ['other', 100],
    ]);
  });

  it('a center is never deducted', () => {
    const { findings } = settle([rawOf({ subject: { kind: 'center', name: '中心' }, baseGrade: 'deduction' })]);
    expect(findings[0]!.deductionYuan).toBe(0);
  });
});
