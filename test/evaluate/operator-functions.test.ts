/**
 * The compiled path's operators (operator-functions.ts) against json-rules-engine's own, on a
 * matrix of fact and condition values: null, undefined, numbers and numeric text, NaN, booleans,
 * dates, lists. Every built-in, every custom operator and the decorated forms give the same
 * verdict, or throw the same error.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/evaluate/engine.js';
import { resolveOperator } from '../../src/evaluate/operator-functions.js';
import { BUILTIN_OPERATOR_NAMES, CUSTOM_OPERATOR_NAMES, OPERATOR_DECORATOR_NAMES } from '../../src/evaluate/operators.js';

type Outcome = { holds: boolean } | { throws: string };

async function byEngine(operator: string, fact: unknown, value: unknown): Promise<Outcome> {
  const engine = createEngine([{ id: 'probe', resolvedConditions: { all: [{ fact: 'x', operator, value }] } }]);
  try {
    const { results } = await engine.run({ x: fact });
    return { holds: results.length === 1 };
  } catch (error) {
    return { throws: (error as Error).message };
  }
}

function compiled(operator: string, fact: unknown, value: unknown): Outcome {
  const fn = resolveOperator(operator)!;
  try {
    return { holds: fn(fact, value) === true };
  } catch (error) {
    return { throws: (error as Error).message };
  }
}

const FACTS: unknown[] = [
  null, undefined, 0, -0, 1, 3, 2.5, -1, NaN, Infinity, '3', '3abc', 'abc', '', ' 3', true, false,
  '2026-10-08', '2026-10-09', '2026/10/08', [], [3], ['a', 'b'], ['代办', 3], '代办服务费', 'a',
];
const VALUES: unknown[] = [null, 0, 3, 2.5, '3', 'a', '', true, false, '2026-10-08', [], [3, 'a'], ['a', 'b'], ['代办', '服务费'], 'ab'];

async function expectSameAsEngine(operator: string, facts: unknown[] = FACTS, values: unknown[] = VALUES): Promise<number> {
  let compared = 0;
  for (const fact of facts) {
    for (const value of values) {
      const expected = await byEngine(operator, fact, value);
      expect(compiled(operator, fact, value), `${operator}(${String(fact)}, ${JSON.stringify(value)})`).toEqual(expected);
      compared += 1;
    }
  }
  return compared;
}

describe('built-in operators: the same verdicts as json-rules-engine 7.3.1', () => {
  for (const operator of BUILTIN_OPERATOR_NAMES) {
    it(operator, async () => {
      expect(await expectSameAsEngine(operator)).toBe(FACTS.length * VALUES.length);
    });
  }

  it('numeric operators are false on values parseFloat cannot read, true on numeric text and [n]', () => {
    const gte = resolveOperator('greaterThanInclusive')!;
    expect([null, undefined, true, 'abc', '', NaN, []].map((f) => gte(f, 0))).toEqual([false, false, false, false, false, false, false]);
    expect([3, '3', [3], ' 3'].map((f) => gte(f, 3))).toEqual([true, true, true, true]);
    expect(gte('3abc', 0)).toBe(false); // passes the validator, then '3abc' >= 0 is false
  });

  it('contains works on lists only; in looks in text as well as lists', () => {
    expect(resolveOperator('contains')!('abc', 'b')).toBe(false);
    expect(resolveOperator('contains')!(['a', 'b'], 'b')).toBe(true);
    expect(resolveOperator('in')!('b', 'abc')).toBe(true);
  });

  it('in with a null list throws the engine\'s TypeError', async () => {
    expect(compiled('in', 'a', null)).toEqual(await byEngine('in', 'a', null));
    expect(compiled('in', 'a', null)).toHaveProperty('throws');
  });
});

describe('custom operators: one definition for both paths', () => {
  for (const operator of CUSTOM_OPERATOR_NAMES) {
    it(operator, async () => {
      await expectSameAsEngine(operator);
    });
  }
});

describe('decorated operators', () => {
  const decorated = [
    ...OPERATOR_DECORATOR_NAMES.map((d) => `${d}:equal`),
    'not:in', 'not:isEmpty', 'not:greaterThan', 'someFact:inList', 'everyFact:inList', 'swap:in', 'someValue:containsAny',
    'not:not:equal', 'someFact:not:equal', 'everyValue:swap:contains',
  ];
  for (const operator of decorated) {
    it(operator, async () => {
      await expectSameAsEngine(operator);
    });
  }

  it('applies decorators outside in: someFact:not:equal is someFact(not(equal))', () => {
    const fn = resolveOperator('someFact:not:equal')!;
    expect(fn(['a', 'b'], 'a')).toBe(true);
    expect(fn(['a', 'a'], 'a')).toBe(false);
    expect(fn('a', 'b')).toBe(false); // someFact wants a list
  });

  it('knows no operator or decorator the engine does not', () => {
    expect(resolveOperator('maybe:equal')).toBeUndefined();
    expect(resolveOperator('isempty')).toBeUndefined();
    expect(resolveOperator(':equal')).toBeUndefined();
  });
});
