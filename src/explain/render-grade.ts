/**
 * A fired rule's grading in words: the base grade and why (ladder step, value, fact), the
 * ladder's steps, the final grade with its escalation, the finding id and the evidence.
 */
import { COLUMNS, escalationText, gradeLabel, statusText, type Lang } from '../report/labels.js';
import { valueText, word } from './labels.js';
import type { GradeExplanation, GradeWhy, LadderStep } from './types.js';

function threshold(step: LadderStep): string {
  return step.param ? `${step.param} ${step.min}` : String(step.min);
}

export function whyText(why: GradeWhy, lang: Lang): string {
  const g = (grade: GradeWhy['grade']) => gradeLabel(grade, lang);
  switch (why.kind) {
    case 'base':
      return word('fixedBase', lang);
    case 'byValue':
      return `${word('byValue', lang)} ${why.fact} = ${valueText(why.value, lang)} → ${g(why.grade)}`;
    case 'fromFact':
      return `${word('fromFact', lang)} ${why.fact} = ${valueText(why.value, lang)} → ${g(why.grade)}`;
    case 'ladder': {
      const value = `${why.fact} ${valueText(why.value, lang)}`;
      if (why.chosen) return `${word('ladder', lang)} ${value} ≥ ${threshold(why.chosen)} → ${g(why.grade)}`;
      const lowest = why.steps[0];
      const below = lowest ? ` < ${threshold(lowest)}` : '';
      return `${word('ladder', lang)} ${value}${below} (${word('ladderNone', lang)}) → ${word('ladderBase', lang)} ${g(why.grade)}`;
    }
  }
}

/** `base Reminder · ≥3 Criticism ✓ · ≥6 Notice ✓ · ≥11 Deduction ✗` */
export function ladderText(why: Extract<GradeWhy, { kind: 'ladder' }>, lang: Lang): string {
  const steps = why.steps.map((s) => `≥${s.min} ${gradeLabel(s.grade, lang)} ${s.reached ? '✓' : '✗'}`);
  return [`${word('ladderBase', lang)} ${gradeLabel(why.base, lang)}`, ...steps].join(' · ');
}

export function gradeLines(grade: GradeExplanation, lang: Lang, indent: string): string[] {
  const sep = lang === 'zh' ? ':' : ': ';
  const lines = [`${indent}${word('baseGrade', lang)}${sep}${gradeLabel(grade.base, lang)} — ${whyText(grade.why, lang)}`];
  if (grade.why.kind === 'ladder') lines.push(`${indent}  ${word('ladder', lang)}${sep}${ladderText(grade.why, lang)}`);
  const escalation = escalationText(grade.escalation, lang) || word('notEscalated', lang);
  const deduction = grade.deductionYuan > 0 ? ` · ${word('deduction', lang)} ¥${grade.deductionYuan}` : '';
  lines.push(`${indent}${word('finalGrade', lang)}${sep}${gradeLabel(grade.final, lang)} (${escalation})`);
  lines.push(`${indent}${COLUMNS.findings.status[lang]}${sep}${statusText(grade.settlement, lang)}`);
  lines.push(`${indent}${word('findingId', lang)} ${grade.findingId} · ${word('subject', lang)} ${grade.subject.name}${deduction}`);
  lines.push(`${indent}${word('evidence', lang)}${sep}${grade.message[lang]}`);
  return lines;
}
