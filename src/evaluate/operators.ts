/**
 * The operators of the rule language (rules/FORMAT.md, "Operators"), each defined once as a plain
 * function of the fact's value and the condition's value. The evaluator calls them directly; the
 * reference engine (reference.ts) is given the same definitions, built-in names included, so the
 * differential test compares how the two walk a condition tree, not how they compare values.
 *
 * The built-ins keep json-rules-engine 7.3's meaning, with one change: a numeric comparison holds
 * only when both sides read as numbers. json-rules-engine checks the fact side only, so
 * `12 > null` held (null counts as 0) and rules had to guard every comparison with another fact
 * by an `isEmpty` test; a comparison against an empty value is now simply false.
 *
 * The names are the rule language's (src/rules/operators.ts): each table below must define
 * exactly those names, or it does not compile.
 */
import { Operator, type Engine } from 'json-rules-engine';
import type { BuiltinOperatorName, CustomOperatorName } from '../rules/operators.js';

/** What an operator does with the fact's value and the condition's value. */
export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

type Indexable = { indexOf(x: unknown): number };

/**
 * json-rules-engine's test for a number (its numberValidator): "3", "12abc" and [3] read as
 * numbers, as JavaScript's `>` then reads them; null, undefined, '', true and [] do not.
 */
function readsAsNumber(value: unknown): boolean {
  // A number reads as itself, NaN excepted: the same answer without the round trip through text
  // (the rules compare numbers with numbers far more often than anything else).
  if (typeof value === 'number') return value === value;
  if (value === null) return false;
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD strings order as the dates do; anything else (null included) never holds. */
function dateOperator(compare: (fact: string, value: string) => boolean): OperatorFn {
  return (fact, value) => typeof fact === 'string' && DATE.test(fact) && typeof value === 'string' && compare(fact, value);
}

/** json-rules-engine's own operators, as its engine-default-operators.js defines them (numbers: see above). */
const BUILT_IN = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  // As in the engine: `in` looks into a text as well as a list, and throws on a null list.
  in: (a, b) => (b as Indexable).indexOf(a) > -1,
  notIn: (a, b) => (b as Indexable).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => readsAsNumber(a) && readsAsNumber(b) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => readsAsNumber(a) && readsAsNumber(b) && (a as number) <= (b as number),
  greaterThan: (a, b) => readsAsNumber(a) && readsAsNumber(b) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => readsAsNumber(a) && readsAsNumber(b) && (a as number) >= (b as number),
} satisfies Record<BuiltinOperatorName, OperatorFn>;

/**
 * duty-audit's own: json-rules-engine compares numbers only and `contains` works on lists only,
 * so dates and keyword checks get their own. A null fact never satisfies any of them: "unknown"
 * must not fire a rule by accident.
 */
const CUSTOM = {
  isEmpty: (fact, value) => isEmptyValue(fact) === (value !== false),
  containsAny: (fact, value) => typeof fact === 'string' && asList(value).some((word) => typeof word === 'string' && word !== '' && fact.includes(word)),
  dateAfter: dateOperator((f, v) => f > v),
  dateBefore: dateOperator((f, v) => f < v),
  dateOnOrAfter: dateOperator((f, v) => f >= v),
  dateOnOrBefore: dateOperator((f, v) => f <= v),
  inList: (fact, value) => fact !== null && fact !== undefined && asList(value).includes(fact),
  intersects: (fact, value) => Array.isArray(fact) && asList(value).some((v) => (fact as unknown[]).includes(v)),
} satisfies Record<CustomOperatorName, OperatorFn>;

const BY_NAME = new Map<string, OperatorFn>([...Object.entries(BUILT_IN), ...Object.entries(CUSTOM)]);

/** The function of an operator name, or undefined for a name the rule language does not have. */
export function operatorFn(name: string): OperatorFn | undefined {
  return BY_NAME.get(name);
}

/** Gives a json-rules-engine Engine exactly these operators (its own built-ins replaced). */
export function registerOperators(engine: Engine): void {
  for (const [name, fn] of BY_NAME) engine.addOperator(new Operator(name, fn));
}
