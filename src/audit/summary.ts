/** The counts a report leads with (SPEC §6 `summary`). */
import type { Finding } from '../findings/types.js';
import { GRADES, type Grade } from '../grade-scale.js';
import { SHEET_KEYS, type Ledger } from '../ledger/types.js';
import type { AuditResult } from './types.js';
import type { RuleRun } from '../evaluate/evaluate.js';
import { compareClauses } from '../rules/clauses.js';

export function zeroByGrade(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
}

/** Every clause of the rule set appears, with 0 when nothing fired; keys in the one clause order (src/rules/clauses.ts). */
export function countByClause(findings: Finding[], runs: RuleRun[]): Record<string, number> {
  const counts = new Map<string, number>(runs.map((r) => [r.clause, 0]));
  for (const f of findings) counts.set(f.clause, (counts.get(f.clause) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => compareClauses(a, b)));
}

export function summarise(findings: Finding[], runs: RuleRun[], ledger: Ledger): AuditResult['summary'] {
  const byGrade = zeroByGrade();
  for (const f of findings) byGrade[f.grade] += 1;
  const bySheet: AuditResult['summary']['bySheet'] = {};
  let rowsRead = 0;
  let rowsEvaluated = 0;
  let rowsSetAside = 0;
  for (const key of SHEET_KEYS) {
    const account = ledger.accounts[key];
    if (!account) continue;
    bySheet[key] = { ...account };
    rowsRead += account.rowsRead;
    rowsEvaluated += account.rowsEvaluated;
    rowsSetAside += account.rowsSetAside;
  }
  return { byGrade, byClause: countByClause(findings, runs), rowsRead, rowsEvaluated, rowsSetAside, bySheet };
}
