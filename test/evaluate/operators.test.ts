/**
 * The operators (src/evaluate/operators.ts): known answers for each, the one place they part from
 * json-rules-engine's defaults (a numeric comparison against a value that does not read as a
 * number is false), and the reference engine running exactly these definitions.
 */
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { operatorFn } from '../../src/evaluate/operators.js';
import { BUILTIN_OPERATOR_NAMES, CUSTOM_OPERATOR_NAMES, isKnownOperator, OPERATOR_NAMES } from '../../src/rules/operators.js';
import { referenceEngine } from '../../src/evaluate/reference.js';

type Outcome = { holds: boolean } | { throws: string };

async function byEngine(engine: Engine, fact: unknown): Promise<Outcome> {
  try {
    const { results } = await engine.run({ x: fact });
    return { holds: results.length === 1 };
  } catch (error) {
    return { throws: (error as Error).message };
  }
}

function probe(operator: string, value: unknown) {
  return { id: 'probe', resolvedConditions: { all: [{ fact: 'x', operator, value }] } };
}

/** json-rules-engine 7.3 with its own default operators. */
function defaultEngine(operator: string, value: unknown): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addRule({ name: 'probe', conditions: { all: [{ fact: 'x', operator, value }] }, event: { type: 'probe' } });
  return engine;
}

function ours(operator: string, fact: unknown, value: unknown): Outcome {
  try {
    return { holds: operatorFn(operator)!(fact, value) === true };
  } catch (error) {
    return { throws: (error as Error).message };
  }
}

const holds = (operator: string, fact: unknown, value: unknown) => operatorFn(operator)!(fact, value);

type Case = [fact: unknown, value: unknown, expected: boolean];

const KNOWN: Record<string, Case[]> = {
  equal: [['是', '是', true], [null, false, false], [false, false, true], [3, '3', false]],
  notEqual: [[null, true, true], [true, true, false], ['书面告知单', '口头', true]],
  in: [['承诺件', ['承诺件', '上报件'], true], ['即办件', ['承诺件'], false], [null, ['承诺件'], false], ['办', '办结', true]],
  notIn: [['办结', ['不予办理', '退回补正'], true], ['退回补正', ['不予办理', '退回补正'], false], [null, ['不予办理'], true]],
  contains: [[['a', 'b'], 'b', true], ['abc', 'b', false], [null, 'a', false]],
  doesNotContain: [[['a'], 'b', true], [['b'], 'b', false], ['abc', 'x', false]],
  lessThan: [[1, 2, true], [2, 2, false], [null, 5, false], [1, null, false], ['1', 2, true]],
  lessThanInclusive: [[2, 2, true], [3, 2, false], [2, '', false]],
  greaterThan: [[12, 10, true], [12, null, false], [12, undefined, false], [12, '', false], [null, 0, false], [12, true, false], [12, [], false], ['12', 10, true]],
  greaterThanInclusive: [[3, 3, true], [2, 3, false], [3, null, false], ['', 0, false], [[3], 3, true]],
  isEmpty: [
    [null, true, true], ['', true, true], [[], true, true], ['x', true, false], [0, true, false], [['a'], true, false],
    [null, false, false], ['x', false, true], [['a'], false, true], [false, true, false],
  ],
  containsAny: [
    ['代办服务费', ['代办', '服务费'], true], ['工本费', ['代办', '服务费'], false], [null, ['代办'], false],
    ['代办', '代办', true], ['工本费', [''], false], [12, ['1'], false],
  ],
  dateAfter: [['2026-10-09', '2026-10-08', true], ['2026-10-08', '2026-10-08', false], [null, '2026-10-08', false], ['abc', '2026-01-01', false]],
  dateBefore: [['2026-10-07', '2026-10-08', true], ['2026-10-08', '2026-10-08', false], [null, '2026-10-08', false]],
  dateOnOrAfter: [['2026-10-08', '2026-10-08', true], ['2026-10-07', '2026-10-08', false], [null, '2026-10-08', false]],
  dateOnOrBefore: [['2026-10-08', '2026-10-08', true], ['2026-10-09', '2026-10-08', false], [null, '2026-10-08', false]],
  inList: [['迟到', ['迟到', '早退'], true], ['正常', ['迟到', '早退'], false], [null, ['迟到', null], false], [3, [1, 2, 3], true]],
  intersects: [[['contact', 'content'], ['content'], true], [['contact'], ['content'], false], [[], ['content'], false], [null, ['content'], false]],
};

describe('known answers', () => {
  for (const [operator, cases] of Object.entries(KNOWN)) {
    it.each(cases)(`${operator}(%j, %j) is %s`, (fact, value, expected) => {
      expect(holds(operator, fact, value)).toBe(expected);
    });
  }

  it('every operator has known answers here', () => {
    expect([...OPERATOR_NAMES].sort()).toEqual(Object.keys(KNOWN).sort());
  });
});

const FACTS: unknown[] = [
  null, undefined, 0, -0, 1, 3, 2.5, -1, NaN, Infinity, '3', '3abc', 'abc', '', ' 3', true, false,
  '2026-10-08', '2026/10/08', [], [3], ['a', 'b'], ['代办', 3], '代办服务费', 'a',
];
const VALUES: unknown[] = [null, 0, 3, 2.5, NaN, Infinity, -Infinity, '3', 'a', '', true, false, '2026-10-08', [], [3, 'a'], ['a', 'b'], ['代办', '服务费'], 'ab'];
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const readsAsNumber = (v: unknown) => !Number.isNaN(Number.parseFloat(v as string));

describe('the built-ins against json-rules-engine 7.3\'s own', () => {
  for (const operator of BUILTIN_OPERATOR_NAMES) {
    it(`${operator}: the same verdict or error on every pair${NUMERIC.has(operator) ? ', except false where the value does not read as a number' : ''}`, async () => {
      for (const value of VALUES) {
        const engine = defaultEngine(operator, value);
        for (const fact of FACTS) {
          const theirs = await byEngine(engine, fact);
          const expected = NUMERIC.has(operator) && !readsAsNumber(value) ? { holds: false } : theirs;
          expect(ours(operator, fact, value), `${operator}(${String(fact)}, ${JSON.stringify(value)})`).toEqual(expected);
        }
      }
    });
  }

  it('the engine\'s own greaterThan holds for 12 > null: the quirk the numeric operators remove', async () => {
    expect(await byEngine(defaultEngine('greaterThan', null), 12)).toEqual({ holds: true });
    expect(holds('greaterThan', 12, null)).toBe(false);
  });
});

describe('the reference engine runs these definitions', () => {
  for (const operator of OPERATOR_NAMES) {
    it(operator, async () => {
      for (const value of VALUES) {
        const engine = referenceEngine([probe(operator, value)]);
        for (const fact of FACTS) expect(await byEngine(engine, fact), `${operator}(${String(fact)}, ${JSON.stringify(value)})`).toEqual(ours(operator, fact, value));
      }
    });
  }
});

describe('operator names', () => {
  it('lists the built-ins, then duty-audit\'s own', () => {
    expect(OPERATOR_NAMES).toEqual([...BUILTIN_OPERATOR_NAMES, ...CUSTOM_OPERATOR_NAMES]);
    expect(BUILTIN_OPERATOR_NAMES).toEqual(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
  });

  it('knows no json-rules-engine decorator and no misspelt name', () => {
    expect(isKnownOperator('isEmpty')).toBe(true);
    for (const name of ['not:isEmpty', 'someFact:equal', 'isempty', 'maybe:equal', '']) expect(isKnownOperator(name), name).toBe(false);
    expect(operatorFn('not:in')).toBeUndefined();
  });
});
