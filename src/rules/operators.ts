/**
 * The operator vocabulary of the rule language (rules/FORMAT.md, "Operators"): every name a
 * condition's `operator` may hold. The rule validator checks rule files against this list;
 * src/evaluate/operators.ts implements each name, and the compiler refuses an implementation
 * table that misses a name or adds one. The list sits here, with the rule language, so that
 * validating a rule file does not depend on the evaluator above it (docs/ARCHITECTURE.md).
 */

/** json-rules-engine's own operators (7.3), by the names it gives them. */
export const BUILTIN_OPERATOR_NAMES = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

/** duty-audit's own operators. */
export const CUSTOM_OPERATOR_NAMES = [
  'isEmpty', 'containsAny', 'dateAfter', 'dateBefore', 'dateOnOrAfter', 'dateOnOrBefore', 'inList', 'intersects',
] as const;

export type BuiltinOperatorName = (typeof BUILTIN_OPERATOR_NAMES)[number];
export type CustomOperatorName = (typeof CUSTOM_OPERATOR_NAMES)[number];

/** Every operator a rule may name. */
export const OPERATOR_NAMES: readonly string[] = [...BUILTIN_OPERATOR_NAMES, ...CUSTOM_OPERATOR_NAMES];

export function isKnownOperator(name: string): boolean {
  return OPERATOR_NAMES.includes(name);
}
