/** The catalogue's phrases (src/catalogue/words.ts): a rule's grade and params in words. */
import { describe, expect, it } from 'vitest';
import { gradeText, paramText } from '../../src/catalogue/words.js';

describe('gradeText', () => {
  const ladder = { kind: 'ladder' as const, base: 'reminder' as const, fact: 'overdue_days', steps: [{ min: 3, param: 'criticismFrom', grade: 'criticism' as const }, { min: 11, grade: 'deduction' as const }] };

  it('base', () => {
    expect(gradeText({ kind: 'base', base: 'notice' }, 'zh')).toBe('通报批评');
    expect(gradeText({ kind: 'base', base: 'notice' }, 'en')).toBe('Circulated notice');
  });

  it('ladder: each step with its threshold and the param it comes from', () => {
    expect(gradeText(ladder, 'zh')).toBe('提醒；overdue_days ≥ 3 (criticismFrom) → 批评教育；≥ 11 → 扣除奖金');
    expect(gradeText(ladder, 'en', '\n')).toBe('Reminder\noverdue_days ≥ 3 (criticismFrom) → Criticism\n≥ 11 → Bonus deduction');
  });

  it('byValue and fromFact', () => {
    expect(gradeText({ kind: 'byValue', fact: 'substantiated', map: { 是: 'criticism', 待查: 'reminder' } }, 'zh')).toBe('按 substantiated：是 → 批评教育、待查 → 提醒');
    expect(gradeText({ kind: 'fromFact', fact: 'suggested_grade' }, 'en')).toBe('the value of suggested_grade');
  });

  it('params: lists joined, scalars as they are', () => {
    expect(paramText({ name: 'kinds', value: ['承诺件', '上报件'], description: { zh: '', en: '' } }, 'zh')).toBe('kinds = 承诺件、上报件');
    expect(paramText({ name: 'kinds', value: ['a', 'b'], description: { zh: '', en: '' } }, 'en')).toBe('kinds = a, b');
    expect(paramText({ name: 'min', value: 3, description: { zh: '', en: '' } }, 'en')).toBe('min = 3');
  });
});
