/**
 * The catalogue in Markdown: rules/README.md is the rule catalogue then the fact catalogue,
 * generated from the same entries as `duty-audit rules list`, so the page cannot drift from the
 * rules (a test regenerates it and compares). `duty-audit rules list --format md` prints
 * exactly this page; `--write` writes it (catalogue.ts). Table cells escape pipes and turn line
 * breaks into `<br>`.
 */
import { SCOPE_LABELS } from '../facts/scopes.js';
import type { Lang } from '../text.js';
import { byRegime, byScope, type FactEntry, type ParamEntry, type RuleEntry } from './entries.js';
import { ct, FACT_TYPE_LABELS, gradeText, originText, paramText, scopeSubjectText } from './words.js';

export const README_COMMAND = 'duty-audit rules list --write';

export function catalogueMarkdown(rules: RuleEntry[], facts: FactEntry[], lang: Lang): string {
  const lines = [
    `<!-- ${ct('generated', 'en', { command: README_COMMAND })} -->`,
    '',
    `# ${ct('rulesHeading', lang)}`,
    '',
    ct('generated', lang, { command: README_COMMAND }),
    '',
    ...rulesMarkdown(rules, lang, 2),
    `# ${ct('factsHeading', lang)}`,
    '',
    ...factsMarkdown(facts, lang, 2),
  ];
  return lines.join('\n');
}

// ---- rules: one table per regime, titles in both languages ----

const DESCRIPTION_SEP: Record<Lang, string> = { zh: '：', en: ': ' };

function paramLine(p: ParamEntry, lang: Lang): string {
  return `${mdCode(paramText(p, lang))}${DESCRIPTION_SEP[lang]}${p.description[lang]}`;
}

function ruleRow(e: RuleEntry, lang: Lang): string[] {
  return [
    mdCode(e.id),
    e.clause,
    `${e.title.zh}\n${e.title.en}`,
    scopeSubjectText(e, lang),
    mdCode(e.event),
    e.params.length === 0 ? ct('none', lang) : e.params.map((p) => paramLine(p, lang)).join('\n'),
    gradeText(e.grade, lang),
  ];
}

/** `## <regime>` sections; `level` is the heading depth of each regime. */
export function rulesMarkdown(entries: RuleEntry[], lang: Lang, level = 2): string[] {
  const header = (['id', 'clause', 'title', 'scopeSubject', 'event', 'params', 'grade'] as const).map((h) => ct(h, lang));
  const lines: string[] = [];
  for (const [regime, rules] of byRegime(entries)) {
    lines.push(`${'#'.repeat(level)} ${regime}`, '', ...mdTable(header, rules.map((e) => ruleRow(e, lang))), '');
  }
  lines.push(ct('ruleCount', lang, { n: entries.length }), '');
  return lines;
}

// ---- facts: one table per scope, meanings in both languages ----

function factRow(f: FactEntry, lang: Lang): string[] {
  return [mdCode(f.name), FACT_TYPE_LABELS[f.type][lang], originText(f, lang), f.sheets.join(', '), f.description.zh, f.description.en];
}

/** `## <scope>` sections; `level` is the heading depth of each scope. */
export function factsMarkdown(entries: FactEntry[], lang: Lang, level = 2): string[] {
  const header = (['fact', 'type', 'origin', 'sheets', 'meaningZh', 'meaningEn'] as const).map((h) => ct(h, lang));
  const lines: string[] = [];
  for (const [scope, facts] of byScope(entries)) {
    const label = SCOPE_LABELS[scope][lang];
    lines.push(`${'#'.repeat(level)} ${scope}${label === scope ? '' : ` · ${label}`}`, '', ...mdTable(header, facts.map((f) => factRow(f, lang))), '');
  }
  lines.push(ct('factCount', lang, { n: entries.length }), '');
  return lines;
}

// ---- Markdown tables ----

export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function mdTable(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}

export function mdCode(text: string): string {
  return '`' + text + '`';
}
