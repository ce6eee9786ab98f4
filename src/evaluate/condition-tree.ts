/**
 * The shape of a json-rules-engine condition tree, before and after evaluation. After a run
 * every leaf the engine looked at carries `factResult`, `valueResult` and `result`; leaves
 * it skipped (a later priority set after the outcome was known) carry no `result`.
 */
export interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  /** A reference to a shared condition (not used by the catalogue, tolerated). */
  condition?: string;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  params?: Record<string, unknown>;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

export type BooleanKind = 'all' | 'any' | 'not';

export function booleanKind(node: ConditionNode): BooleanKind | undefined {
  if (Array.isArray(node.all)) return 'all';
  if (Array.isArray(node.any)) return 'any';
  if (node.not !== undefined && node.not !== null) return 'not';
  return undefined;
}

/** Children of a boolean node (a `not` has one). */
export function childrenOf(node: ConditionNode): ConditionNode[] {
  if (node.all) return node.all;
  if (node.any) return node.any;
  if (node.not) return [node.not];
  return [];
}

export function isLeaf(node: ConditionNode): boolean {
  return typeof node.fact === 'string';
}

/** The param a leaf's value came from, read from the rule file's own (unresolved) conditions. */
export function paramOf(raw: ConditionNode | undefined): string | undefined {
  const v = raw?.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { param?: unknown }).param === 'string') {
    return (v as { param: string }).param;
  }
  return undefined;
}

/** Every fact named by the leaves of a tree, in reading order, once each. */
export function factsOfTree(node: ConditionNode | undefined, into: string[] = []): string[] {
  if (!node) return into;
  if (isLeaf(node) && !into.includes(node.fact!)) into.push(node.fact!);
  for (const child of childrenOf(node)) factsOfTree(child, into);
  return into;
}
