/**
 * The terminal view of a rule diff: the two rule sets and what was edited, then the counts per
 * rule and per person, then each added, removed and regraded finding.
 */
import { textTable } from '../catalogue/table.js';
import { gradeLabel, statusText } from '../report/labels.js';
import type { Lang } from '../text.js';
import { CHANGE_LABELS, DIFF_SHEET_NAMES, dt } from './labels.js';
import { CHANGE_KINDS, type DiffResult, type EditedRule, type FindingChange, type Grades } from './types.js';

const SEP: Record<Lang, string> = { zh: '：', en: ': ' };
/** After a heading that ends its line. */
const HEAD_END: Record<Lang, string> = { zh: '：', en: ':' };

/** A remark after a word: `（…）` in Chinese, ` (…)` in English. */
function paren(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

function gradesText(g: Grades | undefined, lang: Lang): string {
  if (!g) return '';
  // The final grade, with the base grade when escalation moved it, and the status unless it counts.
  const grades = g.baseGrade === g.grade ? gradeLabel(g.grade, lang) : `${gradeLabel(g.grade, lang)}${paren(gradeLabel(g.baseGrade, lang), lang)}`;
  return g.status === 'counted' ? grades : `${grades} [${statusText(g, lang)}]`;
}

function editedText(e: EditedRule, lang: Lang): string {
  const word = dt(e.change === 'added' ? 'ruleAdded' : e.change === 'removed' ? 'ruleRemoved' : 'ruleChanged', lang);
  const version = e.change === 'changed' && e.oldVersion !== e.newVersion ? ` v${e.oldVersion}→v${e.newVersion}` : '';
  return `${e.id}${paren(`${word}${version}`, lang)}`;
}

function headerLines(d: DiffResult, lang: Lang): string[] {
  const sep = SEP[lang];
  const side = (s: DiffResult['old']) => `${s.label} · ${dt('rulesCount', lang, { n: s.rules })} · ${s.hash.slice(0, 12)}`;
  const lines = [`${dt('heading', lang)}`, `  ${dt('oldRules', lang)}${sep}${side(d.old)}`, `  ${dt('newRules', lang)}${sep}${side(d.new)}`];
  const edits = d.editedRules.length === 0 ? dt('noEdits', lang) : d.editedRules.map((e) => editedText(e, lang)).join(lang === 'zh' ? '、' : ', ');
  lines.push(`  ${dt('editedRules', lang)}${sep}${edits}`);
  if (d.policyChanged) lines.push(`  ${dt('policyChanged', lang)}`);
  for (const w of d.workbooks) {
    lines.push(`  ${dt('workbook', lang)}${sep}${w.workbook} · ${w.center} · ${w.period} · ${dt('findingsBeforeAfter', lang, { old: w.oldFindings, new: w.newFindings })}`);
  }
  return lines;
}

function countsLine(d: DiffResult, lang: Lang): string {
  return CHANGE_KINDS.map((k) => `${CHANGE_LABELS[k][lang]} ${d.totals[k]}`).join(' · ');
}

function countColumns(lang: Lang): string[] {
  return CHANGE_KINDS.map((k) => CHANGE_LABELS[k][lang]);
}

function changeRow(c: FindingChange, lang: Lang, multipleWorkbooks: boolean): string[] {
  const record = `${c.ref.key}${multipleWorkbooks ? ` @ ${c.center}` : ''}`;
  return [c.id, c.ruleId, c.subject.name, record, c.date, gradesText(c.before, lang), gradesText(c.after, lang)];
}

export function diffTerminal(d: DiffResult, lang: Lang): string {
  const lines = [...headerLines(d, lang), '', countsLine(d, lang)];
  if (d.changes.length === 0) return [...lines, dt('noChanges', lang)].join('\n') + '\n';

  const counts = (c: Record<(typeof CHANGE_KINDS)[number], number>) => CHANGE_KINDS.map((k) => String(c[k]));
  lines.push('', `${DIFF_SHEET_NAMES.byRule[lang]}${HEAD_END[lang]}`);
  lines.push(...textTable([dt('rule', lang), dt('clause', lang), dt('title', lang), ...countColumns(lang)], d.byRule.map((r) => [r.ruleId, r.clause, r.title[lang], ...counts(r)])).map((l) => `  ${l}`));
  lines.push('', `${DIFF_SHEET_NAMES.byPerson[lang]}${HEAD_END[lang]}`);
  const kindWord = (k: 'staff' | 'center') => dt(k === 'staff' ? 'staffKind' : 'centerKind', lang);
  lines.push(...textTable([dt('center', lang), dt('subject', lang), ...countColumns(lang)], d.byPerson.map((p) => [p.center, `${p.subject.name}${paren(kindWord(p.subject.kind), lang)}`, ...counts(p)])).map((l) => `  ${l}`));

  const multiple = new Set(d.workbooks.map((w) => w.workbook)).size > 1;
  const header = [dt('id', lang), dt('rule', lang), dt('subject', lang), dt('record', lang), dt('date', lang), dt('before', lang), dt('after', lang)];
  for (const kind of CHANGE_KINDS) {
    const rows = d.changes.filter((c) => c.kind === kind);
    if (rows.length === 0) continue;
    lines.push('', `${CHANGE_LABELS[kind][lang]}${paren(String(rows.length), lang)}${HEAD_END[lang]}`);
    lines.push(...textTable(header, rows.map((c) => changeRow(c, lang, multiple))).map((l) => `  ${l}`));
  }
  return lines.join('\n') + '\n';
}
