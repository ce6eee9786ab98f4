/**
 * Coded fact values (fee_status, missing_fields) read as words in each language's message,
 * while the finding keeps the codes.
 */
import { describe, expect, it } from 'vitest';
import { loadValidRuleSet } from '../../src/rules/load.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import { findFact } from '../../src/facts/catalogue.js';
import { valueLabel } from '../../src/facts/value-labels.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { contextOf, ledgerOf } from '../facts/helpers.js';

async function findings() {
  const ruleSet = await loadValidRuleSet(DEFAULT_RULES_DIR);
  const ids = ['fee-above-standard', 'fee-schedule-incomplete', 'complaint-record-incomplete', 'case-overdue'];
  const rules = ruleSet.rules.filter((rule) => ids.includes(rule.id));
  const ctx = contextOf(
    ledgerOf({
      cases: [
        { case_id: 'SL-1', item: '居住证办理', fee_item: '加急费', fee: 30 },
        { case_id: 'SL-2', item: '证明开具', fee: 5 },
        { case_id: 'SL-3', item: '老年优待证', kind: '承诺件', promised_days: 15, received_on: '2026-10-08', completed_on: '2026-10-23' },
      ],
      items: [
        { item: '居住证办理', fee_item: '加急费', fee_standard: 20, fee_basis: '市物价局文件', fee_posted: true },
        { item: '老年优待证', statutory_days: 10 },
      ],
      complaints: [{ complaint_id: 'T2', logged_on: '2026-10-04', complainant: '周', respondent: '李敏', category: '态度粗暴', substantiated: '是', first_responder: '赵六' }],
    }),
  );
  const { raw } = await evaluate(rules, buildScopeRecords(ctx), ctx);
  return new Map(raw.map((finding) => [finding.ruleId, finding]));
}

describe('coded values in messages', () => {
  it('a fee above its posted standard: words in both languages, the code in the facts', async () => {
    const fee = (await findings()).get('fee-above-standard')!;
    expect(fee.message.zh).toContain('收费核对：超过公示收费标准，公示标准（元）：20');
    expect(fee.message.en).toContain('fee check: above the posted standard');
    expect(fee.message.zh).not.toContain('above-standard');
    expect(fee.facts['fee_status']).toBe('above-standard');
  });

  it('a fee charged with no 收费项目 written: the center\'s finding names it in words, the code in the facts', async () => {
    const gap = (await findings()).get('fee-schedule-incomplete')!;
    expect(gap.ref.key).toBe('证明开具');
    expect(gap.message.zh).toContain('未列入收费公示：（未填收费项目）');
    expect(gap.message.en).toContain('not in the posted schedule: (no fee item written)');
    expect(gap.facts['fees_not_in_schedule']).toEqual(['(unnamed)']);
  });

  it('the limit a case is bound by reads in words: a promise capped at the statutory limit', async () => {
    const overdue = (await findings()).get('case-overdue')!;
    expect(overdue.facts['limit_basis']).toBe('promise-capped');
    expect(overdue.message.zh).toContain('按法定时限（承诺时限长于法定时限，只计到法定时限）自2026-10-08起10个工作日，截止2026-10-21，逾期2个工作日');
    expect(overdue.message.en).toContain('bound by the statutory limit (the promise is longer, and binds only up to it), 10 working days from 2026-10-08');
  });

  it('a deadline past the loaded calendars reads "after YYYY-12-31"', () => {
    expect(valueLabel('case', 'deadline_after', '2026-12-31', 'zh')).toBe('2026-12-31之后');
    expect(valueLabel('case', 'deadline_after', '2026-12-31', 'en')).toBe('after 2026-12-31');
    expect(valueLabel('case', 'deadline', '2026-12-31', 'en')).toBeUndefined();
  });

  it('missing complaint fields: each named in the language, listed in its way', async () => {
    const complaint = (await findings()).get('complaint-record-incomplete')!;
    expect(complaint.message.zh).toContain('缺少必记项联系方式、投诉内容，');
    expect(complaint.message.en).toContain('lacks contact, content;');
    expect(complaint.facts['missing_fields']).toEqual(['contact', 'content']);
  });

  it('only known codes of the right scope and fact have words', () => {
    expect(valueLabel('case', 'fee_status', 'above-standard', 'zh')).toBe('超过公示收费标准');
    expect(valueLabel('complaint', 'fee_status', 'above-standard', 'zh')).toBeUndefined();
    expect(valueLabel('case', 'fee_status', 'toString', 'zh')).toBeUndefined();
    expect(valueLabel('case', 'item', '居住证办理', 'zh')).toBeUndefined();
  });

  it('the fact catalogue lists every code with the same words', () => {
    const fee = findFact('case', 'fee_status')!.description;
    for (const code of ['none', 'posted', 'not-in-schedule', 'not-posted', 'no-basis', 'above-standard']) {
      expect(fee.zh).toContain(`${code} ${valueLabel('case', 'fee_status', code, 'zh')}`);
      expect(fee.en).toContain(`${code} (${valueLabel('case', 'fee_status', code, 'en')})`);
    }
    expect(findFact('complaint', 'missing_fields')!.description.zh).toContain('contact 联系方式');
    expect(findFact('case', 'limit_basis')!.description.en).toContain('promise-capped (the statutory limit (the promise is longer, and binds only up to it))');
  });
});
