/**
 * `--explain`: one rule against one record, with every condition's values whether or not the
 * rule fired. The engine short-circuits between priority sets, so leaves it skipped are
 * evaluated on their own and marked `evaluated: false` (the engine did not need them).
 */
import type { Engine, RuleResult } from 'json-rules-engine';
import type { ScopeRecord } from '../facts/types.js';
import type { FactValue } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { booleanKind, childrenOf, isLeaf, paramOf, type ConditionNode } from './condition-tree.js';
import { childPointer, type ParamSource } from './condition-evidence.js';
import { createEngine, runRecord } from './engine.js';

export type ExplainNode =
  | {
      kind: 'all' | 'any' | 'not';
      /** From the children when the engine did not judge this node itself. */
      result: boolean;
      evaluated: boolean;
      children: ExplainNode[];
    }
  | {
      kind: 'condition';
      fact: string;
      operator: string;
      expected: unknown;
      actual: FactValue;
      result: boolean;
      /** False when the engine did not need this leaf and it was evaluated here on its own. */
      evaluated: boolean;
      param?: string;
    }
  | { kind: 'reference'; condition: string; result: boolean | null };

export interface Explanation {
  ruleId: string;
  fired: boolean;
  tree: ExplainNode;
}

async function leafAlone(engine: Engine, node: ConditionNode, record: ScopeRecord): Promise<ConditionNode> {
  const { fact, operator, value, path, params } = node;
  const leaf: ConditionNode = { fact: fact!, operator: operator!, value };
  if (path !== undefined) leaf.path = path;
  if (params !== undefined) leaf.params = params;
  engine.addRule({ name: '__explain__', conditions: { all: [leaf] } as never, event: { type: '__explain__' } });
  try {
    const { fired, failed } = await runRecord({ engine }, record, 'the explained condition');
    const result = [...fired, ...failed].find((r) => r.name === '__explain__')!;
    return (result.conditions as ConditionNode).all![0]!;
  } finally {
    engine.removeRule('__explain__');
  }
}

function combine(kind: 'all' | 'any' | 'not', children: ExplainNode[]): boolean {
  const results = children.map((c) => c.result === true);
  if (kind === 'all') return results.every(Boolean);
  if (kind === 'any') return results.some(Boolean);
  return !results[0];
}

async function explainNode(engine: Engine, node: ConditionNode, params: ParamSource, record: ScopeRecord, pointer = ''): Promise<ExplainNode> {
  const kind = booleanKind(node);
  if (kind) {
    const rawChildren = params.raw ? childrenOf(params.raw) : [];
    const children: ExplainNode[] = [];
    for (const [i, child] of childrenOf(node).entries()) {
      const childParams = { byPointer: params.byPointer, raw: rawChildren[i] };
      children.push(await explainNode(engine, child, childParams, record, childPointer(pointer, node, i)));
    }
    const evaluated = node.result !== undefined;
    return { kind, result: evaluated ? node.result === true : combine(kind, children), evaluated, children };
  }
  if (!isLeaf(node)) return { kind: 'reference', condition: String(node.condition), result: node.result ?? null };
  const evaluated = node.result !== undefined;
  const judged = evaluated ? node : await leafAlone(engine, node, record);
  const leaf: ExplainNode = {
    kind: 'condition',
    fact: node.fact!,
    operator: node.operator!,
    expected: judged.valueResult !== undefined ? judged.valueResult : node.value,
    actual: (judged.factResult ?? null) as FactValue,
    result: judged.result === true,
    evaluated,
  };
  const param = params.byPointer?.[pointer] ?? paramOf(params.raw);
  if (param !== undefined) leaf.param = param;
  return leaf;
}

export async function explainRecord(rule: Rule, record: ScopeRecord): Promise<Explanation> {
  const engine = createEngine([rule]);
  const { fired, failed } = await runRecord({ engine }, record, `rule ${rule.id}`);
  const result: RuleResult = fired[0] ?? failed[0]!;
  const probe = createEngine([]);
  // The engine records the top-level outcome on the result, not on the root condition.
  const root = { ...(result.conditions as ConditionNode), result: result.result === true };
  const tree = await explainNode(probe, root, { byPointer: rule.paramOf, raw: rule.conditions as ConditionNode }, record);
  return { ruleId: rule.id, fired: fired.length > 0, tree };
}
