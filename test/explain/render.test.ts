/**
 * The terminal rendering, asserted lightly (the data is asserted in explain.test.ts): the
 * header facts, ✓/✗ per condition with its param, the ladder step, not-run rules, in zh and en.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { explainAudit } from '../../src/explain/explain.js';
import { renderExplanation } from '../../src/explain/render.js';
import { maskExplanation } from '../../src/explain/run-explain.js';
import type { Explanation, RuleVerdict } from '../../src/explain/types.js';
import { factOf, SAMPLE_XLSX } from './sample.js';

let overdue: Explanation;

beforeAll(async () => {
  overdue = await explainAudit(SAMPLE_XLSX, 'SL-2026-10-0003');
});

describe('renderExplanation', () => {
  it('zh: the deadline, the overdue working days and the ladder step chosen', () => {
    const text = renderExplanation(overdue, 'zh');
    expect(text).toContain('■ SL-2026-10-0003 · 办件台账 第9行 · 2026-10-08');
    expect(text).toContain('deadline(办结期限) = 2026-10-12');
    expect(text).toContain('overdue_days(逾期工作日数) = 14');
    expect(text).toContain('✓ case-overdue  失职追究制/二.6  超过时限未办结 — 命中');
    expect(text).toContain('✓ overdue_days ≥ 1(参数 minOverdueDays)  实际:14');
    expect(text).toContain('基础等级:扣除奖金 — 阶梯 overdue_days 14 ≥ deductionFrom 11 → 扣除奖金');
    expect(text).toMatch(/最终等级:扣除奖金 \(未升级\)/);
    expect(text).toMatch(/✗ materials-lost .* — 未命中\n +原因:materials_lost = 是  实际:否/);
  });

  it('en: the same in English, with a fact compared with another fact', () => {
    const text = renderExplanation(overdue, 'en');
    expect(text).toContain('deadline = 2026-10-12');
    expect(text).toContain('Base grade: Bonus deduction — ladder overdue_days 14 ≥ deductionFrom 11 → Bonus deduction');
    expect(text).toContain('ladder: base Reminder · ≥3 Criticism ✓ · ≥6 Circulated notice ✓ · ≥11 Bonus deduction ✓');
    expect(text).toContain('✗ promised_days > statutory_days 20  actual: 3');
  });

  it('renders a not-run rule with the absent sheet, and a rule that did not fire with its false leaf', () => {
    const notRun: RuleVerdict = { ruleId: 'absence-without-handover', clause: '失职追究制/二.9', title: { zh: '请假未交接', en: 'Absent without handover' }, status: 'not-run', absentSheets: ['handovers'] };
    const skipped: RuleVerdict = {
      ruleId: 'x',
      clause: 'c',
      title: { zh: 'x', en: 'x' },
      status: 'not-fired',
      tree: { kind: 'all', result: false, children: [{ kind: 'condition', fact: 'visits', operator: 'greaterThanInclusive', expected: 3, actual: 1, result: false }] },
    };
    const e: Explanation = { ...overdue, records: [{ ...overdue.records[0]!, rules: [notRun, skipped] }] };
    expect(renderExplanation(e, 'zh')).toContain('– absence-without-handover  失职追究制/二.9  请假未交接 — 未运行\n      缺少工作表 AB岗交接,本规则未运行');
    expect(renderExplanation(e, 'en')).toContain('sheet absent: A/B handovers; the rule did not run');
    expect(renderExplanation(e, 'en')).toContain('      ✗ all of\n        ✗ visits ≥ 3  actual: 1\n');
  });

  it('masks phones in the header facts when asked', () => {
    const phone = factOf(overdue.records[0]!, 'phone') as string;
    expect(phone).toMatch(/^1\d{10}$/);
    const masked = maskExplanation(overdue);
    expect(factOf(masked.records[0]!, 'phone')).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(renderExplanation(masked, 'zh')).not.toContain(phone);
    expect(factOf(overdue.records[0]!, 'phone')).toBe(phone);
  });
});
