/** One audit boiled down to the district summary's row (一区一表). */
import type { AuditResult } from '../audit/types.js';
import { GRADES, gradeRank, type Grade } from '../grade-scale.js';
import type { PersonSummary } from '../findings/types.js';
import type { CenterSummary } from './types.js';

export function summarizeAudit(result: AuditResult): CenterSummary {
  const summary: CenterSummary = {
    center: result.center,
    period: result.period,
    asOf: result.asOf,
    byGrade: Object.fromEntries(GRADES.map((g) => [g, result.summary.byGrade[g] ?? 0])) as Record<Grade, number>,
    findings: result.findings.length,
    toAct: peopleToActOn(result.people),
    dataIssues: result.dataIssues.length,
    rowsRead: result.summary.rowsRead,
  };
  if (result.district !== undefined) summary.district = result.district;
  return summary;
}

/** The people an inspector turns to first: those whose highest grade is the center's highest. */
export function peopleToActOn(people: PersonSummary[]): CenterSummary['toAct'] {
  const withFindings = people.filter((p) => GRADES.some((g) => (p.counts[g] ?? 0) > 0));
  if (withFindings.length === 0) return null;
  const top = withFindings.reduce<Grade>((hi, p) => (gradeRank(p.highest) > gradeRank(hi) ? p.highest : hi), 'reminder');
  const names = withFindings.filter((p) => p.highest === top).map((p) => p.name);
  return { grade: top, names: [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh')) };
}

/** True when the center has a finding graded `failOn` or higher (for --fail-on). */
export function reaches(summary: CenterSummary, failOn: Grade): boolean {
  return GRADES.some((g) => gradeRank(g) >= gradeRank(failOn) && summary.byGrade[g] > 0);
}
