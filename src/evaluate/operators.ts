/**
 * The operators of the rule language (ARCHITECTURE "Operators"): json-rules-engine's own and
 * duty-audit's custom ones, registered on every engine. Their definitions live in
 * operator-functions.ts, shared with the compiled path.
 */
import { Operator, type Engine } from 'json-rules-engine';
import { BUILTIN_OPERATOR_DEFS, CUSTOM_OPERATOR_DEFS, DECORATOR_DEFS } from './operator-functions.js';

/** The custom operators as json-rules-engine Operators (no validator: the callbacks check types). */
export const CUSTOM_OPERATORS: readonly Operator[] = CUSTOM_OPERATOR_DEFS.map(
  (def) => new Operator(def.name, def.callback as (factValue: unknown, jsonValue: unknown) => boolean),
);

/** json-rules-engine's own operators (7.3). */
export const BUILTIN_OPERATOR_NAMES = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

/** json-rules-engine's decorators, written `decorator:operator` (e.g. `not:isEmpty`). */
export const OPERATOR_DECORATOR_NAMES = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

export const CUSTOM_OPERATOR_NAMES: readonly string[] = CUSTOM_OPERATOR_DEFS.map((o) => o.name);

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
  for (const operator of CUSTOM_OPERATORS) engine.addOperator(operator);
}

// The restated built-ins must name exactly the engine's operators and decorators.
if (BUILTIN_OPERATOR_DEFS.map((d) => d.name).join() !== BUILTIN_OPERATOR_NAMES.join() || DECORATOR_DEFS.map((d) => d.name).join() !== OPERATOR_DECORATOR_NAMES.join()) {
  throw new Error('duty-audit: operator-functions.ts and operators.ts disagree on the built-in operators');
}
