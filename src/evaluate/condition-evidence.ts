/**
 * Evidence from a rule result: each leaf condition the engine evaluated, with the fact's
 * value and the threshold it was compared with (STYLE §5: keep the evidence).
 */
import type { RuleResult } from 'json-rules-engine';
import type { ConditionEvidence, FactValue } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { booleanKind, childrenOf, isLeaf, paramOf, type ConditionNode } from './condition-tree.js';

export function leafEvidence(node: ConditionNode, param: string | undefined): ConditionEvidence {
  const evidence: ConditionEvidence = {
    fact: node.fact!,
    operator: node.operator!,
    expected: node.valueResult !== undefined ? node.valueResult : node.value,
    actual: (node.factResult ?? null) as FactValue,
    result: node.result === true,
  };
  if (param !== undefined) evidence.param = param;
  return evidence;
}

/** Where a leaf's threshold came from: the loader's map by JSON pointer, else the file's tree. */
export interface ParamSource {
  /** Rule.paramOf: param name by the leaf's JSON pointer inside `conditions`. */
  byPointer?: Record<string, string> | undefined;
  /** The rule file's own conditions (values still `{ "param": name }`). */
  raw?: ConditionNode | undefined;
}

export function childPointer(pointer: string, parent: ConditionNode, index: number): string {
  const kind = booleanKind(parent);
  return kind === 'not' ? `${pointer}/not` : `${pointer}/${kind}/${index}`;
}

/**
 * Walks the evaluated tree (same shape as the rule file's: the engine evaluates a copy of the
 * conditions in place) and keeps only the leaves that were evaluated.
 */
export function conditionEvidence(node: ConditionNode, params: ParamSource, into: ConditionEvidence[] = [], pointer = ''): ConditionEvidence[] {
  if (isLeaf(node)) {
    if (node.result !== undefined) into.push(leafEvidence(node, params.byPointer?.[pointer] ?? paramOf(params.raw)));
    return into;
  }
  const rawChildren = params.raw ? childrenOf(params.raw) : [];
  childrenOf(node).forEach((child, i) =>
    conditionEvidence(child, { byPointer: params.byPointer, raw: rawChildren[i] }, into, childPointer(pointer, node, i)));
  return into;
}

/** The evidence of a rule the engine fired: its evaluated tree, params named from the rule file. */
export function engineEvidence(rule: Pick<Rule, 'paramOf' | 'conditions'>, result: RuleResult): ConditionEvidence[] {
  return conditionEvidence(result.conditions as ConditionNode, { byPointer: rule.paramOf, raw: rule.conditions as ConditionNode });
}
