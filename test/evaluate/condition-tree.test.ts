/** Walking condition trees: facts named, params found by pointer or by the file's tree, evaluated leaves only. */
import { describe, expect, it } from 'vitest';
import { childPointer, conditionEvidence } from '../../src/evaluate/condition-evidence.js';
import { booleanKind, factsOfTree, paramOf, type ConditionNode } from '../../src/evaluate/condition-tree.js';
import { referencedFacts } from '../../src/evaluate/engine.js';
import { absentSheets } from '../../src/evaluate/rule-runs.js';
import { ledgerOf } from '../facts/helpers.js';

const tree: ConditionNode = {
  all: [
    { fact: 'kind', operator: 'in', value: ['承诺件'] },
    { any: [{ fact: 'visits', operator: 'greaterThan', value: 2 }, { not: { fact: 'notified', operator: 'equal', value: true } }] },
    { fact: 'promised_days', operator: 'greaterThan', value: { fact: 'statutory_days' } },
  ],
};

describe('condition trees', () => {
  it('lists the facts the leaves test, once each, in reading order', () => {
    expect(factsOfTree(tree)).toEqual(['kind', 'visits', 'notified', 'promised_days']);
  });

  it('referencedFacts also includes facts used as values', () => {
    expect(referencedFacts([{ resolvedConditions: tree }])).toEqual(['kind', 'visits', 'notified', 'promised_days', 'statutory_days']);
  });

  it('booleanKind and paramOf', () => {
    expect(booleanKind(tree)).toBe('all');
    expect(booleanKind({ not: { fact: 'x', operator: 'equal', value: 1 } })).toBe('not');
    expect(booleanKind({ fact: 'x', operator: 'equal', value: 1 })).toBeUndefined();
    expect(paramOf({ fact: 'x', operator: 'equal', value: { param: 'limit' } })).toBe('limit');
    expect(paramOf({ fact: 'x', operator: 'equal', value: { fact: 'y' } })).toBeUndefined();
    expect(paramOf(undefined)).toBeUndefined();
  });

  it('child pointers follow the loader\'s JSON pointers', () => {
    expect(childPointer('', tree, 1)).toBe('/all/1');
    expect(childPointer('/all/1', tree.all![1]!, 1)).toBe('/all/1/any/1');
    expect(childPointer('/all/1/any/1', tree.all![1]!.any![1]!, 0)).toBe('/all/1/any/1/not');
  });
});

describe('conditionEvidence', () => {
  const evaluated: ConditionNode = {
    all: [
      { fact: 'kind', operator: 'in', value: ['承诺件'], factResult: '承诺件', valueResult: ['承诺件'], result: true },
      { any: [{ fact: 'visits', operator: 'greaterThan', value: 2, factResult: 3, result: true }, { not: { fact: 'notified', operator: 'equal', value: true } }] },
    ],
  };

  it('keeps only evaluated leaves, with params from the loader\'s pointer map', () => {
    const evidence = conditionEvidence(evaluated, { byPointer: { '/all/1/any/0': 'minVisits' } });
    expect(evidence).toEqual([
      { fact: 'kind', operator: 'in', expected: ['承诺件'], actual: '承诺件', result: true },
      { fact: 'visits', operator: 'greaterThan', expected: 2, actual: 3, result: true, param: 'minVisits' },
    ]);
  });

  it('falls back to the rule file\'s own tree for params', () => {
    const raw: ConditionNode = { all: [{ fact: 'kind', operator: 'in', value: { param: 'kinds' } }, { any: [] }] };
    expect(conditionEvidence(evaluated, { raw })[0]!.param).toBe('kinds');
  });
});

describe('absentSheets', () => {
  it('lists the required sheets the ledger lacks', () => {
    const ledger = ledgerOf({ cases: [], items: [] });
    expect(absentSheets({ requires: ['cases', 'items', 'handovers', 'staff'] }, ledger)).toEqual(['handovers', 'staff']);
    expect(absentSheets({ requires: ['cases'] }, ledger)).toEqual([]);
  });
});
