/** Base grades: fixed, ladder (highest step reached), byValue, fromFact. */
import { describe, expect, it } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { baseGrade } from '../../src/grade/base-grade.js';
import type { GradeSpec, ParamSpec } from '../../src/rules/types.js';

const d = { zh: '', en: '' };
const params: Record<string, ParamSpec> = { criticismFrom: { value: 3, description: d }, noticeFrom: { value: 6, description: d }, deductionFrom: { value: 11, description: d } };
const ladder: GradeSpec = {
  base: 'reminder',
  ladder: {
    fact: 'overdue_days',
    steps: [
      { min: { param: 'criticismFrom' }, grade: 'criticism' },
      { min: { param: 'noticeFrom' }, grade: 'notice' },
      { min: { param: 'deductionFrom' }, grade: 'deduction' },
    ],
  },
};
const rule = (grade: GradeSpec) => ({ id: 'r', grade, params, file: 'rules/r.json' });

describe('ladder', () => {
  it.each([
    [1, 'reminder'], [2, 'reminder'], [3, 'criticism'], [5, 'criticism'], [6, 'notice'], [10, 'notice'], [11, 'deduction'], [40, 'deduction'],
  ] as const)('overdue %i working days → %s', (days, grade) => {
    expect(baseGrade(rule(ladder), { overdue_days: days }).grade).toBe(grade);
  });

  it('says which step and threshold set the grade', () => {
    expect(baseGrade(rule(ladder), { overdue_days: 7 }).reason).toEqual({ kind: 'ladder', fact: 'overdue_days', value: 7, min: 6 });
    expect(baseGrade(rule(ladder), { overdue_days: 1 }).reason).toEqual({ kind: 'base' });
  });

  it('a null fact stays at the base', () => {
    expect(baseGrade(rule(ladder), { overdue_days: null }).grade).toBe('reminder');
  });

  it('literal thresholds and steps out of order', () => {
    const spec: GradeSpec = { base: 'criticism', ladder: { fact: 'visits', steps: [{ min: 6, grade: 'deduction' }, { min: 4, grade: 'notice' }] } };
    expect(baseGrade(rule(spec), { visits: 3 }).grade).toBe('criticism');
    expect(baseGrade(rule(spec), { visits: 4 }).grade).toBe('notice');
    expect(baseGrade(rule(spec), { visits: 9 }).grade).toBe('deduction');
  });
});

describe('byValue and fromFact', () => {
  const byValue: GradeSpec = { byValue: { fact: 'substantiated', map: { 是: 'criticism', 待查: 'reminder' } } };

  it('picks the grade of the value', () => {
    expect(baseGrade(rule(byValue), { substantiated: '是' })).toEqual({ grade: 'criticism', reason: { kind: 'byValue', fact: 'substantiated', value: '是' } });
    expect(baseGrade(rule(byValue), { substantiated: '待查' }).grade).toBe('reminder');
  });

  it('a value the map does not list is a rule error naming the file', () => {
    expect(() => baseGrade(rule(byValue), { substantiated: '否' })).toThrow(DutyAuditError);
    expect(() => baseGrade(rule(byValue), { substantiated: '否' })).toThrow(/rules\/r\.json/);
  });

  it('fromFact takes the grade from the record', () => {
    expect(baseGrade(rule({ fromFact: 'suggested_grade' }), { suggested_grade: 'notice' }).grade).toBe('notice');
    expect(() => baseGrade(rule({ fromFact: 'suggested_grade' }), { suggested_grade: null })).toThrow(/not a grade/);
  });

  it('a fixed base', () => {
    expect(baseGrade(rule({ base: 'notice' }), {})).toEqual({ grade: 'notice', reason: { kind: 'base' } });
  });
});
