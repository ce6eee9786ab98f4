/** failedBy / decidingLeaves: which conditions made a rule not fire. */
import { describe, expect, it } from 'vitest';
import { decidingLeaves, failedBy } from '../../src/explain/explain.js';
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
