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
  const rules = ruleSet.rules.filter((rule) => rule.id === 'fee-not-disclosed' || rule.id === 'complaint-record-incomplete');
  const ctx = contextOf(
    ledgerOf({
      cases: [{ case_id: 'SL-1', item: '居住证办理', fee_item: '加急费', fee: 30 }],
      items: [{ item: '居住证办理', fee_item: '加急费', fee_standard: 50, fee_posted: false }],
      complaints: [{ complaint_id: 'T2', logged_on: '2026-10-04', complainant: '周', respondent: '李敏', category: '态度粗暴', substantiated: '是', first_responder: '赵六' }],
    }),
  );
  const { raw } = await evaluate(rules, buildScopeRecords(ctx), ctx);
  return new Map(raw.map((finding) => [finding.ruleId, finding]));
}

describe('coded values in messages', () => {
  it('a fee line not posted: words in both languages, the code in the facts', async () => {
    const fee = (await findings()).get('fee-not-disclosed')!;
    expect(fee.message.zh).toContain('收费核对:收费项目未公开');
    expect(fee.message.en).toContain('fee check: fee item not posted');
    expect(fee.message.zh).not.toContain('not-posted');
    expect(fee.facts['fee_status']).toBe('not-posted');
  });

  it('missing complaint fields: each named in the language, listed in its way', async () => {
    const complaint = (await findings()).get('complaint-record-incomplete')!;
    expect(complaint.message.zh).toContain('缺少必记项联系方式、投诉内容,');
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
    for (const code of ['none', 'posted', 'not-in-schedule', 'not-posted', 'above-standard']) {
      expect(fee.zh).toContain(`${code} ${valueLabel('case', 'fee_status', code, 'zh')}`);
      expect(fee.en).toContain(`${code} (${valueLabel('case', 'fee_status', code, 'en')})`);
    }
    expect(findFact('complaint', 'missing_fields')!.description.zh).toContain('contact 联系方式');
  });
});
