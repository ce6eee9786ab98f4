/**
 * The grade scale: the four penalties of 失职追究制/三, in ascending order, and their names.
 * Below every layer that names a grade (docs/ARCHITECTURE.md): the fact library (the 建议等级
 * of 其他失职 rows), the rule files and the findings all speak it. src/grade/ is the grading
 * itself (ladders, repeats, caps), which sits above the findings it grades.
 */
export const GRADES = ['reminder', 'criticism', 'notice', 'deduction'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, { zh: string; en: string }> = {
  reminder: { zh: '提醒', en: 'Reminder' },
  criticism: { zh: '批评教育', en: 'Criticism' },
  notice: { zh: '通报批评', en: 'Circulated notice' },
  deduction: { zh: '扣除奖金', en: 'Bonus deduction' },
};

export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

/** Accepts the JSON key, the Chinese label or the English label. */
export function parseGrade(value: string): Grade | undefined {
  const v = value.trim();
  if (isGrade(v)) return v;
  for (const g of GRADES) {
    if (GRADE_LABELS[g].zh === v || GRADE_LABELS[g].en.toLowerCase() === v.toLowerCase()) return g;
  }
  return undefined;
}

export function raiseGrade(grade: Grade, steps: number, cap: Grade = 'deduction'): Grade {
  const rank = Math.min(gradeRank(grade) + steps, gradeRank(cap));
  return GRADES[Math.max(rank, gradeRank(grade))] as Grade;
}
