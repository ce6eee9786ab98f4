/**
 * The evaluator: a rule's condition tree (params already substituted by the loader) judged on one
 * record's facts, synchronously. Groups are `all`, `any` and `not`; a leaf is
 * `{fact, operator, value}`, where `value` is a literal or `{ "fact": name }` (another fact of the
 * same record). The operators are operators.ts's. `audit`, `audit --explain` and `rules test` all
 * judge through this file; json-rules-engine (reference.ts) is kept only as the reference.
 *
 * Two readings of the same tree:
 * - `holds` (and `verdictOf`, which evaluate() keeps per rule) decides whether the rule fires,
 *   through the tree compiled once into a function (verdict.ts). A group stops at its first
 *   deciding child (an `all` at a false one, an `any` at a true one): most records fail a rule on
 *   its first test (walking every leaf instead had cost 173 ms against 150 on the 17 case
 *   rules over 100,000 synthetic cases). Compiled, rather than walked as before, it took those
 *   rules over the 100,000-case bench month from ~175 to ~95 ms of CPU time (evaluate()
 *   repeated in one warm process, medians of 9, old and new alternating, busy machine).
 * - `evidence` and `judge` evaluate and record every leaf, in the order written, for a rule that
 *   fired (its finding's evidence), `--explain` and `rules test`. Every leaf, not only the
 *   deciding ones: an inspector reading a board-entry-incomplete finding sees each missing field
 *   of the entry, not only the first; a rule that did not fire shows every condition's value; and
 *   json-rules-engine also evaluates a whole group, so the reference gives the same evidence.
 * Operators are pure, so both readings reach the same verdict. A test that cannot be evaluated (a
 * fact the record lacks, `in` over a null list) is an error when a reading reaches it; the loader
 * refuses facts a scope does not have, so on a loaded rule set only a malformed value can.
 */
import type { ConditionEvidence } from '../findings/types.js';
import type { FactValue } from '../facts/types.js';
import type { Rule } from '../rules/types.js';
import { operatorFn, type OperatorFn } from './operators.js';
import { compileVerdict, type Verdict } from './verdict.js';

/** A condition tree as rule files write it (rules/FORMAT.md, "Conditions"). */
export interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?: string;
  operator?: string;
  value?: unknown;
}

export type GroupKind = 'all' | 'any' | 'not';

export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** A leaf ready to judge: its operator looked up and the param that supplied its value named. */
interface Leaf {
  kind: 'condition';
  fact: string;
  operator: string;
  fn: OperatorFn;
  /** The value as written (params substituted). */
  value: unknown;
  /** Set when the value is `{ "fact": name }`: compare with that fact of the record. */
  valueFact?: string;
  param?: string;
}

interface Group {
  kind: GroupKind;
  children: Prepared[];
}

type Prepared = Leaf | Group;

/** A judged leaf: the evidence a finding keeps, and the other fact a value named (for --explain). */
export type JudgedLeaf = { kind: 'condition' } & ConditionEvidence & { expectedFact?: string };

/** The tree with every node's result. */
export type JudgedNode = { kind: GroupKind; result: boolean; children: JudgedNode[] } | JudgedLeaf;

function groupKind(node: ConditionNode): GroupKind | undefined {
  if (Array.isArray(node.all)) return 'all';
  if (Array.isArray(node.any)) return 'any';
  if (node.not !== undefined && node.not !== null) return 'not';
  return undefined;
}

/** Children of a group (a `not` has one), none for a leaf. */
export function childrenOf(node: ConditionNode): ConditionNode[] {
  if (node.all) return node.all;
  if (node.any) return node.any;
  if (node.not) return [node.not];
  return [];
}

/** `{ "fact": name }` as a condition's value, else undefined. */
export function valueFact(value: unknown): string | undefined {
  const v = value as { fact?: unknown } | null;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' ? v.fact : undefined;
}

/** Every fact the leaves of a tree test, in reading order, once each (a finding quotes them). */
export function factsOfTree(node: ConditionNode | undefined, into: string[] = []): string[] {
  if (!node) return into;
  if (typeof node.fact === 'string' && !into.includes(node.fact)) into.push(node.fact);
  for (const child of childrenOf(node)) factsOfTree(child, into);
  return into;
}

/** The loader's JSON pointer of a child, as in Rule.paramOf (`/all/0`, `/any/1/not`). */
function childPointer(pointer: string, kind: GroupKind, index: number): string {
  return kind === 'not' ? `${pointer}/not` : `${pointer}/${kind}/${index}`;
}

function prepare(node: ConditionNode, paramOf: Readonly<Record<string, string>>, pointer: string, rule: Rule): Prepared {
  const kind = groupKind(node);
  if (kind) return { kind, children: childrenOf(node).map((child, i) => prepare(child, paramOf, childPointer(pointer, kind, i), rule)) };
  const fn = operatorFn(String(node.operator));
  // The loader refuses both; a rule built in code reaches here.
  if (typeof node.fact !== 'string' || !fn) throw new Error(`rule ${rule.id}: ${typeof node.fact !== 'string' ? 'a condition without a fact' : `unknown operator ${node.operator}`} at ${pointer || '/'}`);
  const leaf: Leaf = { kind: 'condition', fact: node.fact, operator: node.operator!, fn, value: node.value };
  const other = valueFact(node.value);
  if (other !== undefined) leaf.valueFact = other;
  if (paramOf[pointer] !== undefined) leaf.param = paramOf[pointer];
  return leaf;
}

/** A rule's tree ready to judge; prepared once per rule object. */
export type RuleConditions = Prepared;

const PREPARED = new WeakMap<Rule, Prepared>();

export function conditionsOf(rule: Rule): RuleConditions {
  let tree = PREPARED.get(rule);
  if (!tree) PREPARED.set(rule, (tree = prepare(rule.resolvedConditions as ConditionNode, rule.paramOf ?? {}, '', rule)));
  return tree;
}

/** A fact the record does not have is an error, as in json-rules-engine: the rule names a fact of another scope. */
function read(facts: Facts, name: string): unknown {
  const value = facts[name];
  if (value === undefined && !(name in facts)) throw new Error(`Undefined fact: ${name}`);
  return value;
}

const VERDICTS = new WeakMap<Prepared, Verdict>();

/** The tree's verdict, compiled once per prepared tree (verdict.ts). */
function verdictOfTree(conditions: RuleConditions): Verdict {
  let verdict = VERDICTS.get(conditions);
  if (!verdict) VERDICTS.set(conditions, (verdict = compileVerdict(conditions)));
  return verdict;
}

/** Whether the rule fires on a record: its compiled verdict (evaluate() keeps one per rule). */
export function verdictOf(rule: Rule): Verdict {
  return verdictOfTree(conditionsOf(rule));
}

/** Whether the rule fires on the record. */
export function holds(conditions: RuleConditions, facts: Facts): boolean {
  return verdictOfTree(conditions)(facts);
}

/**
 * A leaf's evidence. `expected` is the value compared with: the other fact's value, or the
 * written value's frozen copy (frozenCopyOf); the written value when the other fact is undefined,
 * as json-rules-engine reports it.
 */
export function leafEvidence(leaf: { fact: string; operator: string; value: unknown; param?: string }, actual: unknown, expected: unknown, result: boolean): ConditionEvidence {
  const evidence: ConditionEvidence = {
    fact: leaf.fact,
    operator: leaf.operator,
    expected: expected !== undefined ? expected : frozenCopyOf(leaf.value),
    actual: (actual ?? null) as FactValue,
    result,
  };
  if (leaf.param !== undefined) evidence.param = leaf.param;
  return evidence;
}

const FROZEN_COPIES = new WeakMap<object, unknown>();

/**
 * A written list or object as the findings show it: one deep copy per rule value, frozen, and
 * shared by every finding of the rule. A finding can never change the rule's lists, nor another
 * finding's, and a list (case-overdue's 13 placeholder reasons) is no longer copied per finding.
 * Rule values are JSON (texts, numbers, lists of them).
 */
function frozenCopyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  let copy = FROZEN_COPIES.get(value);
  if (copy === undefined) FROZEN_COPIES.set(value, (copy = deepFrozenCopy(value)));
  return copy;
}

function deepFrozenCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(deepFrozenCopy));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = deepFrozenCopy(item);
  return Object.freeze(copy);
}

function judgeLeaf(leaf: Leaf, facts: Facts): ConditionEvidence {
  const actual = read(facts, leaf.fact);
  const other = leaf.valueFact === undefined ? undefined : read(facts, leaf.valueFact);
  return leafEvidence(leaf, actual, other, leaf.fn(actual, leaf.valueFact === undefined ? leaf.value : other) === true);
}

function collectEvidence(node: Prepared, facts: Facts, into: ConditionEvidence[]): void {
  if (node.kind === 'condition') into.push(judgeLeaf(node, facts));
  else for (let i = 0; i < node.children.length; i++) collectEvidence(node.children[i]!, facts, into);
}

/** Every leaf of the tree judged on the record, in the order written: a finding's evidence. */
export function evidence(conditions: RuleConditions, facts: Facts): ConditionEvidence[] {
  const into: ConditionEvidence[] = [];
  collectEvidence(conditions, facts, into);
  return into;
}

function judgeNode(node: Prepared, facts: Facts): JudgedNode {
  if (node.kind === 'condition') {
    const judged: JudgedLeaf = { kind: 'condition', ...judgeLeaf(node, facts) };
    if (node.valueFact !== undefined) judged.expectedFact = node.valueFact;
    return judged;
  }
  const children = node.children.map((child) => judgeNode(child, facts));
  const results = children.map((child) => child.result);
  const result = node.kind === 'not' ? !results[0] : node.kind === 'all' ? results.every(Boolean) : results.length === 0 || results.some(Boolean);
  return { kind: node.kind, result, children };
}

/** The rule's tree judged on the record: every node with its result, every leaf with its values. */
export function judge(rule: Rule, facts: Facts): JudgedNode {
  return judgeNode(conditionsOf(rule), facts);
}

/** A leaf of a rule's tree as the reference engine needs it to name its evidence. */
export type LeafSpec = Pick<Leaf, 'fact' | 'operator' | 'value' | 'param'>;

/**
 * Walks the rule's tree together with another tree of the same shape (json-rules-engine's
 * evaluated copy of the conditions), calling `visit` with each leaf and its counterpart.
 */
export function zipLeaves(rule: Rule, other: ConditionNode, visit: (leaf: LeafSpec, node: ConditionNode) => void): void {
  const walk = (node: Prepared, twin: ConditionNode) => {
    if (node.kind === 'condition') visit(node, twin);
    else node.children.forEach((child, i) => walk(child, childrenOf(twin)[i]!));
  };
  walk(conditionsOf(rule), other);
}
