/**
 * json-rules-engine features the rule format leaves out (the evaluator does not run them):
 * priority, path, fact params, shared conditions, condition names and operator decorators. A rule
 * using one fails `rules validate` with one message at its file:line:col saying what to write
 * instead, not a bare "unknown property" beside it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/messages/catalogue.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { fixture, tempRules } from './helpers.js';

type Json = Record<string, unknown>;
type Leaf = { fact?: string; operator?: string; value?: unknown; [key: string]: unknown };

/** The valid fixture rule with its conditions changed: `conditions.all` is [materials_complete, notified, notice_delay]. */
function ruleWith(mutate: (all: Leaf[], rule: Json) => void): string {
  const rule = JSON.parse(readFileSync(fixture('valid', '一次性告知制', 'notice-late-test.json'), 'utf8')) as Json;
  mutate((rule['conditions'] as { all: Leaf[] }).all, rule);
  return JSON.stringify(rule, null, 2);
}

/** `line:col code message` of every problem, and the text's line at each position. */
async function problems(text: string): Promise<{ at: string; message: string; line: string }[]> {
  const dir = tempRules({ 'notice-late-test.json': text });
  const { ruleSet, problems } = await loadRuleSet(dir);
  expect(ruleSet).toBeUndefined();
  const lines = text.split('\n');
  return problems.map((p) => ({ at: `${p.line}:${p.column} ${p.code}`, message: render(p.message, 'en'), line: lines[p.line - 1]!.slice(p.column - 1) }));
}

describe('rules validate: what to write instead of a json-rules-engine feature', () => {
  it('priority on a test: at the key, one message', async () => {
    const out = await problems(ruleWith((all) => { all[0]!['priority'] = 2; }));
    expect(out).toEqual([
      { at: expect.stringMatching(/ schema$/), message: '"priority" is not part of the rule format: every condition of a group is judged, in the order written; remove it', line: '"priority": 2' },
    ]);
  });

  it('priority and name on a group', async () => {
    const out = await problems(ruleWith((all) => { all[1] = { any: [all[1]!], priority: 1, name: 'notified' }; }));
    expect(out.map((p) => [p.line, p.message.slice(0, 20)])).toEqual([
      ['"priority": 1,', '"priority" is not pa'],
      ['"name": "notified"', '"name" is not part o'],
    ]);
    expect(out[1]!.message).toMatch(/say what the condition means in the rule's evidence/);
  });

  it('path into a fact, and fact params', async () => {
    const out = await problems(ruleWith((all) => { all[0]!['path'] = '$.a'; all[1]!['params'] = { x: 1 }; }));
    expect(out.map((p) => p.line)).toEqual(['"path": "$.a"', '"params": {']);
    expect(out[0]!.message).toMatch(/^"path" is not part of the rule format: a condition tests a fact's whole value; for a part of one, use a derived fact/);
    expect(out[1]!.message).toMatch(/^"params" \(json-rules-engine fact parameters\) is not part of the rule format: .* put a threshold in "value" as \{"param": name\}/);
  });

  it('a path on a { "fact": name } value', async () => {
    const out = await problems(ruleWith((all) => { all[2]!.value = { fact: 'promised_days', path: '$.x' }; }));
    expect(out.map((p) => [p.line, p.message.slice(0, 16)])).toEqual([['"path": "$.x"', '"path" is not pa']]);
  });

  it('a shared-condition reference: one message, not "must be a group or a test" as well', async () => {
    const out = await problems(ruleWith((all) => { all[0] = { condition: 'materialsIncomplete' }; }));
    expect(out).toEqual([
      {
        at: expect.stringMatching(/ schema$/),
        message: 'shared conditions ("condition") are not part of the rule format: write the test here in full, {"fact": …, "operator": …, "value": …}',
        line: '"condition": "materialsIncomplete"',
      },
    ]);
  });

  it.each([
    ['not:equal', 'write the test inside a group, {"not": {"fact": …, "operator": "equal", "value": …}}'],
    ['someFact:equal', 'for a list fact use "intersects" (shares an element with a list) or "contains"'],
    ['everyValue:notEqual', 'use an {"all": [...]} of "notEqual" tests, one per value'],
    ['swap:in', 'put the fact on the left and choose the operator that reads that way ("in" for a fact in a list, "contains" for a list fact)'],
  ])('the decorated operator %s, at the operator', async (operator, advice) => {
    const out = await problems(ruleWith((all) => { all[0]!.operator = operator; }));
    expect(out).toEqual([
      {
        at: expect.stringMatching(/ unknown-operator$/),
        message: `operator "${operator}": json-rules-engine's decorators ("${operator.split(':')[0]}:") are not part of the rule format; ${advice}`,
        line: `"${operator}",`,
      },
    ]);
  });

  it('a decorator on an operator that does not exist is an unknown operator', async () => {
    const out = await problems(ruleWith((all) => { all[0]!.operator = 'not:moreThan'; }));
    expect(out.map((p) => p.message)).toEqual(['unknown operator "not:moreThan"; use one of the operators listed in rules/FORMAT.md']);
  });

  it('the same words outside conditions are ordinary unknown properties', async () => {
    const out = await problems(ruleWith((_all, rule) => { rule['priority'] = 3; }));
    expect(out.map((p) => p.message)).toEqual(['the file has an unknown property "priority"']);
  });
});
