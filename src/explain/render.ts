/**
 * The terminal rendering of an Explanation (zh by default, en with --lang en): per record a
 * header (where it is, its derived facts, its columns), then every rule of its scope with its
 * condition tree, why it did not fire, or how it was graded.
 */
import { ledgerSheetLabel, type Lang } from '../report/labels.js';
import { SCOPE_LABELS } from '../facts/scopes.js';
import { factZh, valueText, word } from './labels.js';
import { gradeLines } from './render-grade.js';
import { leafText, treeLines } from './render-tree.js';
import type { Explanation, FactEntry, RecordExplanation, RuleVerdict } from './types.js';

function factName(scope: RecordExplanation['scope'], name: string, lang: Lang): string {
  const zh = lang === 'zh' ? factZh(scope, name) : undefined;
  return zh && zh !== name ? `${name}(${zh})` : name;
}

function factLines(record: RecordExplanation, lang: Lang): string[] {
  const derived = record.facts.filter((f) => f.origin === 'derived');
  const columns = record.facts.filter((f) => f.origin === 'column');
  const lines: string[] = [];
  if (derived.length > 0) {
    lines.push(`  ${word('derived', lang)}`);
    for (const f of derived) lines.push(`    ${factName(record.scope, f.name, lang)} = ${valueText(f.value, lang)}`);
  }
  if (columns.length > 0) {
    lines.push(`  ${word('columns', lang)}`);
    const column = (f: FactEntry) => `${lang === 'zh' ? (factZh(record.scope, f.name) ?? f.name) : f.name} ${valueText(f.value, lang)}`;
    for (let i = 0; i < columns.length; i += 4) lines.push(`    ${columns.slice(i, i + 4).map(column).join(' · ')}`);
  }
  return lines;
}

function statusWord(v: RuleVerdict, lang: Lang): string {
  if (v.status === 'fired') return word('fired', lang);
  if (v.status === 'not-run') return word('notRun', lang);
  return word('notFired', lang);
}

function ruleLines(v: RuleVerdict, lang: Lang): string[] {
  const icon = v.status === 'fired' ? '✓' : v.status === 'not-fired' ? '✗' : '–';
  const lines = [`  ${icon} ${v.ruleId}  ${v.clause}  ${v.title[lang]} — ${statusWord(v, lang)}`];
  if (v.status === 'not-run') {
    const sheets = (v.absentSheets ?? []).map((s) => ledgerSheetLabel(s, lang)).join(lang === 'zh' ? '、' : ', ');
    lines.push(`      ${word('sheetAbsent', lang, { sheets })}`);
    return lines;
  }
  if (v.failedBy && v.failedBy.length > 0) {
    const sep = lang === 'zh' ? ':' : ': ';
    lines.push(`      ${word('because', lang)}${sep}${v.failedBy.map((l) => leafText(l, lang)).join('; ')}`);
  }
  if (v.tree) lines.push(...treeLines(v.tree, lang, '      '));
  if (v.status === 'fired') lines.push(...(v.grade ? gradeLines(v.grade, lang, '      ') : [`      ${word('noFinding', lang)}`]));
  return lines;
}

function recordLines(record: RecordExplanation, lang: Lang): string[] {
  const where = `${ledgerSheetLabel(record.ref.sheet, lang)} ${word('row', lang, { n: record.ref.row })}`;
  const head = `■ ${record.ref.key} · ${where} · ${record.date}`;
  const count = (status: RuleVerdict['status']) => record.rules.filter((r) => r.status === status).length;
  const summary = word('summary', lang, { total: record.rules.length, fired: count('fired'), notFired: count('not-fired'), notRun: count('not-run') });
  const sep = lang === 'zh' ? ':' : ': ';
  const rulesHead = `  ${word('rules', lang)} (${SCOPE_LABELS[record.scope][lang]})${sep}${summary}`;
  return [head, ...factLines(record, lang), rulesHead, ...record.rules.flatMap((v) => ruleLines(v, lang))];
}

function targetText(e: Explanation, lang: Lang): string {
  if (e.targetKind === 'finding-id') return word('byFinding', lang, { id: e.findingId ?? e.target });
  if (e.targetKind === 'name-prefix') return word('byName', lang, { name: e.target });
  return e.target;
}

export function renderExplanation(e: Explanation, lang: Lang): string {
  const sep = lang === 'zh' ? ':' : ': ';
  const inferred = e.periodInferred ? ` ${word('periodInferred', lang)}` : '';
  const lines = [
    `${word('title', lang)}${sep}${targetText(e, lang)}`,
    `${e.center} · ${e.period}${inferred} · ${word('asOf', lang)} ${e.asOf}`,
  ];
  for (const record of e.records) lines.push('', ...recordLines(record, lang));
  if (e.alsoMatches.length > 0) {
    lines.push('', `${word('alsoMatches', lang)}${sep}${e.alsoMatches.map((r) => r.key).join(lang === 'zh' ? '、' : ', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
