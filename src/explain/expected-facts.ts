/**
 * Marks the leaves whose expected value is another fact of the record (`{ "fact": "statutory_days" }`),
 * so `promised_days > 20` reads `promised_days > statutory_days 20`. The explanation tree mirrors
 * the rule's resolved conditions node for node, so both are walked together.
 */
import { childrenOf, isLeaf, type ConditionNode } from '../evaluate/condition-tree.js';
import type { ExplainNode, TreeNode } from './types.js';

function factReference(value: unknown): string | undefined {
  const v = value as { fact?: unknown } | null;
  return v && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' ? v.fact : undefined;
}

export function withExpectedFacts(node: ExplainNode, rule: ConditionNode | undefined): TreeNode {
  if (node.kind === 'reference') return node;
  if (node.kind === 'condition') {
    const fact = rule && isLeaf(rule) ? factReference(rule.value) : undefined;
    return fact === undefined ? node : { ...node, expectedFact: fact };
  }
  const ruleChildren = rule ? childrenOf(rule) : [];
  return { ...node, children: node.children.map((child, i) => withExpectedFacts(child, ruleChildren[i])) };
}
