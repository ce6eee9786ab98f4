/**
 * Evaluates a rule set over the records built once by src/facts, one RawFinding per rule fired.
 * Order is deterministic: scope order, then record order, then rule id. Each scope's rules run
 * compiled to plain predicates (compile.ts) unless `engine: 'json-rules-engine'` asks for the
 * reference path or a rule uses what the compiler does not take; both give the same findings
 * (test/evaluate/differential.test.ts).
 */
import { centerOf } from '../audit/center.js';
import type { AuditContext, RuleRun } from '../audit/types.js';
import { SCOPES } from '../facts/scopes.js';
import type { ScopeRecordSources } from '../facts/types.js';
import type { RawFinding } from '../findings/types.js';
import type { Rule, Scope } from '../rules/types.js';
import { rawFinding } from './raw-finding.js';
import { absentSheets, ruleRun } from './rule-runs.js';
import { compileScope, runCompiled, runEngine, type EvaluationPath, type OnFire } from './scope-runs.js';

export type { EvaluationPath } from './scope-runs.js';

export interface EvaluateOptions {
  /** Default `compiled`; `json-rules-engine` runs every scope on the engine (the reference). */
  engine?: EvaluationPath;
}

export interface Evaluation {
  raw: RawFinding[];
  runs: RuleRun[];
  /** The path each scope with rules to run took. */
  paths: Partial<Record<Scope, EvaluationPath>>;
}

function byId(a: Rule, b: Rule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function evaluate(rules: readonly Rule[], records: ScopeRecordSources, ctx: AuditContext, options: EvaluateOptions = {}): Promise<Evaluation> {
  const runs = rules.map((rule) => ruleRun(rule, absentSheets(rule, ctx.ledger)));
  const runById = new Map(runs.map((run) => [run.id, run]));
  const centerName = centerOf(ctx.ledger).center;
  const raw: RawFinding[] = [];
  const paths: Evaluation['paths'] = {};
  const onFire: OnFire = (rule, record, conditions) => {
    raw.push(rawFinding(rule, record, conditions, centerName));
    runById.get(rule.id)!.hits += 1;
  };
  for (const scope of SCOPES) {
    const scopeRules = rules.filter((r) => r.scope === scope && runById.get(r.id)!.ran).sort(byId);
    if (scopeRules.length === 0) continue;
    const label = `the ${scope} rules`;
    const compiled = options.engine === 'json-rules-engine' ? undefined : compileScope(scopeRules);
    paths[scope] = compiled ? 'compiled' : 'json-rules-engine';
    if (compiled) runCompiled(compiled, records[scope] ?? [], label, onFire);
    else await runEngine(scopeRules, records[scope] ?? [], label, onFire);
  }
  return { raw, runs, paths };
}
