/**
 * The fact library's catalogue (`duty-audit facts`): every fact a rule may name, per scope.
 * The rule validator checks rule conditions and templates against it.
 */
import { COLUMN_FACTS } from './column-facts.js';
import { DERIVED_FACTS } from './derived-facts.js';
import { SCOPES, type Scope } from './scopes.js';
import type { FactDef } from './types.js';

export { SCOPES, SCOPE_SHEET } from './scopes.js';

function byScope(scope: Scope): FactDef[] {
  const columns = COLUMN_FACTS.filter((f) => f.scope === scope);
  const derived = DERIVED_FACTS.filter((f) => f.scope === scope && !columns.some((c) => c.name === f.name));
  return [...columns, ...derived];
}

const FACTS_BY_SCOPE = new Map<Scope, FactDef[]>(SCOPES.map((s) => [s, byScope(s)]));

/** Every fact of every scope: column facts first (in column order), then derived ones. */
export const FACTS: readonly FactDef[] = SCOPES.flatMap((s) => FACTS_BY_SCOPE.get(s)!);

export function factsForScope(scope: Scope): readonly FactDef[] {
  return FACTS_BY_SCOPE.get(scope) ?? [];
}

export function findFact(scope: Scope, name: string): FactDef | undefined {
  return factsForScope(scope).find((f) => f.name === name);
}

/** The fact names of a scope: every record of the scope carries exactly these keys. */
export function factNames(scope: Scope): string[] {
  return factsForScope(scope).map((f) => f.name);
}
