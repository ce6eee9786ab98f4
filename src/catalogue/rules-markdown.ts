/** The rule catalogue in Markdown: one table per regime, titles in both languages. */
import type { Lang } from '../text.js';
import { gradeText, paramText, scopeSubjectText } from './grade-text.js';
import { ct } from './labels.js';
import { mdCode, mdTable } from './markdown.js';
import { byRegime } from './rule-entry.js';
import type { ParamEntry, RuleEntry } from './types.js';

const DESCRIPTION_SEP: Record<Lang, string> = { zh: ':', en: ': ' };

function paramLine(p: ParamEntry, lang: Lang): string {
  return `${mdCode(paramText(p, lang))}${DESCRIPTION_SEP[lang]}${p.description[lang]}`;
}

function ruleRow(e: RuleEntry, lang: Lang): string[] {
  return [
    mdCode(e.id),
    e.clause,
    `${e.title.zh}\n${e.title.en}`,
    scopeSubjectText(e, lang),
    e.params.length === 0 ? ct('none', lang) : e.params.map((p) => paramLine(p, lang)).join('\n'),
    gradeText(e.grade, lang),
  ];
}

/** `## <regime>` sections; `level` is the heading depth of each regime. */
export function rulesMarkdown(entries: RuleEntry[], lang: Lang, level = 2): string[] {
  const header = (['id', 'clause', 'title', 'scopeSubject', 'params', 'grade'] as const).map((h) => ct(h, lang));
  const lines: string[] = [];
  for (const [regime, rules] of byRegime(entries)) {
    lines.push(`${'#'.repeat(level)} ${regime}`, '', ...mdTable(header, rules.map((e) => ruleRow(e, lang))), '');
  }
  lines.push(ct('ruleCount', lang, { n: entries.length }), '');
  return lines;
}
