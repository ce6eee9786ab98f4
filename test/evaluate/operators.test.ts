/** Each custom operator through a real engine: true, false and null cases. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/evaluate/engine.js';
import { BUILTIN_OPERATOR_NAMES, CUSTOM_OPERATOR_NAMES, isKnownOperator, OPERATOR_NAMES } from '../../src/evaluate/operators.js';

async function holds(operator: string, fact: unknown, value: unknown): Promise<boolean> {
  const engine = createEngine([{ id: 'probe', resolvedConditions: { all: [{ fact: 'x', operator, value }] } }]);
  const { results } = await engine.run({ x: fact });
  return results.length === 1;
}

type Case = [fact: unknown, value: unknown, expected: boolean];

const table: Record<string, Case[]> = {
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

describe('custom operators', () => {
  for (const [operator, cases] of Object.entries(table)) {
    it.each(cases)(`${operator}(%j, %j) is %s`, async (fact, value, expected) => {
      expect(await holds(operator, fact, value)).toBe(expected);
    });
  }

  it('every custom operator is tested here', () => {
    expect([...CUSTOM_OPERATOR_NAMES].sort()).toEqual(Object.keys(table).sort());
  });
});

describe('built-in operators with null facts (json-rules-engine behaviour the rules rely on)', () => {
  it('numeric comparisons are false on null', async () => {
    expect(await holds('greaterThan', null, 0)).toBe(false);
    expect(await holds('greaterThanInclusive', null, 0)).toBe(false);
    expect(await holds('lessThan', null, 5)).toBe(false);
  });

  it('notEqual true on null is true: an empty 一次性告知 counts as not notified', async () => {
    expect(await holds('notEqual', null, true)).toBe(true);
  });

  it('equal false on null is false: materials_logged fires only on an explicit 否', async () => {
    expect(await holds('equal', null, false)).toBe(false);
  });
});

describe('operator names for the validator', () => {
  it('lists the built-ins and the custom operators', () => {
    expect(OPERATOR_NAMES).toEqual([...BUILTIN_OPERATOR_NAMES, ...CUSTOM_OPERATOR_NAMES]);
    expect(OPERATOR_NAMES).toContain('greaterThanInclusive');
    expect(OPERATOR_NAMES).toContain('isEmpty');
  });

  it('accepts decorated forms and refuses unknown names', () => {
    expect(isKnownOperator('isEmpty')).toBe(true);
    expect(isKnownOperator('not:isEmpty')).toBe(true);
    expect(isKnownOperator('someFact:equal')).toBe(true);
    expect(isKnownOperator('isempty')).toBe(false);
    expect(isKnownOperator('maybe:equal')).toBe(false);
  });

  it('a decorated custom operator runs', async () => {
    expect(await holds('not:isEmpty', 'x', true)).toBe(true);
    expect(await holds('everyFact:inList', ['a', 'b'], ['a', 'b', 'c'])).toBe(true);
    expect(await holds('everyFact:inList', ['a', 'z'], ['a', 'b', 'c'])).toBe(false);
  });
});
