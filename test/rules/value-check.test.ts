/**
 * `rules validate` checks grades and values so that a rule set it accepts never stops an audit
 * (issue #11, "Safer rule edits"). Each fixture under test/fixtures/rules/values/ is a shipped
 * rule with one edit a reviewer might make; each problem is asserted at its exact line:column.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/messages/catalogue.js';
import { DutyAuditError } from '../../src/errors.js';
import { baseGrade } from '../../src/grade/base-grade.js';
import { admittedValues } from '../../src/rules/admitted-values.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { Rule, RuleProblem } from '../../src/rules/types.js';
import { fixture } from './helpers.js';

/** `file:line:col code` relative to the fixture set. */
async function problemsOf(set: string): Promise<{ at: string[]; messages: string[] }> {
  const root = fixture('values', set);
  const { ruleSet, problems } = await loadRuleSet(root);
  expect(ruleSet).toBeUndefined();
  return { at: problems.map((p: RuleProblem) => `${p.file.slice(root.length + 1)}:${p.line}:${p.column} ${p.code}`), messages: problems.map((p) => render(p.message, 'en')) };
}

describe('grade.byValue grades every value the conditions admit', () => {
  it('"否" added to complaint-rude\'s statuses param: reported at the "否" (regression: validate passed, audit exited 2)', async () => {
    const { at, messages } = await problemsOf('byvalue-gap');
    expect(at).toEqual(['complaint-rude.json:13:34 grade-gap']);
    expect(messages[0]).toBe('the conditions admit "substantiated" = "否", but grade.byValue.map has no grade for it: add "否": "<grade>" to grade.byValue.map, or leave "否" out of the conditions');
  });

  it('a literal list in the condition: reported at the ungraded element', async () => {
    const { at, messages } = await problemsOf('byvalue-literal');
    expect(at).toEqual(['complaint-rude.json:17:67 grade-gap']);
    expect(messages[0]).toContain('"待查"');
  });

  it('a branch of `any` that does not test the fact lets all its values through: each gap at the map', async () => {
    const { at, messages } = await problemsOf('byvalue-domain');
    expect(at).toEqual(['complaint-rude.json:21:59 grade-gap', 'complaint-rude.json:21:59 grade-gap']);
    expect(messages.map((m) => /= "(.+?)"/.exec(m)![1])).toEqual(['否', '待查']);
  });

  it('an empty value let through (notIn admits empty cells): asks for an isEmpty false condition', async () => {
    const { at, messages } = await problemsOf('byvalue-empty');
    expect(at).toEqual(['unsatisfied-rating.json:19:52 grade-gap']);
    expect(messages[0]).toContain('add { "fact": "rating", "operator": "isEmpty", "value": false } to the conditions');
  });

  it('a fact of free text cannot be graded by value: reported at the map\'s fact', async () => {
    const { at, messages } = await problemsOf('byvalue-unlimited');
    expect(at).toEqual(['complaint-rude.json:21:35 grade-gap']);
    expect(messages[0]).toContain('grade.byValue grades by "content", but the conditions do not limit it to listed values');
  });

  it('the edit made whole (a grade for "否") validates', async () => {
    const { ruleSet, problems } = await loadRuleSet(fixture('values', 'fixed-byvalue'));
    expect(problems).toEqual([]);
    expect(ruleSet!.rules[0]!.grade).toEqual({ byValue: { fact: 'substantiated', map: { 是: 'criticism', 否: 'reminder' } } });
  });
});

describe('grade.fromFact only ever finds a grade', () => {
  it('a fact of free text: reported at fromFact', async () => {
    const { at, messages } = await problemsOf('fromfact-not-grade');
    expect(at).toEqual(['other-dereliction.json:17:26 grade-gap']);
    expect(messages[0]).toContain('"description"');
  });

  it('the 建议等级 column itself holds grades (提醒 … 扣除奖金): valid', async () => {
    expect((await loadRuleSet(fixture('values', 'fromfact-column'))).problems).toEqual([]);
  });
});

describe('a ladder climbs on a number, by rising steps', () => {
  it('a threshold below the one before, and a grade not above the one before: each at its step', async () => {
    const { at, messages } = await problemsOf('ladder-not-rising');
    expect(at).toEqual(['case-overdue.json:35:18 bad-ladder', 'case-overdue.json:36:57 bad-ladder']);
    expect(messages).toEqual([
      'step 2 starts at 2, below step 1\'s 3: thresholds must rise with the grade, or step 1 is never reached',
      'step 3 gives "criticism", which is not above step 2\'s "notice": each step must raise the grade',
    ]);
  });

  it('a threshold param written as text: at the param\'s value (regression: an internal error in the loader)', async () => {
    const { at, messages } = await problemsOf('ladder-param-type');
    expect(at).toEqual(['case-overdue.json:13:33 param-type']);
    expect(messages[0]).toBe('param "criticismFrom" is "3", but ladder step 1 (/grade/ladder/steps/0/min) uses it as a threshold and needs a number');
  });

  it('a ladder on a date fact: at the ladder\'s fact', async () => {
    const { at } = await problemsOf('ladder-fact-type');
    expect(at).toEqual(['case-overdue.json:32:15 bad-ladder']);
  });
});

describe('each condition\'s value fits its operator and its fact', () => {
  it('a number where `in` needs a list (the engine would throw on every record): at the param', async () => {
    const { at, messages } = await problemsOf('param-type-in');
    expect(at).toEqual(['complaint-rude.json:12:30 param-type']);
    expect(messages[0]).toBe('param "categories" is 3, but the condition at conditions/all/0 (in on "category") needs a list such as ["a", "b"]');
  });

  it('text where greaterThanInclusive needs a number (it would silently never fire): at the param', async () => {
    const { at } = await problemsOf('param-type-number');
    expect(at).toEqual(['case-overdue.json:12:34 param-type']);
  });

  it('a literal that is not true/false for isEmpty: at the literal', async () => {
    const { at, messages } = await problemsOf('param-type-literal');
    expect(at).toEqual(['refusal-without-reason.json:20:71 param-type']);
    expect(messages[0]).toContain('conditions/all/1/any/0 (isEmpty on "refusal_reason") needs true or false');
  });

  it('greaterThan on a date fact: at the fact', async () => {
    const { at, messages } = await problemsOf('operator-fact-type');
    expect(at).toEqual(['refusal-without-reason.json:18:17 param-type']);
    expect(messages[0]).toContain('fact "completed_on" is date');
  });

  it('a category that is no value of 类别 (a typo would never match): at the element', async () => {
    const { at, messages } = await problemsOf('impossible-value');
    expect(at).toEqual(['complaint-delay.json:12:38 impossible-value']);
    expect(messages[0]).toMatch(/^"拖延" is never a value of "category" \(its values: "态度粗暴" \/ .*\); check the spelling$/);
  });
});

describe('admittedValues: what the conditions let through', () => {
  const domain = { values: ['是', '否', '待查'], nullable: false };
  const keys = (a: ReturnType<typeof admittedValues>) => (a === 'any' ? 'any' : [...a.values()].map((v) => v.value));

  it('narrows by in / equal / notIn / not, unions any-branches, and keeps where each value was listed', () => {
    const params = { s: { value: ['是', '待查'] } };
    expect(keys(admittedValues({ all: [{ fact: 'x', operator: 'in', value: { param: 's' } }] }, 'x', domain, params))).toEqual(['是', '待查']);
    const at = admittedValues({ all: [{ fact: 'x', operator: 'in', value: { param: 's' } }] }, 'x', domain, params);
    expect(at !== 'any' && [...at.values()].map((v) => v.at)).toEqual(['/params/s/value/0', '/params/s/value/1']);
    expect(keys(admittedValues({ all: [{ fact: 'x', operator: 'notIn', value: ['是'] }] }, 'x', domain, {}))).toEqual(['否', '待查']);
    expect(keys(admittedValues({ not: { fact: 'x', operator: 'equal', value: '否' } }, 'x', domain, {}))).toEqual(['是', '待查']);
    expect(keys(admittedValues({ all: [{ fact: 'x', operator: 'not:in', value: ['否', '待查'] }] }, 'x', domain, {}))).toEqual(['是', '否', '待查']);
    expect(keys(admittedValues({ any: [{ fact: 'x', operator: 'equal', value: '是' }, { fact: 'x', operator: 'equal', value: '否' }] }, 'x', domain, {}))).toEqual(['是', '否']);
    expect(keys(admittedValues({ any: [{ fact: 'x', operator: 'equal', value: '是' }, { fact: 'y', operator: 'equal', value: 1 }] }, 'x', domain, {}))).toEqual(['是', '否', '待查']);
  });

  it('a fact without listed values is bounded only by a list; isEmpty false on it is still unbounded', () => {
    expect(admittedValues({ all: [{ fact: 'x', operator: 'isEmpty', value: false }] }, 'x', undefined, {})).toBe('any');
    expect(keys(admittedValues({ all: [{ fact: 'x', operator: 'in', value: ['a'] }] }, 'x', undefined, {}))).toEqual(['a']);
    expect(keys(admittedValues({ all: [{ fact: 'x', operator: 'isEmpty', value: false }] }, 'x', { values: [true, false], nullable: true }, {}))).toEqual([true, false]);
  });
});

describe('the audit\'s own grade error no longer sends the reviewer back to validate', () => {
  it('names what to change in the grade, not `rules validate` (which passed)', () => {
    const rule = { id: 'r', file: 'rules/r.json', params: {}, grade: { byValue: { fact: 'substantiated', map: { 是: 'criticism' } } } } as unknown as Rule;
    let caught: unknown;
    try {
      baseGrade(rule, { substantiated: '否' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DutyAuditError);
    const e = caught as DutyAuditError;
    expect(e.message).toContain('"否"');
    expect(e.hint).not.toContain('validate');
    expect(e.hint).toContain('grade.byValue.map');
  });
});
