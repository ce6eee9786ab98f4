/**
 * The custom operators of the rule language (ARCHITECTURE "Operators"), registered on every
 * engine. json-rules-engine compares numbers only and `contains` works on arrays only, so
 * dates (YYYY-MM-DD strings, which order like dates) and keyword checks get their own.
 * A null fact never satisfies a comparison: "unknown" must not fire a rule by accident.
 */
import { Operator, type Engine } from 'json-rules-engine';
import type { FactValue } from '../findings/types.js';

type Fact = FactValue | undefined;

function isEmptyValue(fact: Fact): boolean {
  return fact === null || fact === undefined || fact === '' || (Array.isArray(fact) && fact.length === 0);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function isDateString(fact: Fact): fact is string {
  return typeof fact === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fact);
}

function dateOperator(name: string, compare: (fact: string, value: string) => boolean): Operator<Fact, string> {
  return new Operator<Fact, string>(name, (fact, value) => isDateString(fact) && typeof value === 'string' && compare(fact, value));
}

export const CUSTOM_OPERATORS: readonly Operator<Fact, never>[] = [
  new Operator<Fact, boolean>('isEmpty', (fact, value) => isEmptyValue(fact) === (value !== false)),
  new Operator<Fact, string[] | string>('containsAny', (fact, value) =>
    typeof fact === 'string' && asList(value).some((word) => typeof word === 'string' && word !== '' && fact.includes(word))),
  dateOperator('dateAfter', (f, v) => f > v),
  dateOperator('dateBefore', (f, v) => f < v),
  dateOperator('dateOnOrAfter', (f, v) => f >= v),
  dateOperator('dateOnOrBefore', (f, v) => f <= v),
  new Operator<Fact, unknown[]>('inList', (fact, value) => fact !== null && fact !== undefined && asList(value).includes(fact)),
  new Operator<Fact, unknown[]>('intersects', (fact, value) =>
    Array.isArray(fact) && asList(value).some((v) => (fact as unknown[]).includes(v))),
] as unknown as Operator<Fact, never>[];

/** json-rules-engine's own operators (7.3). */
export const BUILTIN_OPERATOR_NAMES = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

/** json-rules-engine's decorators, written `decorator:operator` (e.g. `not:isEmpty`). */
export const OPERATOR_DECORATOR_NAMES = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

export const CUSTOM_OPERATOR_NAMES: readonly string[] = CUSTOM_OPERATORS.map((o) => o.name);

/** Every operator a rule may name (the validator's list; decorated forms checked separately). */
export const OPERATOR_NAMES: readonly string[] = [...BUILTIN_OPERATOR_NAMES, ...CUSTOM_OPERATOR_NAMES];

/** ARCHITECTURE's name for the same list. */
export const OPERATORS = OPERATOR_NAMES;

/** True for a plain operator name or a decorated one such as `not:isEmpty`. */
export function isKnownOperator(name: string): boolean {
  const parts = name.split(':');
  const base = parts.pop()!;
  return OPERATOR_NAMES.includes(base) && parts.every((d) => (OPERATOR_DECORATOR_NAMES as readonly string[]).includes(d));
}

export function registerOperators(engine: Engine): void {
  for (const operator of CUSTOM_OPERATORS) engine.addOperator(operator as Operator);
}
