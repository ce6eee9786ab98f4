/** `duty-audit rules test` and `rules validate` in words: plain lines, rendered from data. */
import { formatProblem } from '../rules/problems.js';
import type { ClauseCoverage } from './coverage.js';
import type { CaseCondition, CaseResult, TestReport } from './tester.js';
import type { RuleProblem, RuleSet } from '../rules/types.js';

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

export function conditionLine(c: CaseCondition): string {
  const param = c.param ? ` (param ${c.param})` : '';
  return `${c.result ? 'true ' : 'false'}  ${c.fact} ${c.operator} ${show(c.expected)}${param}   actual ${show(c.actual)}`;
}

function expectedText(c: CaseResult): string {
  return c.expected.fires ? `one finding, grade ${c.expected.grade}` : 'no finding';
}

function actualText(c: CaseResult): string {
  if (c.actual.error) return `error: ${c.actual.error}`;
  if (!c.actual.ran) return `rule did not run (${c.actual.notRunReason})`;
  if (c.actual.findings.length === 0) return 'no finding';
  return c.actual.findings.map((f) => `${f.baseGrade} — ${f.message}`).join('; ');
}

export function failureLines(c: CaseResult): string[] {
  return [
    `    ✗ cases.${c.kind}[${c.index}] ${c.description}`,
    `        ${c.failure}`,
    `        record:   ${JSON.stringify(c.record)}${c.asOf ? `  (as-of ${c.asOf})` : ''}`,
    `        expected: ${expectedText(c)}`,
    `        actual:   ${actualText(c)}`,
    ...(c.conditions.length > 0 ? ['        conditions:', ...c.conditions.map((x) => `          ${conditionLine(x)}`)] : []),
  ];
}

export function testReportLines(report: TestReport): string[] {
  const lines: string[] = [];
  for (const r of report.rules) {
    const n = r.cases.length;
    lines.push(`${r.ok ? '✓' : '✗'} ${r.ruleId}  ${r.clause}  ${n} case${n === 1 ? '' : 's'}`);
    for (const p of r.problems) lines.push(`    ✗ ${p}`);
    for (const c of r.cases) if (!c.ok) lines.push(...failureLines(c));
  }
  return lines;
}

export function coverageLines(coverage: ClauseCoverage[], gaps: string[]): string[] {
  const lines = ['', 'clause coverage:'];
  for (const c of coverage) {
    const ids = c.rules.map((r) => r.id);
    const mark = c.covered ? '✓' : gaps.includes(c.clause) ? '✗' : '·';
    const via = !c.covered && c.viaItems.length > 0 ? `(by its items: ${c.viaItems.join(', ')})` : '';
    lines.push(`  ${mark} ${c.clause}  ${ids.join(', ') || via || '(no rule)'}`);
  }
  const covered = coverage.filter((c) => c.covered).length;
  lines.push(`  ${covered} of ${coverage.length} clauses have a rule with cases`);
  if (gaps.length > 0) lines.push(`  ✗ required clauses without a rule: ${gaps.join(', ')}`);
  return lines;
}

export function summaryLine(report: TestReport, gaps: string[]): string {
  const status = report.ok && gaps.length === 0 ? 'OK' : 'FAILED';
  return `rules test ${status}: ${report.rules.length} rules, ${report.casesRun} cases, ${report.casesFailed} failed cases, ${report.rulesFailed} failed rules`;
}

export function problemLines(problems: RuleProblem[], cwd?: string): string[] {
  return [...problems.map((p) => formatProblem(p, 'en', cwd)), `${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was loaded`];
}

export function validOkLine(ruleSet: RuleSet, calendars: number): string {
  return `rules OK: ${ruleSet.rules.length} rules, the policy and ${calendars} calendar file${calendars === 1 ? '' : 's'} valid (rule set ${ruleSet.hash.slice(0, 12)})`;
}
