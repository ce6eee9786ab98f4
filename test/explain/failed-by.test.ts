/** failedBy / decidingLeaves: which conditions made a rule not fire. */
import { describe, expect, it } from 'vitest';
import { changesFor, decidingLeaves, failedBy, isNearMiss } from '../../src/explain/explain.js';
import type { ConditionLeaf, TreeNode } from '../../src/explain/types.js';

function leaf(fact: string, result: boolean): ConditionLeaf {
  return { kind: 'condition', fact, operator: 'equal', expected: true, actual: result, result};
}
function node(kind: 'all' | 'any' | 'not', children: TreeNode[], result: boolean): TreeNode {
  return { kind, result, children };
}
const facts = (leaves: ConditionLeaf[]) => leaves.map((l) => l.fact);

describe('failedBy', () => {
  it.each<{ description: string; tree: TreeNode; expected: string[] }>([
    { description: 'an all fails by its false children only', tree: node('all', [leaf('a', true), leaf('b', false), leaf('c', false)], false), expected: ['b', 'c'] },
    { description: 'an any fails by every child', tree: node('any', [leaf('a', false), leaf('b', false)], false), expected: ['a', 'b'] },
    { description: 'a not fails by its child holding', tree: node('not', [leaf('a', true)], false), expected: ['a'] },
    {
      description: 'nested: all → any → (false, false) and a true sibling',
      tree: node('all', [leaf('on_board', true), node('any', [leaf('position', false), leaf('phone', false)], false)], false),
      expected: ['position', 'phone'],
    },
    {
      description: 'nested: all → not → any holding by one child',
      tree: node('all', [node('not', [node('any', [leaf('x', true), leaf('y', false)], true)], false)], false),
      expected: ['x'],
    },
    { description: 'a tree that holds has no failing leaves', tree: node('all', [leaf('a', true)], true), expected: [] },
  ])('$description', ({ tree, expected }) => {
    expect(facts(failedBy(tree))).toEqual(expected);
  });

  it('decidingLeaves(tree, true) names the leaves that made a tree hold', () => {
    const tree = node('any', [leaf('a', false), leaf('b', true)], true);
    expect(facts(decidingLeaves(tree, true))).toEqual(['b']);
  });
});

describe('changesFor and isNearMiss: how far a rule was from firing', () => {
  it.each<{ description: string; tree: TreeNode; toFire: string[]; near: boolean }>([
    { description: 'an all with one false child of three: one change, a near miss', tree: node('all', [leaf('a', true), leaf('b', false), leaf('c', true)], false), toFire: ['b'], near: true },
    { description: 'an all with two false children: two changes', tree: node('all', [leaf('a', false), leaf('b', false), leaf('c', true)], false), toFire: ['a', 'b'], near: false },
    { description: 'a single condition: one change, but nothing else held', tree: node('all', [leaf('a', false)], false), toFire: ['a'], near: false },
    { description: 'an any of false children: its first child, nothing held', tree: node('any', [leaf('a', false), leaf('b', false)], false), toFire: ['a'], near: false },
    {
      description: 'all → (held, any of two false): one change in the any, a near miss',
      tree: node('all', [leaf('on_board', true), node('any', [leaf('position', false), leaf('phone', false)], false)], false),
      toFire: ['position'],
      near: true,
    },
    {
      description: 'all → (false, not → holding): both must change',
      tree: node('all', [leaf('a', false), node('not', [leaf('b', true)], false)], false),
      toFire: ['a', 'b'],
      near: false,
    },
    {
      description: 'all → (held, not → holding): the not’s child is the change; a held under not counts as held',
      tree: node('all', [leaf('a', true), node('not', [leaf('b', true)], false), node('not', [leaf('c', false)], true)], false),
      toFire: ['b'],
      near: true,
    },
    { description: 'a tree that holds needs no change', tree: node('all', [leaf('a', true)], true), toFire: [], near: false },
  ])('$description', ({ tree, toFire, near }) => {
    expect(facts(changesFor(tree, true))).toEqual(toFire);
    expect(isNearMiss(tree)).toBe(near);
  });
});
