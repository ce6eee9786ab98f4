/**
 * json-rules-engine, the reference. Rules are written in its syntax, and it evaluates them with
 * the same operator definitions (operators.ts) as the evaluator, so any disagreement is in how a
 * tree is walked. It is the oracle of test/evaluate/differential.test.ts, and a user can run it
 * beside the evaluator: `audit --engine reference` (crossChecked) evaluates both ways and stops
 * with an internal error listing the disagreements, or writes the usual report when there are none.
 *
 * Facts are passed per run, one record at a time: concurrent runs on one engine can silently
 * skip rules (docs/performance.md), and a fact a run is not given throws, as in the evaluator.
 */
import { Engine, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { SCOPES } from '../facts/scopes.js';
import type { ScopeRecord, ScopeRecordSources, AuditContext } from '../facts/types.js';
import type { ConditionEvidence, RawFinding } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { leafEvidence, valueFact, zipLeaves, type ConditionNode } from './conditions.js';
import { evaluate, evaluationError, Findings, type Evaluation } from './evaluate.js';
import { registerOperators } from './operators.js';
import { compareText } from '../text.js';

/** A leaf after a json-rules-engine run: the values it compared and its verdict. */
interface EvaluatedLeaf extends ConditionNode {
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

export function referenceEngine(rules: readonly Pick<Rule, 'id' | 'resolvedConditions'>[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  registerOperators(engine);
  for (const rule of rules) engine.addRule({ name: rule.id, conditions: rule.resolvedConditions as TopLevelCondition, event: { type: rule.id } });
  return engine;
}

/** Every fact the rules read: those their leaves test and those their values name. */
function factsRead(rules: readonly Rule[]): string[] {
  const names = new Set<string>();
  for (const rule of rules) {
    zipLeaves(rule, rule.resolvedConditions as ConditionNode, (leaf) => {
      names.add(leaf.fact);
      const other = valueFact(leaf.value);
      if (other !== undefined) names.add(other);
    });
  }
  return [...names];
}

/**
 * The record's values of the facts the rules read (a name the record lacks stays absent, so the
 * engine reports it). Every fact handed to a run costs the engine a Fact object and a cache key.
 */
function factsFor(record: ScopeRecord, names: readonly string[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const name of names) if (Object.hasOwn(record.facts, name)) facts[name] = record.facts[name];
  return facts;
}

/** The evidence of a rule the engine fired, read from its evaluated copy of the conditions. */
function engineEvidence(rule: Rule, result: RuleResult): ConditionEvidence[] {
  const evidence: ConditionEvidence[] = [];
  zipLeaves(rule, result.conditions as ConditionNode, (leaf, node) => {
    const judged = node as EvaluatedLeaf;
    if (judged.result !== undefined) evidence.push(leafEvidence(leaf, judged.factResult, judged.valueResult, judged.result === true));
  });
  return evidence;
}

function byName(a: RuleResult, b: RuleResult): number {
  return compareText(a.name, b.name);
}

/** evaluate() done by json-rules-engine: the same findings, evidence and runs, or a disagreement. */
export async function evaluateByReference(rules: readonly Rule[], records: ScopeRecordSources, ctx: AuditContext): Promise<Evaluation> {
  const findings = new Findings(rules, ctx);
  for (const scope of SCOPES) {
    const scopeRules = findings.running(scope);
    if (scopeRules.length === 0) continue;
    const ruleById = new Map(scopeRules.map((rule) => [rule.id, rule]));
    const engine = referenceEngine(scopeRules);
    const names = factsRead(scopeRules);
    for (const record of records[scope] ?? []) {
      let fired: RuleResult[];
      try {
        fired = (await engine.run(factsFor(record, names))).results;
      } catch (cause) {
        throw evaluationError(scope, record, cause);
      }
      for (const result of [...fired].sort(byName)) {
        const rule = ruleById.get(result.name)!;
        if (findings.judges(rule.event, record)) findings.fired(rule, record, engineEvidence(rule, result));
      }
    }
  }
  return findings.result();
}

/** The evaluator and the reference gave different findings: a defect of duty-audit, not of the ledger. */
export class EnginesDisagree extends Error {
  constructor(readonly differences: string[]) {
    const shown = differences.slice(0, 10).map((d) => `\n  ${d}`).join('');
    const more = differences.length > 10 ? `\n  … and ${differences.length - 10} more` : '';
    super(
      `the evaluator and json-rules-engine (the reference) disagree on ${differences.length} finding${differences.length === 1 ? '' : 's'}:${shown}${more}\n` +
        '  no report was written: findings the two engines do not agree on cannot be trusted',
    );
    this.name = 'EnginesDisagree';
  }
}

function findingKey(f: RawFinding): string {
  return `${f.ruleId} on ${f.ref.sheet} row ${f.ref.row} (${f.ref.key})`;
}

/** Every finding one evaluation has and the other lacks or holds differently, in words. */
export function disagreements(evaluator: Evaluation, reference: Evaluation): string[] {
  const ours = new Map(evaluator.raw.map((f) => [findingKey(f), JSON.stringify(f)]));
  const theirs = new Map(reference.raw.map((f) => [findingKey(f), JSON.stringify(f)]));
  const out: string[] = [];
  for (const [key, json] of ours) {
    if (!theirs.has(key)) out.push(`${key}: only the evaluator fires`);
    else if (theirs.get(key) !== json) out.push(`${key}: both fire, with different evidence`);
  }
  for (const key of theirs.keys()) if (!ours.has(key)) out.push(`${key}: only json-rules-engine fires`);
  return out;
}

/** `audit --engine reference`: the evaluator's findings, once json-rules-engine has given the same. */
export async function crossChecked(rules: readonly Rule[], records: ScopeRecordSources, ctx: AuditContext): Promise<Evaluation> {
  const evaluation = evaluate(rules, records, ctx);
  const differences = disagreements(evaluation, await evaluateByReference(rules, records, ctx));
  if (differences.length > 0) throw new EnginesDisagree(differences);
  return evaluation;
}
