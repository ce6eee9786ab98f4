/**
 * Seeded random records for the differential test: per scope, every fact of the catalogue,
 * drawn mostly from values the shipped rules care about (each param's values, numbers just
 * below, on and above each threshold, keywords inside text) and otherwise from odd values
 * (null, undefined, '', numeric text, NaN, lists where a scalar is expected, booleans as text).
 */
import { factsForScope } from '../../src/facts/catalogue.js';
import { SCOPE_SHEET, type Scope } from '../../src/facts/scopes.js';
import type { ScopeRecord, FactValue } from '../../src/facts/types.js';
import { GRADES } from '../../src/grade-scale.js';
import { childrenOf, type ConditionNode } from '../../src/evaluate/conditions.js';
import type { Rule } from '../../src/rules/types.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Value = FactValue | undefined;

const ODD: readonly Value[] = [
  null, undefined, '', ' ', 'x', '是', '否', '0', '3', '12abc', 'true', 'null', '2026-10-08', '2026/10/08',
  0, -1, 1, 2.5, -0, NaN, Infinity, 1e21, true, false, [], ['a'], [3], ['contact', 'content'], [1, '1'],
];

function leaves(node: ConditionNode | undefined, into: ConditionNode[] = []): ConditionNode[] {
  if (!node) return into;
  if (typeof node.fact === 'string') into.push(node);
  for (const child of childrenOf(node)) leaves(child, into);
  return into;
}

/** Values around what a test compares with: each threshold's boundary cases and their odd twins. */
function candidates(operator: string, value: unknown): Value[] {
  if (value !== null && typeof value === 'object' && 'fact' in (value as object)) return [0, 4, 5, 6, 15, null, '5', true, [5]];
  if (operator === 'isEmpty') return [null, undefined, '', ' ', [], 'x', '2026-10-08', ['a'], 0, false];
  if (typeof value === 'number') {
    return [value - 1, value - 0.5, value, value + 0.5, value + 1, String(value), `${value}abc`, [value], [value, value], true, false, null, '', NaN];
  }
  if (typeof value === 'boolean') return [value, !value, String(value), value ? 1 : 0, null, undefined, ''];
  if (typeof value === 'string') return [value, ` ${value}`, `前${value}后`, value.slice(0, 1), '', null, [value]];
  if (Array.isArray(value)) {
    return [...value.flatMap((v) => [v, ` ${v}`, `前${v}后`, [v]]), value as FactValue, null, '', value.length, 0];
  }
  return [value as Value, null];
}

interface Test {
  fact: string;
  values: Value[];
  /** The value's own fact (`{ "fact": name }`), drawn from the same numbers. */
  valueFact?: string;
}

function tests(rule: Rule): Test[] {
  return leaves(rule.resolvedConditions as ConditionNode).map((leaf) => {
    const value = leaf.value as { fact?: unknown } | null;
    const test: Test = { fact: leaf.fact!, values: candidates(leaf.operator!, leaf.value) };
    if (value && typeof value === 'object' && typeof value.fact === 'string') test.valueFact = value.fact;
    return test;
  });
}

/** Per fact of the scope: every candidate of every test on it. */
function targetedPools(rules: readonly Rule[]): Map<string, Value[]> {
  const pools = new Map<string, Value[]>();
  const add = (fact: string, values: Value[]) => pools.set(fact, [...(pools.get(fact) ?? []), ...values]);
  for (const rule of rules) {
    for (const test of tests(rule)) {
      add(test.fact, test.values);
      if (test.valueFact) add(test.valueFact, test.values);
    }
  }
  return pools;
}

const EVENT_DATES: readonly Value[] = ['2026-10-15', '2026-10-01', '2026-10-31', '2026-10-15', '2026-10-20', '2026-10-08', '2026-10-15', '2026-10-22', '2026-09-30', null];

/** Facts whose value becomes a grade (fromFact) must hold one, else grading (both paths) stops. */
function gradeFacts(rules: readonly Rule[]): Set<string> {
  return new Set(rules.flatMap((r) => ('fromFact' in r.grade ? [r.grade.fromFact] : [])));
}

/**
 * Half the records are drawn fact by fact; the other half aim at one rule: each of its tests
 * gets one of its own candidates (so the rule sits near its decision boundary), then one of its
 * facts an odd value.
 */
export function randomRecords(scope: Scope, rules: readonly Rule[], count: number, seed: number): ScopeRecord[] {
  const random = rng(seed);
  // Events drawn from a stream of their own, so the other facts are the ones this seed always gave.
  const eventRandom = rng(seed + 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const scopeRules = rules.filter((r) => r.scope === scope);
  const pools = targetedPools(scopeRules);
  const aims = scopeRules.map(tests);
  const graded = gradeFacts(scopeRules);
  const names = factsForScope(scope).map((f) => f.name);
  const records: ScopeRecord[] = [];
  for (let i = 0; i < count; i++) {
    const facts: Record<string, Value> = {};
    for (const name of names) {
      const pool = pools.get(name);
      facts[name] = pool && random() < 0.8 ? pick(pool) : pick(ODD);
    }
    if (aims.length > 0 && random() < 0.5) {
      const aim = pick(aims);
      for (const test of aim) {
        facts[test.fact] = pick(test.values);
        if (test.valueFact) facts[test.valueFact] = pick(test.values);
      }
      if (random() < 0.5) facts[pick(aim).fact] = pick(ODD);
    }
    for (const name of graded) facts[name] = pick(GRADES);
    // Each rule's event: mostly in the audited period (2026-10), sometimes before it or not yet come.
    for (const rule of scopeRules) facts[rule.event] = EVENT_DATES[Math.floor(eventRandom() * EVENT_DATES.length)]!;
    const record: ScopeRecord = { scope, ref: { sheet: SCOPE_SHEET[scope], row: i + 2, key: `R-${scope}-${i}` }, date: '2026-10-15', facts: facts as Record<string, FactValue> };
    if (scope === 'ledger') record.rows = [i + 2, i + 3];
    records.push(record);
  }
  return records;
}
