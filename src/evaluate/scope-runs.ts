/**
 * The two ways to run one scope's rules over its records. Both report each fired rule with its
 * evidence, record by record, rules in id order, so evaluate() builds the same findings from
 * either: `compiled` (the default, compile.ts) and `json-rules-engine` (the reference, used by
 * `--explain` and the differential test).
 */
import type { ScopeRecord } from '../facts/types.js';
import type { ConditionEvidence } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { engineEvidence } from './condition-evidence.js';
import { compileRule, FactSlots, UnsupportedCondition, type CompiledRule } from './compile.js';
import { createScopeEngine, evaluationError, runRecord } from './engine.js';

export type EvaluationPath = 'compiled' | 'json-rules-engine';

export type OnFire = (rule: Rule, record: ScopeRecord, conditions: ConditionEvidence[]) => void;

/** Every rule compiled, or undefined when one of them uses what the compiler does not take. */
export function compileScope(rules: readonly Rule[]): CompiledRule[] | undefined {
  const slots = new FactSlots();
  try {
    return rules.map((rule) => compileRule(rule, slots));
  } catch (error) {
    if (error instanceof UnsupportedCondition) return undefined;
    throw error;
  }
}

/** `compiled` sorted by rule id, all with the same slots (compileScope). */
export function runCompiled(compiled: readonly CompiledRule[], records: Iterable<ScopeRecord>, label: string, onFire: OnFire): void {
  const slots = compiled[0]?.slots;
  const values: unknown[] = [];
  for (const record of records) {
    slots?.read(record.facts, values);
    for (const rule of compiled) {
      let fired: boolean;
      try {
        fired = rule.test(values);
      } catch (cause) {
        throw evaluationError(label, record, cause);
      }
      if (fired) onFire(rule.rule, record, rule.evidence(values));
    }
  }
}

/** `rules` sorted by id; one record at a time (concurrent runs on one engine skip rules). */
export async function runEngine(rules: readonly Rule[], records: Iterable<ScopeRecord>, label: string, onFire: OnFire): Promise<void> {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const engine = createScopeEngine(rules);
  for (const record of records) {
    const { fired } = await runRecord(engine, record, label);
    for (const result of [...fired].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rule = ruleById.get(result.name)!;
      onFire(rule, record, engineEvidence(rule, result));
    }
  }
}
