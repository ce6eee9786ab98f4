import { render } from '../../src/messages/catalogue.js';
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { catalogueGaps, clauseCoverage, assertCatalogueComplete, REQUIRED_CLAUSES } from '../../src/rule-tester/coverage.js';
import { caseDates, caseLedger, recordKey } from '../../src/rule-tester/case-ledger.js';
import { testRule, testRules } from '../../src/rule-tester/tester.js';
import { failureLines, testReportLines } from '../../src/rule-tester/report.js';
import type { Rule, RuleSet } from '../../src/rules/types.js';
import { fixture } from '../rules/helpers.js';

async function load(set: string): Promise<RuleSet> {
  const { ruleSet, problems } = await loadRuleSet(fixture(set));
  expect(problems).toEqual([]);
  return ruleSet!;
}

const calendar = loadCalendar();

describe('testRules', () => {
  it('passes a rule set whose cases hold', async () => {
    const report = testRules(await load('valid'), calendar);
    expect(report.ok).toBe(true);
    expect(report.casesRun).toBe(5);
    expect(report.rules.map((r) => [r.ruleId, r.ok, r.cases.length])).toEqual([
      ['notice-late-test', true, 3],
      ['rude-complaint-test', true, 2],
    ]);
  });

  it('reports each wrong case as data: expected, actual and the condition values', async () => {
    const report = testRules(await load('tester-failing'), calendar);
    expect(report.ok).toBe(false);
    const failed = report.rules[0]!.cases.filter((c) => !c.ok);
    expect(failed.map((c) => [c.kind, c.index, c.failure!.key, render(c.failure!, 'en')])).toEqual([
      ['fire', 1, 'test.failure.wrongGrade', 'expected grade notice, got criticism'],
      ['fire', 2, 'test.failure.didNotFire', 'expected the rule to fire on the record, it did not'],
      ['pass', 1, 'test.failure.fired', 'expected no finding on the record, got 1 (reminder)'],
    ]);
    expect(render(failed[0]!.failure!, 'zh')).toBe('应为等级 notice，实际为 criticism');
    const wrongGrade = failed[0]!;
    expect(wrongGrade.expected).toEqual({ fires: true, grade: 'notice' });
    expect(wrongGrade.actual.findings.map((f) => f.baseGrade)).toEqual(['criticism']);
    expect(wrongGrade.asOf).toBe('2026-10-31');
    const silent = failed[1]!;
    expect(silent.conditions).toContainEqual({ fact: 'materials_complete', operator: 'equal', expected: false, actual: true, result: false });
    const noisy = failed[2]!;
    expect(noisy.conditions).toContainEqual({ fact: 'notice_delay', operator: 'greaterThan', expected: 5, actual: 7, result: true, param: 'maxDelay' });
    expect(report.casesFailed).toBe(3);
    expect(report.rulesFailed).toBe(1);
  });

  it('refuses a weak test: a rule with no pass case (or no fire case) fails even if its cases hold', async () => {
    const rule = (await load('valid')).rules[0]!;
    const noPass: Rule = { ...rule, cases: { fire: rule.cases.fire, pass: [] } };
    const noFire: Rule = { ...rule, cases: { fire: [], pass: rule.cases.pass } };
    const a = testRule(noPass, calendar);
    const b = testRule(noFire, calendar);
    expect([a.ok, a.problems.map((p) => p.key)]).toEqual([false, ['test.noPassCase']]);
    expect([b.ok, b.problems.map((p) => p.key)]).toEqual([false, ['test.noFireCase']]);
    expect(render(a.problems[0]!, 'en')).toBe('no pass case: the rule is never shown to stay quiet');
    expect(render(b.problems[0]!, 'zh')).toBe('没有命中用例：从未证明该规则会命中');
    expect(a.cases.every((c) => c.ok)).toBe(true);
  });

  it('a case dated outside the calendar fails with the reason, it does not crash the run', async () => {
    const rule = (await load('valid')).rules[0]!;
    const fire = { ...rule.cases.fire[0]!, asOf: '2031-03-31', record: { ...rule.cases.fire[0]!.record, received_on: '2031-03-02', notified_on: '2031-03-20' } };
    const result = testRule({ ...rule, cases: { fire: [fire], pass: rule.cases.pass } }, calendar);
    expect(result.cases[0]!.ok).toBe(false);
    expect(render(result.cases[0]!.failure!, 'en')).toMatch(/2031-03-31 is outside the working-day calendar/);
    expect(render(result.cases[0]!.failure!, 'zh')).toMatch(/2031-03-31 不在工作日日历范围内/);
  });

  it('judges a case as the audit does: a record the audit sets aside (a finished case with no 办结日期) does not fire, and the failure says why (regression: rules test passed a case the audit never judges)', async () => {
    const shipped = (await loadRuleSet()).ruleSet!.rules.find((r) => r.id === 'case-overdue')!;
    const record = { case_id: 'T-99', received_on: '2026-10-08', applicant: 'a', item: 'i', kind: '承诺件', handler: 'h', materials_complete: true, visits: 1, promised_days: 3, result: '办结' };
    const result = testRule({ ...shipped, cases: { fire: [{ description: 'done, no 办结日期', record, asOf: '2026-10-31', grade: 'deduction' }], pass: shipped.cases.pass } }, calendar);
    expect(result.cases[0]!.ok).toBe(false);
    expect(result.cases[0]!.actual.findings).toEqual([]);
    expect(render(result.cases[0]!.failure!, 'en')).toContain('set aside as a data issue: the result is "办结" but 办结日期 is empty');
  });

  it('a record dated after the case\'s as-of is set aside as the audit sets it aside, not judged (regression: the tester screened the calendar only)', async () => {
    const shipped = (await loadRuleSet()).ruleSet!.rules.find((r) => r.id === 'case-overdue')!;
    const record = { case_id: 'T-98', received_on: '2026-10-08', applicant: 'a', item: 'i', kind: '承诺件', handler: 'h', materials_complete: true, visits: 1, promised_days: 3, result: '办理中' };
    const result = testRule({ ...shipped, cases: { fire: [{ description: 'received after as-of', record, asOf: '2026-10-05', grade: 'reminder' }], pass: shipped.cases.pass } }, calendar);
    expect(result.cases[0]!.ok).toBe(false);
    expect(result.cases[0]!.actual.findings).toEqual([]);
    expect(render(result.cases[0]!.failure!, 'en')).toContain('set aside as a data issue');
  });

  it('renders a failure with the record, expected, actual and conditions', async () => {
    const report = testRules(await load('tester-failing'), calendar);
    const lines = testReportLines(report, 'en');
    expect(lines[0]).toBe('✗ wrong-cases  一次性告知制/二  5 cases');
    const failure = failureLines(report.rules[0]!.cases.find((c) => c.kind === 'pass' && !c.ok)!, 'en');
    expect(failure[0]).toBe('    ✗ cases.pass[1] claims to pass but is 7 working days late');
    expect(failure.join('\n')).toContain('expected: no finding');
    expect(failure.join('\n')).toContain('true   notice_delay greaterThan 5 (param maxDelay)   actual 7');
  });
});

describe('the test ledger', () => {
  const c = {
    description: 'x',
    record: { case_id: 'T-1', received_on: '2026-10-12', applicant: 'a', item: 'i', kind: '承诺件', handler: 'h', materials_complete: true, result: '办结', note: '' },
    with: { handovers: [{ date: '2026-10-12', absent_staff: 'h', cover: 'b' }] },
  };

  it('puts the record at row 2 of its sheet, with column defaults and without empty cells', () => {
    const ledger = caseLedger('case', c, 'x.json');
    expect(ledger.sheets.cases).toEqual([{ sheet: 'cases', row: 2, record: { ...c.record, visits: 1, note: undefined } }].map((r) => ({ ...r, record: Object.fromEntries(Object.entries(r.record).filter(([, v]) => v !== undefined)) })));
    expect(ledger.sheets.handovers![0]!.row).toBe(2);
    expect(ledger.accounts.cases).toEqual({ rowsRead: 1, rowsEvaluated: 1, rowsSetAside: 0 });
  });

  it('staff scope: the record is a staff-board row unless recordOnSheet is false; cases always present', () => {
    const onBoard = caseLedger('staff', { description: 'x', record: { name: '李敏', badge: false } }, 'x');
    expect(onBoard.sheets.staff![0]!.record).toEqual({ name: '李敏', badge: false });
    expect(onBoard.sheets.cases).toEqual([]);
    const offBoard = caseLedger('staff', { description: 'x', record: { name: '李敏' }, recordOnSheet: false }, 'x');
    expect(offBoard.sheets.staff).toBeUndefined();
  });

  it('data issues become the ledger\'s data issues and count as rows set aside', () => {
    const ledger = caseLedger('ledger', { description: 'x', record: c.record, dataIssues: [{ sheet: 'complaints', row: 3, code: 'bad-date' }] }, 'x');
    expect(ledger.dataIssues).toMatchObject([{ sheet: 'complaints', sheetName: '投诉登记', row: 3, code: 'bad-date' }]);
    expect(ledger.accounts.complaints).toEqual({ rowsRead: 1, rowsEvaluated: 0, rowsSetAside: 1 });
    expect(ledger.sheets.complaints).toEqual([]);
  });

  it('record keys follow the finding refs', () => {
    expect(recordKey('attendance', { staff: '李敏', date: '2026-10-09' })).toBe('李敏@2026-10-09');
    expect(recordKey('center', {})).toBe('center');
    expect(recordKey('ledger', {})).toBeUndefined();
  });

  it('as-of defaults to the last day of the record\'s month; the period is as-of\'s month', () => {
    expect(caseDates('case', c)).toEqual({ asOf: '2026-10-31', period: '2026-10' });
    expect(caseDates('complaint', { description: 'x', record: { logged_on: '2026-02-03' } })).toEqual({ asOf: '2026-02-28', period: '2026-02' });
    expect(caseDates('staff', { description: 'x', record: { name: 'a' }, with: { cases: [{ received_on: '2026-09-30' }] } })).toEqual({ asOf: '2026-09-30', period: '2026-09' });
    expect(caseDates('center', { description: 'x', record: {}, asOf: '2026-10-15' })).toEqual({ asOf: '2026-10-15', period: '2026-10' });
    expect(caseDates('center', { description: 'x', record: {} })).toBeUndefined();
  });
});

describe('clause coverage', () => {
  it('lists every seed clause with the rules citing it', async () => {
    const coverage = clauseCoverage(await load('valid'));
    expect(coverage).toHaveLength(55);
    expect(coverage.find((c) => c.clause === '一次性告知制/二')).toMatchObject({ covered: true, rules: [{ id: 'notice-late-test', fire: 2, pass: 1 }] });
    expect(coverage.find((c) => c.clause === '失职追究制/二')).toMatchObject({ covered: false, viaItems: ['rude-complaint-test'] });
    expect(coverage.find((c) => c.clause === '工作人员守则/一')).toMatchObject({ covered: false, rules: [], viaItems: [] });
  });

  it('names the required clauses a rule set leaves uncovered', async () => {
    const set = await load('valid');
    const gaps = catalogueGaps(set);
    expect(gaps).toContain('失职追究制/二.2');
    expect(gaps).toContain('办事公开制/一');
    expect(gaps).not.toContain('失职追究制/二.1');
    expect(gaps).not.toContain('一次性告知制/二');
    expect(() => assertCatalogueComplete(set)).toThrow(/失职追究制\/二\.2/);
    expect(REQUIRED_CLAUSES).toHaveLength(26);
  });
});
