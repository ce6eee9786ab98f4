/** A rule's grade, its params and its subject in words (terminal and Markdown share these). */
import { gradeLabel } from '../report/labels.js';
import type { Lang } from '../text.js';
import { ct } from './labels.js';
import type { GradeEntry, ParamEntry, RuleEntry } from './types.js';

const LIST_SEP: Record<Lang, string> = { zh: '、', en: ', ' };
const STEP_SEP: Record<Lang, string> = { zh: ';', en: '; ' };

/**
 * `提醒;overdue_days ≥ 3 (criticismFrom) → 批评教育;≥ 6 (noticeFrom) → 通报批评`; `stepSep`
 * '\n' puts each ladder step on its own line (terminal table).
 */
export function gradeText(g: GradeEntry, lang: Lang, stepSep: string = STEP_SEP[lang]): string {
  switch (g.kind) {
    case 'base':
      return gradeLabel(g.base, lang);
    case 'ladder': {
      const steps = g.steps.map((s, i) => `${i === 0 ? `${g.fact} ` : ''}≥ ${s.min}${s.param ? ` (${s.param})` : ''} → ${gradeLabel(s.grade, lang)}`);
      return [gradeLabel(g.base, lang), ...steps].join(stepSep);
    }
    case 'byValue': {
      const map = Object.entries(g.map).map(([value, grade]) => `${value} → ${gradeLabel(grade, lang)}`).join(LIST_SEP[lang]);
      return lang === 'zh' ? `按 ${g.fact}:${map}` : `by ${g.fact}: ${map}`;
    }
    case 'fromFact':
      return lang === 'zh' ? `取 ${g.fact} 的值` : `the value of ${g.fact}`;
  }
}

export function paramValueText(value: ParamEntry['value'], lang: Lang): string {
  return Array.isArray(value) ? value.join(LIST_SEP[lang]) : String(value);
}

/** `minErrors = 3`. */
export function paramText(p: ParamEntry, lang: Lang): string {
  return `${p.name} = ${paramValueText(p.value, lang)}`;
}

/** `case → handler`, `staff → 中心`: the scope key as a rule file writes it. */
export function scopeSubjectText(e: RuleEntry, lang: Lang): string {
  const subject = e.subject.kind === 'staff' ? e.subject.fact : ct('center', lang);
  return `${e.scope} → ${subject}`;
}
