/**
 * The terminal rendering of an Explanation (zh by default, en with --lang en): per record a
 * header (where it is, its derived facts, its columns), then every rule of its scope with its
 * condition tree (✓ / ✗ per node, each leaf as `fact op expected (param name)  actual: value`),
 * why it did not fire, or how it was graded (base grade and why, the ladder's steps, the final
 * grade with its escalation, the finding id and the evidence).
 */
import { COLUMNS, escalationText, gradeLabel, ledgerSheetLabel, statusText } from '../report/labels.js';
import type { Lang } from '../text.js';
import { SCOPE_LABELS } from '../facts/scopes.js';
import { comparisonText, factZh, valueText, word } from './labels.js';
import type { ConditionLeaf, Explanation, FactEntry, GradeExplanation, GradeWhy, LadderStep, RecordExplanation, RuleVerdict, TreeNode } from './types.js';

export function mark(result: boolean): string {
  return result ? '✓' : '✗';
}

const BOOLEAN_LABELS = {
  all: { zh: '全部满足 (all)', en: 'all of' },
  any: { zh: '任一满足 (any)', en: 'any of' },
  not: { zh: '不成立 (not)', en: 'not' },
} as const;

/** `overdue_days ≥ 1 (param minOverdueDays)  actual: 14` */
export function leafText(leaf: ConditionLeaf, lang: Lang): string {
  const param = leaf.param ? (lang === 'zh' ? `(${word('param', lang)} ${leaf.param})` : ` (${word('param', lang)} ${leaf.param})`) : '';
  const sep = lang === 'zh' ? ':' : ': ';
  const expected = leaf.expectedFact ? `${leaf.expectedFact} ${valueText(leaf.expected, lang)}` : undefined;
  return `${leaf.fact} ${comparisonText(leaf.operator, leaf.expected, lang, expected)}${param}  ${word('actual', lang)}${sep}${valueText(leaf.actual, lang)}`;
}

export function treeLines(node: TreeNode, lang: Lang, indent: string): string[] {
  if (node.kind === 'condition') return [`${indent}${mark(node.result)} ${leafText(node, lang)}`];
  const head = `${indent}${mark(node.result)} ${BOOLEAN_LABELS[node.kind][lang]}`;
  return [head, ...node.children.flatMap((c) => treeLines(c, lang, `${indent}  `))];
}

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
  if (v.status === 'other-period') return word('otherPeriod', lang);
  return word('notFired', lang);
}

function ruleLines(v: RuleVerdict, lang: Lang, period: string): string[] {
  const icon = v.status === 'fired' ? '✓' : v.status === 'not-fired' ? '✗' : v.status === 'other-period' ? '·' : '–';
  const lines = [`  ${icon} ${v.ruleId}  ${v.clause}  ${v.title[lang]} — ${statusWord(v, lang)}`];
  if (v.status === 'not-run') {
    const sheets = (v.absentSheets ?? []).map((s) => ledgerSheetLabel(s, lang)).join(lang === 'zh' ? '、' : ', ');
    lines.push(`      ${word('sheetAbsent', lang, { sheets })}`);
    return lines;
  }
  if (v.event) lines.push(`      ${v.event.date === null ? word('eventNotYet', lang, { fact: v.event.fact }) : word('eventOutside', lang, { fact: v.event.fact, date: v.event.date, period })}`);
  if (v.failedBy && v.failedBy.length > 0) {
    const sep = lang === 'zh' ? ':' : ': ';
    lines.push(`      ${word('because', lang)}${sep}${v.failedBy.map((l) => leafText(l, lang)).join('; ')}`);
  }
  if (v.tree) lines.push(...treeLines(v.tree, lang, '      '));
  if (v.status === 'fired') lines.push(...(v.grade ? gradeLines(v.grade, lang, '      ') : [`      ${word('noFinding', lang)}`]));
  return lines;
}

function recordLines(record: RecordExplanation, lang: Lang, period: string): string[] {
  const where = `${ledgerSheetLabel(record.ref.sheet, lang)} ${word('row', lang, { n: record.ref.row })}`;
  const head = `■ ${record.ref.key} · ${where} · ${record.date}`;
  const count = (status: RuleVerdict['status']) => record.rules.filter((r) => r.status === status).length;
  const summary = word('summary', lang, { total: record.rules.length, fired: count('fired'), notFired: count('not-fired') + count('other-period'), notRun: count('not-run') });
  const sep = lang === 'zh' ? ':' : ': ';
  const rulesHead = `  ${word('rules', lang)} (${SCOPE_LABELS[record.scope][lang]})${sep}${summary}`;
  return [head, ...factLines(record, lang), rulesHead, ...record.rules.flatMap((v) => ruleLines(v, lang, period))];
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
  for (const record of e.records) lines.push('', ...recordLines(record, lang, e.period));
  if (e.alsoMatches.length > 0) {
    lines.push('', `${word('alsoMatches', lang)}${sep}${e.alsoMatches.map((r) => r.key).join(lang === 'zh' ? '、' : ', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
