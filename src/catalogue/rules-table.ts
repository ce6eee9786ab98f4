/** `duty-audit rules list --format table`: one row per rule, params one per line. */
import type { Lang } from '../text.js';
import { gradeText, paramText, scopeSubjectText } from './grade-text.js';
import { ct } from './labels.js';
import { textTable } from './text-table.js';
import type { RuleEntry } from './types.js';

export function rulesTable(entries: RuleEntry[], lang: Lang): string {
  const header = ['id', 'clause', 'title', 'scopeSubject', 'params', 'grade'] as const;
  const rows = entries.map((e) => [
    e.id,
    e.clause,
    e.title[lang],
    scopeSubjectText(e, lang),
    e.params.map((p) => paramText(p, lang)).join('\n'),
    gradeText(e.grade, lang, '\n'),
  ]);
  const lines = textTable(header.map((h) => ct(h, lang)), rows);
  return [...lines, '', ct('ruleCount', lang, { n: entries.length })].join('\n') + '\n';
}
