/**
 * Operators as plain functions, one definition for both evaluation paths: the json-rules-engine
 * path registers them as `Operator`s (operators.ts), the compiled path calls them directly
 * (compile-leaf.ts). json-rules-engine's own operators and decorators are restated here from
 * its 7.3.1 source (dist/engine-default-operators.js, engine-default-operator-decorators.js,
 * operator.js, operator-decorator.js, operator-map.js), validators included, so a compiled rule
 * judges every value exactly as the engine does; test/evaluate/operator-functions.test.ts holds
 * each of them against the engine on the same values.
 */

/** What an operator does with the fact's value and the condition's value. */
export type OperatorFn = (factValue: unknown, jsonValue: unknown) => boolean;

/** An operator as json-rules-engine defines one: `evaluate = validator(fact) && callback(fact, value)`. */
export interface OperatorDef {
  name: string;
  callback: OperatorFn;
  /** Absent: every fact value is accepted. */
  factValidator?: (factValue: unknown) => boolean;
}

export interface DecoratorDef {
  name: string;
  callback: (factValue: unknown, jsonValue: unknown, next: OperatorFn) => boolean;
  factValidator?: (factValue: unknown) => boolean;
}

type Indexable = { indexOf(x: unknown): number };
type List = unknown[];

/** json-rules-engine's check for the numeric operators: "12abc" and [3] pass, null and true do not. */
function numberValidator(factValue: unknown): boolean {
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

const isArray = (value: unknown): boolean => Array.isArray(value);

/** json-rules-engine 7.3.1's default operators, callbacks and validators as written there. */
export const BUILTIN_OPERATOR_DEFS: readonly OperatorDef[] = [
  { name: 'equal', callback: (a, b) => a === b },
  { name: 'notEqual', callback: (a, b) => a !== b },
  { name: 'in', callback: (a, b) => (b as Indexable).indexOf(a) > -1 },
  { name: 'notIn', callback: (a, b) => (b as Indexable).indexOf(a) === -1 },
  { name: 'contains', callback: (a, b) => (a as Indexable).indexOf(b) > -1, factValidator: isArray },
  { name: 'doesNotContain', callback: (a, b) => (a as Indexable).indexOf(b) === -1, factValidator: isArray },
  { name: 'lessThan', callback: (a, b) => (a as number) < (b as number), factValidator: numberValidator },
  { name: 'lessThanInclusive', callback: (a, b) => (a as number) <= (b as number), factValidator: numberValidator },
  { name: 'greaterThan', callback: (a, b) => (a as number) > (b as number), factValidator: numberValidator },
  { name: 'greaterThanInclusive', callback: (a, b) => (a as number) >= (b as number), factValidator: numberValidator },
];

/** json-rules-engine 7.3.1's decorators (`not:in`, `someFact:equal`...). */
export const DECORATOR_DEFS: readonly DecoratorDef[] = [
  // Parameter names as in the engine's source: a TypeError's message quotes them.
  { name: 'someFact', callback: (factValue, jsonValue, next) => (factValue as List).some((fv) => next(fv, jsonValue)), factValidator: isArray },
  { name: 'someValue', callback: (factValue, jsonValue, next) => (jsonValue as List).some((jv) => next(factValue, jv)) },
  { name: 'everyFact', callback: (factValue, jsonValue, next) => (factValue as List).every((fv) => next(fv, jsonValue)), factValidator: isArray },
  { name: 'everyValue', callback: (factValue, jsonValue, next) => (jsonValue as List).every((jv) => next(factValue, jv)) },
  { name: 'swap', callback: (factValue, jsonValue, next) => next(jsonValue, factValue) },
  { name: 'not', callback: (factValue, jsonValue, next) => !next(factValue, jsonValue) },
];

// ---- duty-audit's own operators (ARCHITECTURE "Operators") ----
// json-rules-engine compares numbers only and `contains` works on arrays only, so dates
// (YYYY-MM-DD strings, which order like dates) and keyword checks get their own.
// A null fact never satisfies a comparison: "unknown" must not fire a rule by accident.

function isEmptyValue(fact: unknown): boolean {
  return fact === null || fact === undefined || fact === '' || (Array.isArray(fact) && fact.length === 0);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDateString(fact: unknown): fact is string {
  return typeof fact === 'string' && DATE.test(fact);
}

function dateOperator(name: string, compare: (fact: string, value: string) => boolean): OperatorDef {
  return { name, callback: (fact, value) => isDateString(fact) && typeof value === 'string' && compare(fact, value) };
}

export const CUSTOM_OPERATOR_DEFS: readonly OperatorDef[] = [
  { name: 'isEmpty', callback: (fact, value) => isEmptyValue(fact) === (value !== false) },
  {
    name: 'containsAny',
    callback: (fact, value) => typeof fact === 'string' && asList(value).some((word) => typeof word === 'string' && word !== '' && fact.includes(word)),
  },
  dateOperator('dateAfter', (f, v) => f > v),
  dateOperator('dateBefore', (f, v) => f < v),
  dateOperator('dateOnOrAfter', (f, v) => f >= v),
  dateOperator('dateOnOrBefore', (f, v) => f <= v),
  { name: 'inList', callback: (fact, value) => fact !== null && fact !== undefined && asList(value).includes(fact) },
  { name: 'intersects', callback: (fact, value) => Array.isArray(fact) && asList(value).some((v) => (fact as unknown[]).includes(v)) },
];

/** `Operator.evaluate` of json-rules-engine: the validator first, then the callback. */
export function operatorFn(def: OperatorDef | DecoratorDef, next?: OperatorFn): OperatorFn {
  const validator = def.factValidator;
  const callback = next
    ? (f: unknown, v: unknown) => (def as DecoratorDef).callback(f, v, next)
    : (def as OperatorDef).callback;
  return validator ? (f, v) => validator(f) && callback(f, v) : callback;
}

const OPERATOR_BY_NAME = new Map<string, OperatorDef>([...BUILTIN_OPERATOR_DEFS, ...CUSTOM_OPERATOR_DEFS].map((d) => [d.name, d]));
const DECORATOR_BY_NAME = new Map<string, DecoratorDef>(DECORATOR_DEFS.map((d) => [d.name, d]));

/**
 * The function for an operator name, decorators applied as json-rules-engine's OperatorMap.get
 * does (`someFact:not:in` = someFact(not(in))); undefined for a name the engine would not know.
 */
export function resolveOperator(name: string): OperatorFn | undefined {
  const decorators: DecoratorDef[] = [];
  let opName = name;
  while (!OPERATOR_BY_NAME.has(opName)) {
    const at = opName.indexOf(':');
    if (at <= 0) return undefined;
    const decorator = DECORATOR_BY_NAME.get(opName.slice(0, at));
    if (!decorator) return undefined;
    decorators.unshift(decorator);
    opName = opName.slice(at + 1);
  }
  let fn = operatorFn(OPERATOR_BY_NAME.get(opName)!);
  for (const decorator of decorators) fn = operatorFn(decorator, fn);
  return fn;
}
