/**
 * The leaves that decide a condition tree's outcome: for a rule that did not fire, the
 * conditions a reviewer would have to change. An `all` fails by its false children, an `any`
 * by all of them, a `not` by its child holding.
 */
import type { ConditionLeaf, TreeNode } from './types.js';

export function decidingLeaves(node: TreeNode, outcome: boolean): ConditionLeaf[] {
  if (node.kind === 'condition') return node.result === outcome ? [node] : [];
  if (node.kind === 'reference') return [];
  if (node.kind === 'not') return node.children.flatMap((c) => decidingLeaves(c, !outcome));
  // The children that alone decide: an all's false ones / an any's true ones; otherwise every child.
  const decisiveValue = node.kind === 'all' ? false : true;
  const children = outcome === decisiveValue ? node.children.filter((c) => c.result === outcome) : node.children;
  return children.flatMap((c) => decidingLeaves(c, outcome));
}

/** Why a rule did not fire: the leaves that made its conditions false. */
export function failedBy(tree: TreeNode): ConditionLeaf[] {
  return tree.result ? [] : decidingLeaves(tree, false);
}
