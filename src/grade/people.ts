/**
 * The 人员汇总 sheet: per staff member with findings, the findings that count by final grade,
 * the highest grade, the suggested sanction for it and the bonus deducted; the findings that
 * count for nothing (merged, withdrawn, reported before) are counted apart. Most serious first.
 */
import { countsToward, type Finding, type PersonSummary } from '../findings/types.js';
import type { Policy } from '../rules/types.js';
import { GRADES, gradeRank, type Grade } from '../grade-scale.js';
import { compareText } from '../text.js';

function emptyCounts(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
}

interface Tally {
  counts: Record<Grade, number>;
  highest: Grade | null;
  deductionYuan: number;
  merged: number;
  withdrawn: number;
  reportedBefore: number;
}

function tally(person: Tally, f: Finding): void {
  if (countsToward(f)) {
    person.counts[f.grade] += 1;
    if (person.highest === null || gradeRank(f.grade) > gradeRank(person.highest)) person.highest = f.grade;
    person.deductionYuan += f.deductionYuan;
  } else if (f.status === 'merged') person.merged += 1;
  else if (f.status === 'withdrawn') person.withdrawn += 1;
  else person.reportedBefore += 1;
}

/** A person with no finding that counts sorts after everyone who has one. */
export function highestRank(p: Pick<PersonSummary, 'highest'>): number {
  return p.highest === null ? -1 : gradeRank(p.highest);
}

export function summarisePeople(findings: readonly Finding[], policy: Pick<Policy, 'sanctions'>): PersonSummary[] {
  const byName = new Map<string, Tally>();
  for (const f of findings) {
    if (f.subject.kind !== 'staff') continue;
    let person = byName.get(f.subject.name);
    if (!person) {
      person = { counts: emptyCounts(), highest: null, deductionYuan: 0, merged: 0, withdrawn: 0, reportedBefore: 0 };
      byName.set(f.subject.name, person);
    }
    tally(person, f);
  }
  return [...byName]
    .map(([name, p]): PersonSummary => ({ name, ...p, sanction: p.highest === null ? null : policy.sanctions[p.highest] }))
    .sort((a, b) => highestRank(b) - highestRank(a) || a.name.localeCompare(b.name, 'zh-CN') || compareText(a.name, b.name));
}
