/**
 * The 人员汇总 sheet: per staff member with findings, counts by final grade, the highest
 * grade, the suggested sanction for it and the bonus deducted. Most serious first.
 */
import type { Finding, PersonSummary } from '../findings/types.js';
import type { Policy } from '../rules/types.js';
import { GRADES, gradeRank, type Grade } from '../grade-scale.js';
import { compareText } from '../text.js';

function emptyCounts(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
}

export function summarisePeople(findings: readonly Finding[], policy: Pick<Policy, 'sanctions'>): PersonSummary[] {
  const byName = new Map<string, { counts: Record<Grade, number>; highest: Grade; deductionYuan: number }>();
  for (const f of findings) {
    if (f.subject.kind !== 'staff') continue;
    let person = byName.get(f.subject.name);
    if (!person) {
      person = { counts: emptyCounts(), highest: f.grade, deductionYuan: 0 };
      byName.set(f.subject.name, person);
    }
    person.counts[f.grade] += 1;
    if (gradeRank(f.grade) > gradeRank(person.highest)) person.highest = f.grade;
    person.deductionYuan += f.deductionYuan;
  }
  return [...byName]
    .map(([name, p]): PersonSummary => ({ name, counts: p.counts, highest: p.highest, sanction: policy.sanctions[p.highest], deductionYuan: p.deductionYuan }))
    .sort((a, b) => gradeRank(b.highest) - gradeRank(a.highest) || a.name.localeCompare(b.name, 'zh-CN') || compareText(a.name, b.name));
}
