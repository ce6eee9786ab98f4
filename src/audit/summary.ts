/**
 * The counts a report leads with (docs/report.md `summary`). By grade and by clause count only
 * the findings that count (`counted`, `regraded`); `byStatus` counts every finding.
 */
import { countsToward, FINDING_STATUSES, type Finding, type FindingStatus } from '../findings/types.js';
import { GRADES, type Grade } from '../grade-scale.js';
import { SHEET_KEYS, type Ledger } from '../ledger/types.js';
import type { AuditResult } from './types.js';
import { countByKind, type Warning } from './warnings.js';
import type { RuleRun } from '../evaluate/evaluate.js';
import { compareClauses } from '../rules/clauses.js';

export function zeroByGrade(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
}

/** Every clause of the rule set appears, with 0 when nothing fired; keys in the one clause order (src/rules/clauses.ts). */
export function countByClause(findings: Finding[], runs: RuleRun[]): Record<string, number> {
  const counts = new Map<string, number>(runs.map((r) => [r.clause, 0]));
  for (const f of findings) if (countsToward(f)) counts.set(f.clause, (counts.get(f.clause) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => compareClauses(a, b)));
}

export function summarise(findings: Finding[], runs: RuleRun[], ledger: Ledger, warnings: readonly Warning[] = []): AuditResult['summary'] {
  const byGrade = zeroByGrade();
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((st) => [st, 0])) as Record<FindingStatus, number>;
  for (const f of findings) {
    byStatus[f.status] += 1;
    if (countsToward(f)) byGrade[f.grade] += 1;
  }
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
  return { byGrade, byClause: countByClause(findings, runs), byStatus, byWarning: countByKind(warnings), rowsRead, rowsEvaluated, rowsSetAside, bySheet };
}
