/**
 * Evaluates a rule set over the records built once by src/facts: one engine per scope, one
 * record at a time, one RawFinding per rule fired. Order is deterministic: scope order, then
 * record order, then rule id.
 */
import { centerOf } from '../audit/center.js';
import type { AuditContext, RuleRun } from '../audit/types.js';
import { SCOPES } from '../facts/scopes.js';
import type { ScopeRecords } from '../facts/types.js';
import type { RawFinding } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { createScopeEngine, runRecord } from './engine.js';
import { rawFinding } from './raw-finding.js';
import { absentSheets, ruleRun } from './rule-runs.js';

export interface Evaluation {
  raw: RawFinding[];
  runs: RuleRun[];
}

function byId(a: Rule, b: Rule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function evaluate(rules: readonly Rule[], records: ScopeRecords, ctx: AuditContext): Promise<Evaluation> {
  const runs = rules.map((rule) => ruleRun(rule, absentSheets(rule, ctx.ledger)));
  const runById = new Map(runs.map((run) => [run.id, run]));
  const centerName = centerOf(ctx.ledger).center;
  const raw: RawFinding[] = [];
  for (const scope of SCOPES) {
    const scopeRules = rules.filter((r) => r.scope === scope && runById.get(r.id)!.ran).sort(byId);
    if (scopeRules.length === 0) continue;
    const ruleById = new Map(scopeRules.map((r) => [r.id, r]));
    const engine = createScopeEngine(scopeRules);
    const label = `the ${scope} rules`;
    for (const record of records[scope] ?? []) {
      const { fired } = await runRecord(engine, record, label);
      for (const result of [...fired].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const rule = ruleById.get(result.name)!;
        raw.push(rawFinding(rule, record, result, centerName));
        runById.get(rule.id)!.hits += 1;
      }
    }
  }
  return { raw, runs };
}
