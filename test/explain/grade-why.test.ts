/** gradeWhy: the base grade of a fired rule and the reason, ladder steps with their params. */
import { describe, expect, it } from 'vitest';
import { gradeWhy } from '../../src/explain/grade-why.js';
import { overdueRule, ruleOf } from '../evaluate/helpers.js';

const complaintRule = () =>
  ruleOf({
    id: 'complaint-rude',
    scope: 'complaint',
    conditions: { all: [{ fact: 'category', operator: 'equal', value: '态度粗暴' }] },
    grade: { byValue: { fact: 'substantiated', map: { 是: 'criticism', 待查: 'reminder' } } },
  });

describe('gradeWhy', () => {
  it.each([
    { overdue: 1, grade: 'reminder', chosen: null, reached: [false, false, false] },
    { overdue: 3, grade: 'criticism', chosen: { min: 3, param: 'criticismFrom' }, reached: [true, false, false] },
    { overdue: 7, grade: 'notice', chosen: { min: 6, param: 'noticeFrom' }, reached: [true, true, false] },
    { overdue: 11, grade: 'deduction', chosen: { min: 11, param: 'deductionFrom' }, reached: [true, true, true] },
  ])('ladder: overdue_days $overdue → $grade', ({ overdue, grade, chosen, reached }) => {
    const why = gradeWhy(overdueRule(), { overdue_days: overdue });
    expect(why).toMatchObject({ kind: 'ladder', fact: 'overdue_days', value: overdue, base: 'reminder', grade });
    if (why.kind !== 'ladder') throw new Error('not a ladder');
    expect(why.steps.map((s) => s.reached)).toEqual(reached);
    expect(why.steps.map((s) => s.param)).toEqual(['criticismFrom', 'noticeFrom', 'deductionFrom']);
    expect(why.chosen === null ? null : { min: why.chosen.min, param: why.chosen.param }).toEqual(chosen);
  });

  it('a ladder fact that is not a number reaches no step', () => {
    const why = gradeWhy(overdueRule(), { overdue_days: null });
    expect(why).toMatchObject({ kind: 'ladder', chosen: null, grade: 'reminder' });
  });

  it('a fixed base grade', () => {
    const rule = ruleOf({ id: 'fixed', scope: 'case', conditions: { all: [] }, grade: { base: 'notice' } });
    expect(gradeWhy(rule, {})).toEqual({ kind: 'base', grade: 'notice' });
  });

  it('byValue names the fact, the value and the map', () => {
    expect(gradeWhy(complaintRule(), { substantiated: '待查' })).toEqual({
      kind: 'byValue',
      fact: 'substantiated',
      value: '待查',
      map: { 是: 'criticism', 待查: 'reminder' },
      grade: 'reminder',
    });
  });

  it('fromFact takes the grade the record carries', () => {
    const rule = ruleOf({ id: 'other', scope: 'other', conditions: { all: [] }, grade: { fromFact: 'suggested_grade' } });
    expect(gradeWhy(rule, { suggested_grade: 'notice' })).toEqual({ kind: 'fromFact', fact: 'suggested_grade', value: 'notice', grade: 'notice' });
  });

  it('a literal ladder threshold has no param', () => {
    const rule = ruleOf({
      id: 'literal',
      scope: 'case',
      conditions: { all: [] },
      grade: { base: 'criticism', ladder: { fact: 'visits', steps: [{ min: 4, grade: 'notice' }] } },
    });
    const why = gradeWhy(rule, { visits: 5 });
    expect(why).toMatchObject({ kind: 'ladder', grade: 'notice', chosen: { min: 4, grade: 'notice', reached: true } });
    if (why.kind === 'ladder') expect(why.chosen).not.toHaveProperty('param');
  });
});
