/**
 * One json-rules-engine Engine per scope, holding that scope's rules. Facts are passed per
 * run, one record at a time: concurrent runs on one engine can silently skip rules
 * (LIBRARY-NOTES), and every fact of the scope is always given (a missing one throws).
 */
import { Engine, type RuleProperties, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { DutyAuditError } from '../errors.js';
import type { ScopeRecord } from '../facts/types.js';
import type { Rule } from '../rules/types.js';
import { childrenOf, isLeaf, type ConditionNode } from './condition-tree.js';
import { registerOperators } from './operators.js';

export function engineRule(rule: Pick<Rule, 'id' | 'resolvedConditions'>): RuleProperties {
  return { name: rule.id, conditions: rule.resolvedConditions as TopLevelCondition, event: { type: rule.id } };
}

/**
 * Every fact the rules can ask for: the facts their leaves test and the facts their values
 * compare with (`{ "fact": "statutory_days" }`). Each fact handed to a run costs a Fact object
 * and a cache-key hash inside the engine, so a run gets these and not the whole record.
 */
export function referencedFacts(rules: readonly Pick<Rule, 'resolvedConditions'>[]): string[] {
  const names = new Set<string>();
  const visit = (node: ConditionNode): void => {
    if (isLeaf(node)) {
      names.add(node.fact!);
      const v = node.value as { fact?: unknown } | null;
      if (v && typeof v === 'object' && typeof v.fact === 'string') names.add(v.fact);
    }
    for (const child of childrenOf(node)) visit(child);
  };
  for (const rule of rules) visit(rule.resolvedConditions as ConditionNode);
  return [...names];
}

export interface ScopeEngine {
  engine: Engine;
  /** The facts each run is given (see referencedFacts); undefined: the whole record. */
  facts?: readonly string[];
}

export function createEngine(rules: readonly Pick<Rule, 'id' | 'resolvedConditions'>[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  registerOperators(engine);
  for (const rule of rules) engine.addRule(engineRule(rule));
  return engine;
}

export function createScopeEngine(rules: readonly Pick<Rule, 'id' | 'resolvedConditions'>[]): ScopeEngine {
  return { engine: createEngine(rules), facts: referencedFacts(rules) };
}

/** The record's values of the given facts; a name the record lacks stays absent so the engine reports it. */
function factsFor(record: ScopeRecord, names: readonly string[] | undefined): Record<string, unknown> {
  if (!names) return record.facts;
  const facts: Record<string, unknown> = {};
  for (const name of names) if (name in record.facts) facts[name] = record.facts[name];
  return facts;
}

export interface RecordRun {
  /** Results of the rules that fired. */
  fired: RuleResult[];
  /** Results of the rules that did not. */
  failed: RuleResult[];
}

/** Runs every rule of the engine over one record. */
export async function runRecord(scoped: ScopeEngine, record: ScopeRecord, rulesLabel: string): Promise<RecordRun> {
  try {
    const { results, failureResults } = await scoped.engine.run(factsFor(record, scoped.facts));
    return { fired: results, failed: failureResults };
  } catch (cause) {
    throw evaluationError(rulesLabel, record, cause);
  }
}

/** A rule that cannot be evaluated on a record (either path): bad-rules, naming the record. */
export function evaluationError(rulesLabel: string, record: ScopeRecord, cause: unknown): DutyAuditError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DutyAuditError(
    'bad-rules',
    `${rulesLabel} could not be evaluated on ${record.ref.sheet} row ${record.ref.row} (${record.ref.key}): ${reason}`,
    { hint: 'check the rules with `duty-audit rules validate`; conditions may name only facts listed by `duty-audit facts`', cause },
  );
}
