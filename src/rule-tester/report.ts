/** `duty-audit rules test` and `rules validate` in words: plain lines, rendered from data in either language. */
import { msg, render, tr, type Message } from '../messages/catalogue.js';
import { formatProblem } from '../rules/problems.js';
import type { ClauseCoverage } from './coverage.js';
import type { CaseCondition, CaseResult, TestReport } from './tester.js';
import type { RuleProblem, RuleSet } from '../rules/types.js';
import type { Lang } from '../text.js';

function show(value: unknown, lang: Lang): string {
  return value === undefined ? tr(lang, 'test.absent') : JSON.stringify(value);
}

export function conditionLine(c: CaseCondition, lang: Lang): string {
  const param = c.param ? tr(lang, 'test.param', { name: c.param }) : '';
  const result = c.result ? 'true ' : 'false';
  return tr(lang, 'test.condition', { result, fact: c.fact, operator: c.operator, expected: show(c.expected, lang), param, actual: show(c.actual, lang) });
}

function expectedText(c: CaseResult): Message {
  return c.expected.fires ? msg('test.expected.fires', { grade: c.expected.grade }) : msg('test.noFinding');
}

function actualText(c: CaseResult, lang: Lang): string {
  if (c.actual.error) return tr(lang, 'test.actual.error', { error: c.actual.error });
  if (!c.actual.ran) return tr(lang, 'test.actual.notRun', { reason: c.actual.notRunReason ?? '' });
  if (c.actual.findings.length === 0) return tr(lang, 'test.noFinding');
  return c.actual.findings.map((f) => `${f.baseGrade} — ${f.message[lang]}`).join(lang === 'zh' ? '；' : '; ');
}

export function failureLines(c: CaseResult, lang: Lang): string[] {
  const asOf = c.asOf ? tr(lang, 'test.asOf', { asOf: c.asOf }) : '';
  return [
    `    ✗ cases.${c.kind}[${c.index}] ${c.description}`,
    `        ${c.failure ? render(c.failure, lang) : ''}`,
    `        ${tr(lang, 'test.record', { record: JSON.stringify(c.record), asOf })}`,
    `        ${tr(lang, 'test.expected', { what: expectedText(c) })}`,
    `        ${tr(lang, 'test.actual', { what: actualText(c, lang) })}`,
    ...(c.conditions.length > 0 ? [`        ${tr(lang, 'test.conditions')}`, ...c.conditions.map((x) => `          ${conditionLine(x, lang)}`)] : []),
  ];
}

export function testReportLines(report: TestReport, lang: Lang): string[] {
  const lines: string[] = [];
  for (const r of report.rules) {
    const n = r.cases.length;
    const head = { mark: r.ok ? '✓' : '✗', id: r.ruleId, clause: r.clause };
    lines.push(n === 1 ? tr(lang, 'test.ruleLine.one', head) : tr(lang, 'test.ruleLine', { ...head, n }));
    for (const p of r.problems) lines.push(`    ✗ ${render(p, lang)}`);
    for (const c of r.cases) if (!c.ok) lines.push(...failureLines(c, lang));
  }
  return lines;
}

export function coverageLines(coverage: ClauseCoverage[], gaps: string[], lang: Lang): string[] {
  const lines = ['', tr(lang, 'test.coverage')];
  for (const c of coverage) {
    const ids = c.rules.map((r) => r.id);
    const mark = c.covered ? '✓' : gaps.includes(c.clause) ? '✗' : '·';
    const via = !c.covered && c.viaItems.length > 0 ? tr(lang, 'test.coverage.viaItems', { items: c.viaItems }) : '';
    lines.push(`  ${mark} ${c.clause}  ${ids.join(', ') || via || tr(lang, 'test.coverage.noRule')}`);
  }
  const covered = coverage.filter((c) => c.covered).length;
  lines.push(`  ${tr(lang, 'test.coverage.count', { covered, n: coverage.length })}`);
  if (gaps.length > 0) lines.push(`  ${tr(lang, 'test.coverage.gaps', { clauses: gaps })}`);
  return lines;
}

export function summaryLine(report: TestReport, gaps: string[], lang: Lang): string {
  const counts = { rules: report.rules.length, cases: report.casesRun, failedCases: report.casesFailed, failedRules: report.rulesFailed };
  return tr(lang, report.ok && gaps.length === 0 ? 'test.summary.ok' : 'test.summary.failed', counts);
}

export function problemLines(problems: RuleProblem[], lang: Lang, cwd?: string): string[] {
  const total = problems.length === 1 ? tr(lang, 'validate.problems.one') : tr(lang, 'validate.problems', { n: problems.length });
  return [...problems.map((p) => formatProblem(p, lang, cwd)), total];
}

export function validOkLine(ruleSet: RuleSet, calendars: number, lang: Lang): string {
  const said = { rules: ruleSet.rules.length, hash: ruleSet.hash.slice(0, 12) };
  return calendars === 1 ? tr(lang, 'validate.ok.oneCalendar', said) : tr(lang, 'validate.ok', { ...said, calendars });
}
