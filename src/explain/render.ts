/**
 * The terminal rendering of an Explanation, in the terminal's language. For a person: each of
 * their findings with the path its grade took (base grade and why, escalation, final grade).
 * For a record: a header (where it is, its derived facts, its columns), then the rules that
 * fired with their condition trees (✓ / ✗ per node, each leaf as `fact op expected (param name)
 * actual: value`) and how they were graded, then the near misses with the one condition they
 * lacked; the other rules are counted, and `--all` shows each of them with its tree.
 */
import { columnHeaders, escalationText, gradeLabel, ledgerSheetLabel, STATUS_LABELS, statusText } from '../report/labels.js';
import { GRADES } from '../grade-scale.js';
import { tr } from '../messages/catalogue.js';
import type { Lang } from '../text.js';
import { SCOPE_LABELS } from '../facts/scopes.js';
import { comparisonText, factZh, valueText } from './labels.js';
import type { ConditionLeaf, Explanation, FactEntry, GradeExplanation, GradeWhy, LadderStep, PersonExplanation, PersonFinding, RecordExplanation, RuleVerdict, TreeNode } from './types.js';

export interface RenderOptions {
  /** Every rule of the scope with its tree, not only those that fired and the near misses. */
  all: boolean;
}

export function mark(result: boolean): string {
  return result ? '✓' : '✗';
}

/** `overdue_days ≥ 1 (param minOverdueDays)  actual: 14` */
export function leafText(leaf: ConditionLeaf, lang: Lang): string {
  const param = leaf.param ? tr(lang, 'explain.param', { name: leaf.param }) : '';
  const expected = leaf.expectedFact ? `${leaf.expectedFact} ${valueText(leaf.expected, lang)}` : undefined;
  const comparison = comparisonText(leaf.operator, leaf.expected, lang, expected);
  return tr(lang, 'explain.leaf', { fact: leaf.fact, comparison, param, actual: valueText(leaf.actual, lang) });
}

export function treeLines(node: TreeNode, lang: Lang, indent: string): string[] {
  if (node.kind === 'condition') return [`${indent}${mark(node.result)} ${leafText(node, lang)}`];
  const head = `${indent}${mark(node.result)} ${tr(lang, `explain.group.${node.kind}`)}`;
  return [head, ...node.children.flatMap((c) => treeLines(c, lang, `${indent}  `))];
}

function threshold(step: LadderStep): string {
  return step.param ? `${step.param} ${step.min}` : String(step.min);
}

export function whyText(why: GradeWhy, lang: Lang): string {
  const grade = gradeLabel(why.grade, lang);
  switch (why.kind) {
    case 'base':
      return tr(lang, 'explain.why.base');
    case 'byValue':
      return tr(lang, 'explain.why.byValue', { fact: why.fact, value: valueText(why.value, lang), grade });
    case 'fromFact':
      return tr(lang, 'explain.why.fromFact', { fact: why.fact, value: valueText(why.value, lang), grade });
    case 'ladder': {
      const value = valueText(why.value, lang);
      if (why.chosen) return tr(lang, 'explain.why.ladder', { fact: why.fact, value, threshold: threshold(why.chosen), grade });
      const lowest = why.steps[0];
      const below = lowest ? ` < ${threshold(lowest)}` : '';
      return tr(lang, 'explain.why.ladderNone', { fact: why.fact, value, below, grade });
    }
  }
}

/** `base Reminder · ≥3 Criticism ✓ · ≥6 Notice ✓ · ≥11 Deduction ✗` */
export function ladderText(why: Extract<GradeWhy, { kind: 'ladder' }>, lang: Lang): string {
  const steps = why.steps.map((s) => `≥${s.min} ${gradeLabel(s.grade, lang)} ${s.reached ? '✓' : '✗'}`);
  return [tr(lang, 'explain.ladderBase', { grade: gradeLabel(why.base, lang) }), ...steps].join(' · ');
}

function escalationWords(grade: GradeExplanation, lang: Lang): string {
  return escalationText(grade.escalation, lang) || tr(lang, 'explain.notEscalated');
}

function deductionWords(grade: GradeExplanation, lang: Lang): string {
  return grade.deductionYuan > 0 ? tr(lang, 'explain.deduction', { yuan: grade.deductionYuan }) : '';
}

export function gradeLines(grade: GradeExplanation, lang: Lang, indent: string): string[] {
  const lines = [`${indent}${tr(lang, 'explain.baseGrade', { grade: gradeLabel(grade.base, lang), why: whyText(grade.why, lang) })}`];
  if (grade.why.kind === 'ladder') lines.push(`${indent}  ${tr(lang, 'explain.ladder', { steps: ladderText(grade.why, lang) })}`);
  lines.push(`${indent}${tr(lang, 'explain.finalGrade', { grade: gradeLabel(grade.final, lang), escalation: escalationWords(grade, lang) })}`);
  lines.push(`${indent}${tr(lang, 'explain.status', { status: statusText(grade.settlement, lang) })}`);
  lines.push(`${indent}${tr(lang, 'explain.findingLine', { id: grade.findingId, subject: grade.subject.name, deduction: deductionWords(grade, lang) })}`);
  lines.push(`${indent}${tr(lang, 'explain.evidence', { text: grade.message[lang] })}`);
  return lines;
}

function factName(scope: RecordExplanation['scope'], name: string, lang: Lang): string {
  const zh = lang === 'zh' ? factZh(scope, name) : undefined;
  return zh && zh !== name ? `${name}（${zh}）` : name;
}

function factLines(record: RecordExplanation, lang: Lang): string[] {
  const derived = record.facts.filter((f) => f.origin === 'derived');
  const columns = record.facts.filter((f) => f.origin === 'column');
  const lines: string[] = [];
  if (derived.length > 0) {
    lines.push(`  ${tr(lang, 'explain.derived')}`);
    for (const f of derived) lines.push(`    ${factName(record.scope, f.name, lang)} = ${valueText(f.value, lang)}`);
  }
  if (columns.length > 0) {
    lines.push(`  ${tr(lang, 'explain.columns')}`);
    const column = (f: FactEntry) => `${lang === 'zh' ? (factZh(record.scope, f.name) ?? f.name) : f.name} ${valueText(f.value, lang)}`;
    for (let i = 0; i < columns.length; i += 4) lines.push(`    ${columns.slice(i, i + 4).map(column).join(' · ')}`);
  }
  return lines;
}

function statusWord(v: RuleVerdict, lang: Lang): string {
  if (v.status === 'fired') return tr(lang, 'explain.fired');
  if (v.status === 'not-run') return tr(lang, 'explain.notRun');
  if (v.status === 'other-period') return tr(lang, 'explain.otherPeriod');
  return tr(lang, 'explain.notFired');
}

function ruleHead(v: RuleVerdict, lang: Lang): string {
  const icon = v.status === 'fired' ? '✓' : v.status === 'not-fired' ? '✗' : v.status === 'other-period' ? '·' : '–';
  return `  ${icon} ${v.ruleId}  ${v.clause}  ${v.title[lang]} — ${statusWord(v, lang)}`;
}

function listSeparator(lang: Lang): string {
  return lang === 'zh' ? '；' : '; ';
}

/** A rule with everything known about it: why it did not run, its tree, how it was graded. */
function ruleLines(v: RuleVerdict, lang: Lang): string[] {
  const lines = [ruleHead(v, lang)];
  if (v.status === 'not-run') {
    if (v.absentColumns) {
      const { sheet, columns } = v.absentColumns;
      lines.push(`      ${tr(lang, 'explain.columnAbsent', { sheet: ledgerSheetLabel(sheet, lang), columns: columnHeaders(sheet, columns) })}`);
    } else {
      const sheets = (v.absentSheets ?? []).map((s) => ledgerSheetLabel(s, lang));
      lines.push(`      ${tr(lang, 'explain.sheetAbsent', { sheets })}`);
    }
    return lines;
  }
  if (v.event) {
    const { fact, date } = v.event;
    lines.push(`      ${date === null ? tr(lang, 'explain.eventNotYet', { fact }) : tr(lang, 'explain.eventOutside', { fact, date })}`);
  }
  if (v.failedBy && v.failedBy.length > 0) {
    lines.push(`      ${tr(lang, 'explain.because', { leaves: v.failedBy.map((l) => leafText(l, lang)).join(listSeparator(lang)) })}`);
  }
  if (v.tree) lines.push(...treeLines(v.tree, lang, '      '));
  if (v.status === 'fired') lines.push(...(v.grade ? gradeLines(v.grade, lang, '      ') : [`      ${tr(lang, 'explain.noGradedFinding')}`]));
  return lines;
}

/** A near miss in two lines: the rule, and the one condition it lacked. */
function nearMissLines(v: RuleVerdict, lang: Lang): string[] {
  const leaf = v.toFire?.[0];
  return [ruleHead(v, lang), ...(leaf ? [`      ${tr(lang, 'explain.shortOf', { leaf: leafText(leaf, lang) })}`] : [])];
}

/** Fired rules in full, near misses in short, the rest counted; with `all`, every rule in full. */
function verdictLines(record: RecordExplanation, lang: Lang, o: RenderOptions): string[] {
  if (o.all) return record.rules.flatMap((v) => ruleLines(v, lang));
  const fired = record.rules.filter((v) => v.status === 'fired');
  const near = record.rules.filter((v) => v.status === 'not-fired' && v.nearMiss);
  const notRun = record.rules.filter((v) => v.status === 'not-run');
  const rest = record.rules.length - fired.length - near.length - notRun.length;
  const lines = [...fired.flatMap((v) => ruleLines(v, lang))];
  if (near.length > 0) lines.push(`  ${tr(lang, 'explain.nearHead')}`, ...near.flatMap((v) => nearMissLines(v, lang)));
  lines.push(...notRun.flatMap((v) => ruleLines(v, lang)));
  if (rest > 0) lines.push(`  ${tr(lang, 'explain.rest', { n: rest })}`);
  return lines;
}

function recordLines(record: RecordExplanation, lang: Lang, o: RenderOptions): string[] {
  const head = tr(lang, 'explain.record', { key: record.ref.key, sheet: ledgerSheetLabel(record.ref.sheet, lang), row: record.ref.row, date: record.date });
  const count = (status: RuleVerdict['status']) => record.rules.filter((r) => r.status === status).length;
  const counts = {
    scope: SCOPE_LABELS[record.scope][lang],
    total: record.rules.length,
    fired: count('fired'),
    notFired: count('not-fired'),
    near: record.rules.filter((r) => r.nearMiss).length,
    notRun: count('not-run'),
  };
  return [head, ...factLines(record, lang), `  ${tr(lang, 'explain.rulesHead', counts)}`, ...verdictLines(record, lang, o)];
}

/** One finding of a person: which rule, which record, and the path of its grade. */
function personFindingLines(f: PersonFinding, lang: Lang, n: string): string[] {
  const g = f.grade;
  const where = tr(lang, 'explain.person.where', { key: f.ref.key, sheet: ledgerSheetLabel(f.ref.sheet, lang), row: f.ref.row, date: f.date });
  const path = {
    base: gradeLabel(g.base, lang),
    why: whyText(g.why, lang),
    escalation: escalationWords(g, lang),
    final: gradeLabel(g.final, lang),
    deduction: deductionWords(g, lang),
  };
  const indent = ' '.repeat(n.length + 4);
  return [
    `  ${n}. ${g.findingId}  ${f.ruleId}  ${f.clause}  ${f.title[lang]}`,
    `${indent}${where}`,
    `${indent}${tr(lang, 'explain.person.path', path)}`,
    `${indent}${tr(lang, 'explain.status', { status: statusText(g.settlement, lang) })}`,
  ];
}

function personLines(p: PersonExplanation, lang: Lang): string[] {
  if (p.findings.length === 0) return [tr(lang, 'explain.person.none', { name: p.name })];
  const lines = [tr(lang, 'explain.person.head', { name: p.name, n: p.findings.length }), ...p.findings.flatMap((f, i) => personFindingLines(f, lang, String(i + 1).padStart(String(p.findings.length).length)))];
  if (p.summary) {
    const s = p.summary;
    const counts = GRADES.filter((g) => s.counts[g] > 0)
      .map((g) => `${gradeLabel(g, lang)} ${s.counts[g]}`)
      .join(' · ');
    const deduction = s.deductionYuan > 0 ? tr(lang, 'explain.deduction', { yuan: s.deductionYuan }) : '';
    if (s.highest === null) lines.push(`  ${tr(lang, 'explain.person.noneCounts')}`);
    else lines.push(`  ${tr(lang, 'explain.person.total', { counts, highest: gradeLabel(s.highest, lang), deduction })}`);
    const apart = ([['merged', s.merged], ['reported-before', s.reportedBefore], ['withdrawn', s.withdrawn]] as const).filter(([, k]) => k > 0);
    if (apart.length > 0) lines.push(`  ${tr(lang, 'explain.person.notCounted', { statuses: apart.map(([status, k]) => `${STATUS_LABELS[status][lang]} ${k}`).join(' · ') })}`);
  }
  return lines;
}

function targetText(e: Explanation, lang: Lang): string {
  if (e.targetKind === 'finding-id') return tr(lang, 'explain.byFinding', { id: e.findingId ?? e.target });
  if (e.targetKind === 'person') return tr(lang, 'explain.byPerson', { name: e.person?.name ?? e.target });
  return e.target;
}

export function renderExplanation(e: Explanation, lang: Lang, o: RenderOptions = { all: false }): string {
  const inferred = e.periodInferred ? tr(lang, 'explain.periodInferred') : '';
  const lines = [tr(lang, 'explain.title', { target: targetText(e, lang) }), tr(lang, 'explain.header', { center: e.center, period: e.period, inferred, asOf: e.asOf })];
  if (e.person) lines.push('', ...personLines(e.person, lang));
  for (const record of e.records) lines.push('', ...recordLines(record, lang, o));
  if (e.alsoMatches.length > 0) {
    const keys = e.alsoMatches.map((r) => r.key);
    lines.push('', tr(lang, e.person ? 'explain.person.records' : 'explain.alsoMatches', { keys }));
  }
  return `${lines.join('\n')}\n`;
}
