/**
 * One test `{fact, operator, value}` compiled to a function of a record's fact values, judging
 * as json-rules-engine's Condition.evaluate does: the value is a literal or `{ "fact": name }`
 * (read from the same record), a fact the run was not given is an `Undefined fact` error (the
 * value's fact looked up first, as the engine does), an unknown operator is an error when the
 * test is reached, and the operator is the engine's own (operator-functions.ts).
 */
import type { ConditionEvidence } from '../findings/types.js';
import { leafEvidence } from './condition-evidence.js';
import type { ConditionNode } from './condition-tree.js';
import { MISSING, undefinedFact, type FactSlots, type SlotValues } from './fact-slots.js';
import { resolveOperator, type OperatorFn } from './operator-functions.js';

export interface CompiledLeaf {
  /** The operator's verdict on a record's slot values (true only for `true`, as the engine counts it). */
  judge(values: SlotValues): boolean;
  /** The evidence of this test for a record it was judged on. */
  evidence(values: SlotValues, result: boolean): ConditionEvidence;
}

/** `{ "fact": name }` as the value (json-rules-engine's Almanac.getValue), else undefined. */
export function valueFact(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, 'fact')) return undefined;
  return (value as { fact: string }).fact;
}

/**
 * The engine hands evidence a copy of a literal list (RuleResult clones the conditions). Rule
 * values are JSON (lists of texts and numbers), so a JSON copy; structuredClone was a third of
 * the cost of a finding.
 */
function copyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyOf);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyOf(item);
  return copy;
}

export function compileLeaf(node: ConditionNode, param: string | undefined, slots: FactSlots): CompiledLeaf {
  const fact = node.fact!;
  const operator = node.operator!;
  const literal = node.value;
  const rhsFact = valueFact(literal);
  const slot = slots.slot(fact);
  const rhsSlot = rhsFact === undefined ? -1 : slots.slot(rhsFact);
  const op: OperatorFn | undefined = resolveOperator(operator);

  const operands = (values: SlotValues) => {
    if (!op) throw new Error(`Unknown operator: ${operator}`);
    let valueResult = literal;
    if (rhsSlot >= 0) {
      valueResult = values[rhsSlot];
      if (valueResult === MISSING) throw undefinedFact(rhsFact!);
    }
    const factResult = values[slot];
    if (factResult === MISSING) throw undefinedFact(fact);
    return { factResult, valueResult };
  };
  const judge =
    op && rhsSlot < 0
      ? (values: SlotValues) => {
          const lhs = values[slot];
          if (lhs === MISSING) throw undefinedFact(fact);
          return op(lhs, literal) === true;
        }
      : (values: SlotValues) => {
          const { factResult, valueResult } = operands(values);
          return op!(factResult, valueResult) === true;
        };
  const evidence = (values: SlotValues, result: boolean) => {
    const { factResult, valueResult } = operands(values);
    const judged: ConditionNode = {
      fact,
      operator,
      value: copyOf(literal),
      factResult,
      valueResult: rhsSlot < 0 ? copyOf(valueResult) : valueResult,
      result,
    };
    return leafEvidence(judged, param);
  };
  return { judge, evidence };
}
