/**
 * A rule's `resolvedConditions` compiled once into a plain predicate over a record's facts:
 * closures over the condition tree, no eval. It decides exactly as json-rules-engine does
 * (same operators, same order of evaluation by priority, same errors) and remembers which
 * tests it evaluated, so a fired rule's evidence lists the same conditions with the same values
 * as the engine path's (condition-evidence.ts): every test of the tree the engine evaluated, in
 * the order written. test/evaluate/differential.test.ts holds the two paths to that.
 *
 * What the compiler does not take (a shared-condition reference, a `path` into a fact, a group
 * with two of all/any/not, a non-integer priority — none of them in the rule schema or the
 * catalogue) makes it throw UnsupportedCondition, and the caller runs that scope on the engine.
 */
import type { ConditionEvidence } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { childPointer } from './condition-evidence.js';
import { paramOf, type ConditionNode } from './condition-tree.js';
import { isSupportedPriority, priorityOf, prioritySets } from './condition-priority.js';
import { compileLeaf, type CompiledLeaf } from './compile-leaf.js';
import { FactSlots, type SlotValues } from './fact-slots.js';

export { FactSlots, type Facts, type SlotValues } from './fact-slots.js';

export class UnsupportedCondition extends Error {}

export interface CompiledRule {
  rule: Rule;
  /** Where the rule reads its facts (shared by the rules of a scope). */
  slots: FactSlots;
  /** Runs the conditions on one record's values (`slots.read(facts)`): true when the rule fires. */
  test(values: SlotValues): boolean;
  /** The evidence of the last `test`, on the same values: each test it evaluated, in tree order. */
  evidence(values: SlotValues): ConditionEvidence[];
}

type Predicate = (values: SlotValues) => boolean;
type GroupKind = 'all' | 'any' | 'not';

const GROUP_KINDS: readonly GroupKind[] = ['any', 'all', 'not'];
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'params', 'priority']);
const GROUP_KEYS = new Set(['all', 'any', 'not', 'priority']);

/** The engine's Condition.booleanOperator (any, then all, then not), refusing mixed nodes. */
function groupKind(node: ConditionNode): GroupKind | undefined {
  const kinds = GROUP_KINDS.filter((kind) => Object.prototype.hasOwnProperty.call(node, kind));
  if (kinds.length > 1) throw new UnsupportedCondition(`a group with ${kinds.join(' and ')}`);
  return kinds[0];
}

function checkKeys(node: ConditionNode, allowed: ReadonlySet<string>, what: string): void {
  for (const key of Object.keys(node)) {
    if (!allowed.has(key)) throw new UnsupportedCondition(`${what} with "${key}"`);
  }
  if (!isSupportedPriority((node as { priority?: unknown }).priority)) throw new UnsupportedCondition('a non-integer priority');
}

interface Compiling {
  slots: FactSlots;
  leaves: CompiledLeaf[];
  /** Per leaf, for the last test: 0 not evaluated, 1 false, 2 true. */
  state: Uint8Array;
  /** Some group has more than one priority set, so a test may leave leaves unevaluated. */
  shortCircuits: boolean;
}

export function compileRule(rule: Rule, slots: FactSlots = new FactSlots()): CompiledRule {
  const compiling: Compiling = { slots, leaves: [], state: new Uint8Array(0), shortCircuits: false };
  const root = rule.resolvedConditions as ConditionNode;
  if (root === null || typeof root !== 'object' || !groupKind(root)) throw new UnsupportedCondition('conditions that are not a group');
  const predicate = compileNode(root, { byPointer: rule.paramOf, raw: rule.conditions as ConditionNode }, '', compiling);
  const { leaves } = compiling;
  const state = (compiling.state = new Uint8Array(leaves.length));
  // Without priorities every test evaluates every leaf, so the state needs no reset.
  const test = compiling.shortCircuits
    ? (values: SlotValues) => {
        state.fill(0);
        return predicate(values);
      }
    : predicate;
  return {
    rule,
    slots,
    test,
    evidence(values) {
      const evidence: ConditionEvidence[] = [];
      for (let i = 0; i < leaves.length; i++) if (state[i] !== 0) evidence.push(leaves[i]!.evidence(values, state[i] === 2));
      return evidence;
    },
  };
}

interface ParamSource {
  byPointer?: Record<string, string> | undefined;
  raw?: ConditionNode | undefined;
}

function compileNode(node: ConditionNode, params: ParamSource, pointer: string, compiling: Compiling): Predicate {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new UnsupportedCondition('a condition that is not an object');
  const kind = groupKind(node);
  if (!kind) return compileTest(node, params, pointer, compiling);
  checkKeys(node, GROUP_KEYS, 'a group');
  const children = kind === 'not' ? [node.not] : node[kind];
  if (kind === 'not' ? Array.isArray(node.not) : !Array.isArray(children)) throw new UnsupportedCondition(`a malformed "${kind}"`);
  const rawChildren = childrenOfRaw(params.raw, kind);
  const compiled = (children as ConditionNode[]).map((child, i) =>
    compileNode(child, { byPointer: params.byPointer, raw: rawChildren[i] }, childPointer(pointer, node, i), compiling),
  );
  if (kind === 'not') return notOf(compiled[0]!);
  const priorities = (children as ConditionNode[]).map((child) => priorityOf(child, groupKind(child) !== undefined));
  const sets = prioritySets(priorities);
  if (sets.length > 1) compiling.shortCircuits = true;
  const leafIndexes = compiled.map((predicate) => LEAF_INDEX.get(predicate));
  if (sets.length === 1 && leafIndexes.every((i) => i !== undefined)) return flatGroup(kind, leafIndexes as number[], compiling);
  return kind === 'all' ? allOf(compiled, sets) : anyOf(compiled, sets);
}

/** Which leaf a compiled test predicate judges (to fuse a group of plain tests). */
const LEAF_INDEX = new WeakMap<Predicate, number>();

/**
 * The common shape — a group of plain tests, no priorities — as one loop: every test judged
 * (as the engine evaluates a priority set whole), its verdict kept for the evidence.
 */
function flatGroup(kind: 'all' | 'any', indexes: readonly number[], compiling: Compiling): Predicate {
  const judges = indexes.map((i) => compiling.leaves[i]!.judge);
  const count = judges.length;
  if (count === 0) return () => true;
  return (values) => {
    const state = compiling.state;
    let all = true;
    let any = false;
    for (let i = 0; i < count; i++) {
      if (judges[i]!(values)) {
        state[indexes[i]!] = 2;
        any = true;
      } else {
        state[indexes[i]!] = 1;
        all = false;
      }
    }
    return kind === 'all' ? all : any;
  };
}

function childrenOfRaw(raw: ConditionNode | undefined, kind: GroupKind): (ConditionNode | undefined)[] {
  if (!raw) return [];
  if (kind === 'not') return [raw.not];
  return Array.isArray(raw[kind]) ? raw[kind]! : [];
}

function compileTest(node: ConditionNode, params: ParamSource, pointer: string, compiling: Compiling): Predicate {
  if (Object.prototype.hasOwnProperty.call(node, 'condition')) throw new UnsupportedCondition('a shared-condition reference');
  if (Object.prototype.hasOwnProperty.call(node, 'path')) throw new UnsupportedCondition('a "path" into a fact');
  checkKeys(node, LEAF_KEYS, 'a test');
  if (typeof node.fact !== 'string' || typeof node.operator !== 'string' || !Object.prototype.hasOwnProperty.call(node, 'value')) {
    throw new UnsupportedCondition('a test without fact, operator and value');
  }
  const value = node.value as { path?: unknown } | null;
  if (value !== null && typeof value === 'object' && 'fact' in value && ('path' in value || 'params' in value)) {
    throw new UnsupportedCondition('a fact value with a path or params');
  }
  const index = compiling.leaves.length;
  const leaf = compileLeaf(node, params.byPointer?.[pointer] ?? paramOf(params.raw), compiling.slots);
  compiling.leaves.push(leaf);
  const judge = leaf.judge;
  const predicate: Predicate = (values) => {
    const result = judge(values);
    compiling.state[index] = result ? 2 : 1;
    return result;
  };
  LEAF_INDEX.set(predicate, index);
  return predicate;
}

function notOf(child: Predicate): Predicate {
  return (values) => !child(values);
}

/** Every child of a priority group is evaluated (the engine runs a group with Promise.all). */
function allOf(children: Predicate[], sets: number[][]): Predicate {
  if (children.length === 0) return () => true;
  if (sets.length === 1) {
    return (values) => {
      let result = true;
      for (const child of children) if (!child(values)) result = false;
      return result;
    };
  }
  return (values) => {
    for (const set of sets) {
      let result = true;
      for (const i of set) if (!children[i]!(values)) result = false;
      if (!result) return false;
    }
    return true;
  };
}

/** As allOf; an empty `any` holds, as in the engine. */
function anyOf(children: Predicate[], sets: number[][]): Predicate {
  if (children.length === 0) return () => true;
  if (sets.length === 1) {
    return (values) => {
      let result = false;
      for (const child of children) if (child(values)) result = true;
      return result;
    };
  }
  return (values) => {
    for (const set of sets) {
      let result = false;
      for (const i of set) if (children[i]!(values)) result = true;
      if (result) return true;
    }
    return false;
  };
}
