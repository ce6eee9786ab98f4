/**
 * A loaded rule set → catalogue entries, ordered as the work rules are: by the clause's place in
 * rules/clauses.json (the seed's order), then by id. The order never depends on file-system order.
 */
import { resolveGrade } from '../rules/resolve.js';
import type { ClauseList } from '../rules/seed-clauses.js';
import type { Rule, RuleSet } from '../rules/types.js';
import type { GradeEntry, RuleEntry } from './types.js';
import { compareText } from '../text.js';

export function regimeOf(clause: string): string {
  return clause.split('/')[0] ?? clause;
}

export function gradeEntry(rule: Rule): GradeEntry {
  const g = rule.resolvedGrade ?? resolveGrade(rule);
  if ('byValue' in g) return { kind: 'byValue', fact: g.byValue.fact, map: g.byValue.map };
  if ('fromFact' in g) return { kind: 'fromFact', fact: g.fromFact };
  if (!g.ladder) return { kind: 'base', base: g.base };
  const steps = g.ladder.steps.map((s) => (s.param === undefined ? { min: s.min, grade: s.grade } : { min: s.min, param: s.param, grade: s.grade }));
  return { kind: 'ladder', base: g.base, fact: g.ladder.fact, steps };
}

export function ruleEntry(rule: Rule): RuleEntry {
  return {
    id: rule.id,
    version: rule.version,
    regime: regimeOf(rule.clause),
    clause: rule.clause,
    clauseText: rule.clauseText,
    title: rule.title,
    scope: rule.scope,
    subject: rule.subject.kind === 'staff' ? { kind: 'staff', fact: rule.subject.fact } : { kind: 'center' },
    params: Object.entries(rule.params)
      .map(([name, p]) => ({ name, value: p.value, description: p.description }))
      .sort((a, b) => compareText(a.name, b.name)),
    grade: gradeEntry(rule),
    requires: [...rule.requires],
    file: rule.file,
  };
}

/** Clause and regime positions in the seed; a clause missing from the list sorts last. */
function clauseOrder(clauses: ClauseList): { clause: (c: string) => number; regime: (r: string) => number } {
  const keys = Object.keys(clauses);
  const regimes = [...new Set(keys.map(regimeOf))];
  const at = (list: string[], v: string) => (list.indexOf(v) < 0 ? list.length : list.indexOf(v));
  return { clause: (c) => at(keys, c), regime: (r) => at(regimes, r) };
}

export function ruleEntries(ruleSet: RuleSet, clauses: ClauseList): RuleEntry[] {
  const order = clauseOrder(clauses);
  return ruleSet.rules.map(ruleEntry).sort(
    (a, b) =>
      order.regime(a.regime) - order.regime(b.regime) ||
      order.clause(a.clause) - order.clause(b.clause) ||
      compareText(a.clause, b.clause) ||
      compareText(a.id, b.id),
  );
}

/** Entries grouped by regime, in catalogue order. */
export function byRegime(entries: RuleEntry[]): [string, RuleEntry[]][] {
  const groups = new Map<string, RuleEntry[]>();
  for (const e of entries) groups.set(e.regime, [...(groups.get(e.regime) ?? []), e]);
  return [...groups];
}
