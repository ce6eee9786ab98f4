/**
 * The terminal rendering, asserted lightly (the data is asserted in explain.test.ts): the
 * header facts, ✓/✗ per condition with its param, the ladder step, near misses first and the
 * rest counted unless --all, not-run rules, a person's findings with their grade paths, in zh
 * and en.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { explainAudit } from '../../src/explain/explain.js';
import { renderExplanation } from '../../src/explain/render.js';
import { maskExplanation } from '../../src/explain/run-explain.js';
import type { Explanation, RuleVerdict } from '../../src/explain/types.js';
import { factOf, SAMPLE_XLSX } from './sample.js';

let overdue: Explanation;
let person: Explanation;

beforeAll(async () => {
  overdue = await explainAudit(SAMPLE_XLSX, 'SL-2026-10-0003');
  person = await explainAudit(SAMPLE_XLSX, '李敏');
});

describe('renderExplanation of a record', () => {
  it('zh: the deadline, the overdue working days and the ladder step chosen, with Chinese punctuation', () => {
    const text = renderExplanation(overdue, 'zh');
    expect(text).toContain('■ SL-2026-10-0003 · 办件台账第 9 行 · 2026-10-08');
    expect(text).toContain('deadline（办结期限） = 2026-10-12');
    expect(text).toContain('overdue_days（逾期工作日数） = 14');
    expect(text).toContain('✓ case-overdue  失职追究制/二.6  超过时限未办结 — 命中');
    expect(text).toContain('✓ overdue_days ≥ 1（参数 minOverdueDays）  实际：14');
    expect(text).toContain('基础等级：扣除奖金 — 阶梯 overdue_days 14 ≥ deductionFrom 11 → 扣除奖金');
    expect(text).toMatch(/最终等级：扣除奖金（未升级）/);
    // The tool's own words; the evidence line quotes the rule's message template as written.
    const own = text.split('\n').filter((l) => !l.trimStart().startsWith('问题描述：'));
    expect(own.filter((l) => /[\u4e00-\u9fff][,:;()]|[,:;(][\u4e00-\u9fff]/.test(l))).toEqual([]);
  });

  it('en: the same in English, with a fact compared with another fact (under --all)', () => {
    const text = renderExplanation(overdue, 'en', { all: true });
    expect(text).toContain('deadline = 2026-10-12');
    expect(text).toContain('Base grade: Bonus deduction — ladder overdue_days 14 ≥ deductionFrom 11 → Bonus deduction');
    expect(text).toContain('ladder: base Reminder · ≥3 Criticism ✓ · ≥6 Circulated notice ✓ · ≥11 Bonus deduction ✗'.replace('✗', '✓'));
    expect(text).toContain('✗ promised_days > statutory_days 20  actual: 3');
  });

  it('shows the fired rules and the near misses with the one condition each lacked; the rest is counted, --all shows each', () => {
    const record = overdue.records[0]!;
    const near = record.rules.filter((r) => r.nearMiss);
    const rest = record.rules.filter((r) => r.status === 'not-fired' && !r.nearMiss);
    const short = renderExplanation(overdue, 'zh');
    expect(short).toContain('接近命中（只差一个条件）：');
    for (const v of near) expect(short).toContain(`✗ ${v.ruleId}  ${v.clause}`);
    expect(short).toContain('只差：promised_days 为空  实际：3');
    for (const v of rest) expect(short).not.toContain(`✗ ${v.ruleId} `);
    expect(short).toContain(`其余 ${rest.length} 条规则未命中；加 --all 列出每条规则的每个条件`);
    const all = renderExplanation(overdue, 'zh', { all: true });
    for (const v of record.rules) expect(all).toContain(` ${v.ruleId}  ${v.clause}`);
    expect(all).not.toContain('其余');
    expect(short.split('\n').length).toBeLessThan(all.split('\n').length / 1.5);
    expect(renderExplanation(overdue, 'en')).toContain(`${rest.length} more rules did not fire; add --all for every rule with each condition`);
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
    expect(renderExplanation(e, 'zh')).toContain('– absence-without-handover  失职追究制/二.9  请假未交接 — 未运行\n      缺少工作表 AB岗交接，本规则未运行');
    expect(renderExplanation(e, 'en')).toContain('sheet absent: A/B handovers; the rule did not run');
    expect(renderExplanation(e, 'en', { all: true })).toContain('      ✗ all of\n        ✗ visits ≥ 3  actual: 1\n');
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

describe('renderExplanation of a person', () => {
  it('zh: each finding numbered, where it is, and its grade path, then the totals', () => {
    const text = renderExplanation(person, 'zh');
    const p = person.person!;
    expect(text).toContain(`规则解释：人员 李敏`);
    expect(text).toContain(`■ 人员 李敏：本月问题 ${p.findings.length} 条`);
    for (const f of p.findings) expect(text).toContain(`${f.grade.findingId}  ${f.ruleId}  ${f.clause}`);
    expect(text).toMatch(/定级：基础 扣除奖金（阶梯 overdue_days \d+ ≥ deductionFrom 11 → 扣除奖金）→ 未升级 → 最终 扣除奖金 · 扣款 ¥\d+/);
    expect(text).toMatch(/定级：基础 批评教育（阶梯 overdue_days 3 ≥ criticismFrom 3 → 批评教育）→ 同一条款本月第3次.*→ 最终 通报批评/);
    expect(text).toMatch(/合计：提醒 \d+ · .*；最高 扣除奖金/);
    // The staff record comes after, and the dated records are listed, not explained.
    expect(text.indexOf('■ 人员 李敏')).toBeLessThan(text.indexOf('■ 李敏 · 人员公示'));
    expect(text).toMatch(/此人的记录（可用 --explain 逐条解释）：李敏@2026-10-\d\d/);
  });

  it('en: the same in English', () => {
    const text = renderExplanation(person, 'en');
    expect(text).toContain(`■ Person 李敏: ${person.person!.findings.length} findings this period`);
    expect(text).toMatch(/grading: base Criticism \(ladder overdue_days 3 ≥ criticismFrom 3 → Criticism\) → occurrence 3 .* → final Circulated notice/);
  });

  it('a person with no finding says so', () => {
    const e: Explanation = { ...person, person: { name: '张三', findings: [] } };
    expect(renderExplanation(e, 'zh')).toContain('■ 人员 张三：本月没有问题');
  });
});
