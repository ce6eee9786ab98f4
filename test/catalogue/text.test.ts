/** The small text helpers: display width, terminal tables, Markdown cells, grade words. */
import { describe, expect, it } from 'vitest';
import { gradeText, paramText } from '../../src/catalogue/grade-text.js';
import { mdCell, mdTable } from '../../src/catalogue/markdown.js';
import { displayWidth, textTable } from '../../src/catalogue/text-table.js';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['受理日期', 8],
    ['二.6', 4],
    ['\uff08全角\uff09', 8],
    ['(全角)', 6],
    ['≥ 3 →', 5],
    ['', 0],
  ])('%s is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('textTable', () => {
  it('aligns columns by display width, so Chinese cells line up', () => {
    const lines = textTable(['名称', 'n'], [['受理日期', '1'], ['id', '22']]);
    expect(lines).toEqual(['名称      n', '--------  --', '受理日期  1', 'id        22']);
  });

  it('a multi-line cell continues on the next line of the same row', () => {
    const lines = textTable(['a', 'b', 'c'], [['x', 'p = 1\nq = 2', 'z']]);
    expect(lines).toEqual(['a  b      c', '-  -----  -', 'x  p = 1  z', '   q = 2']);
  });
});

describe('markdown', () => {
  it('escapes pipes and turns line breaks into <br>', () => {
    expect(mdCell('a|b\nc')).toBe('a\\|b<br>c');
    expect(mdTable(['h1', 'h2'], [['x', 'y|z']])).toEqual(['| h1 | h2 |', '|---|---|', '| x | y\\|z |']);
  });
});

describe('gradeText', () => {
  const ladder = { kind: 'ladder' as const, base: 'reminder' as const, fact: 'overdue_days', steps: [{ min: 3, param: 'criticismFrom', grade: 'criticism' as const }, { min: 11, grade: 'deduction' as const }] };

  it('base', () => {
    expect(gradeText({ kind: 'base', base: 'notice' }, 'zh')).toBe('通报批评');
    expect(gradeText({ kind: 'base', base: 'notice' }, 'en')).toBe('Circulated notice');
  });

  it('ladder: each step with its threshold and the param it comes from', () => {
    expect(gradeText(ladder, 'zh')).toBe('提醒;overdue_days ≥ 3 (criticismFrom) → 批评教育;≥ 11 → 扣除奖金');
    expect(gradeText(ladder, 'en', '\n')).toBe('Reminder\noverdue_days ≥ 3 (criticismFrom) → Criticism\n≥ 11 → Bonus deduction');
  });

  it('byValue and fromFact', () => {
    expect(gradeText({ kind: 'byValue', fact: 'substantiated', map: { 是: 'criticism', 待查: 'reminder' } }, 'zh')).toBe('按 substantiated:是 → 批评教育、待查 → 提醒');
    expect(gradeText({ kind: 'fromFact', fact: 'suggested_grade' }, 'en')).toBe('the value of suggested_grade');
  });

  it('params: lists joined, scalars as they are', () => {
    expect(paramText({ name: 'kinds', value: ['承诺件', '上报件'], description: { zh: '', en: '' } }, 'zh')).toBe('kinds = 承诺件、上报件');
    expect(paramText({ name: 'kinds', value: ['a', 'b'], description: { zh: '', en: '' } }, 'en')).toBe('kinds = a, b');
    expect(paramText({ name: 'min', value: 3, description: { zh: '', en: '' } }, 'en')).toBe('min = 3');
  });
});
