/**
 * Across months: an act an earlier report already holds is `reported-before` and counts for
 * nothing, unless its base grade is now higher; then it counts and deducts only the difference.
 */
import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../src/findings/types.js';
import { findingIdBase } from '../../src/grade/finding-id.js';
import type { Grade } from '../../src/grade-scale.js';
import type { PriorFinding } from '../../src/grade/settle.js';
import { lateness, PERIOD, POLICY, rawOf, settle } from './helpers.js';

function overdue(caseId: string, baseGrade: Grade, date = '2026-10-09'): RawFinding {
  return rawOf({ ruleId: 'case-overdue', clause: '失职追究制/二.6', scope: 'case', ref: { sheet: 'cases', row: Number(caseId.slice(-2)), key: caseId }, date, baseGrade });
}

function historyOf(entries: [RawFinding, PriorFinding][]): Map<string, PriorFinding> {
  return new Map(entries.map(([f, p]) => [findingIdBase(f, PERIOD), p]));
}

describe('history', () => {
  it('an act reported last month at the same base grade is reported-before: no grade, no yuan, no occurrence', () => {
    const open = overdue('SL-01', 'notice', '2026-10-01');
    const history = historyOf([[open, { highestBase: 'notice', chargedYuan: 0, reportedIn: '2026-09' }]]);
    const later = [overdue('SL-02', 'criticism', '2026-10-12'), overdue('SL-03', 'criticism', '2026-10-14')];
    const { findings, people } = settle([open, ...later], POLICY, { history });
    expect(findings[0]).toMatchObject({ status: 'reported-before', reportedIn: '2026-09', grade: 'notice', deductionYuan: 0 });
    expect(findings[0]).not.toHaveProperty('chargedBeforeYuan');
    // Without the repeat, SL-02 and SL-03 are the 1st and 2nd occurrence: no escalation.
    expect(findings.slice(1).map((f) => [f.status, f.grade])).toEqual([
      ['counted', 'criticism'],
      ['counted', 'criticism'],
    ]);
    expect(people[0]).toMatchObject({ counts: { reminder: 0, criticism: 2, notice: 0, deduction: 0 }, highest: 'criticism', reportedBefore: 1 });
  });

  it('a case that kept slipping counts at its new grade, with reportedIn', () => {
    const slipped = overdue('SL-01', 'notice');
    const { findings } = settle([slipped], POLICY, { history: historyOf([[slipped, { highestBase: 'criticism', chargedYuan: 0, reportedIn: '2026-09' }]]) });
    expect(findings[0]).toMatchObject({ status: 'counted', reportedIn: '2026-09', chargedBeforeYuan: 0, grade: 'notice' });
  });

  it('deducts only the difference from what earlier months charged for the act', () => {
    const cases = [overdue('SL-01', 'deduction', '2026-10-01'), overdue('SL-02', 'deduction', '2026-10-02'), overdue('SL-03', 'deduction', '2026-10-03')];
    const history = historyOf([
      // charged in full in September (a notice escalated to deduction there)
      [cases[0]!, { highestBase: 'notice', chargedYuan: 200, reportedIn: '2026-09' }],
      // charged in part in September: the cap was reached
      [cases[1]!, { highestBase: 'notice', chargedYuan: 50, reportedIn: '2026-09' }],
    ]);
    const { findings, people } = settle(cases, POLICY, { history });
    expect(findings.map((f) => [f.status, f.grade, f.deductionYuan])).toEqual([
      ['counted', 'deduction', 0],
      ['counted', 'deduction', 150],
      ['counted', 'deduction', 200],
    ]);
    expect(people[0]!.deductionYuan).toBe(350);
  });

  it('the difference is charged within this month\'s cap, in date order', () => {
    const cases = [overdue('SL-01', 'deduction', '2026-10-01'), overdue('SL-02', 'deduction', '2026-10-02'), overdue('SL-03', 'deduction', '2026-10-03')];
    const history = historyOf([[cases[2]!, { highestBase: 'notice', chargedYuan: 100, reportedIn: '2026-09' }]]);
    const { findings } = settle(cases, { ...POLICY, monthly_cap_yuan: 300 }, { history });
    expect(findings.map((f) => f.deductionYuan)).toEqual([200, 100, 0]);
  });

  it('a slipping case counts as an occurrence and escalates like any other', () => {
    const raw = lateness(3);
    const history = historyOf([[raw[0]!, { highestBase: 'reminder', chargedYuan: 0, reportedIn: '2026-09' }]]);
    // The first lateness was reported before: the other two are the 1st and 2nd occurrence.
    expect(settle(raw, POLICY, { history }).findings.map((f) => [f.status, f.grade])).toEqual([
      ['reported-before', 'reminder'],
      ['counted', 'reminder'],
      ['counted', 'reminder'],
    ]);
  });

  it('a finding whose overlap partner was reported before is a repeat of it', () => {
    const policy = { ...POLICY, overlaps: [['case-overdue', 'complaint-delay']] as [string, string][] };
    const open = overdue('SL-15', 'criticism');
    const delay = rawOf({ ruleId: 'complaint-delay', clause: '失职追究制/二.6', scope: 'complaint', ref: { sheet: 'complaints', row: 3, key: 'TS-1', caseId: 'SL-15' }, baseGrade: 'criticism' });
    const history = historyOf([[open, { highestBase: 'criticism', chargedYuan: 0, reportedIn: '2026-09' }]]);
    const { findings } = settle([open, delay], policy, { history });
    const [overdueFinding, delayFinding] = [findings.find((f) => f.ruleId === 'case-overdue')!, findings.find((f) => f.ruleId === 'complaint-delay')!];
    expect(overdueFinding).toMatchObject({ status: 'reported-before', reportedIn: '2026-09' });
    expect(delayFinding).toMatchObject({ status: 'merged', mergedInto: overdueFinding.id });
  });

  it('a new partner at a higher grade counts, judged against what the act was charged before', () => {
    const policy = { ...POLICY, overlaps: [['case-overdue', 'complaint-delay']] as [string, string][] };
    const open = overdue('SL-15', 'reminder');
    const delay = rawOf({ ruleId: 'complaint-delay', clause: '失职追究制/二.6', scope: 'complaint', ref: { sheet: 'complaints', row: 3, key: 'TS-1', caseId: 'SL-15' }, baseGrade: 'criticism' });
    const history = historyOf([[open, { highestBase: 'reminder', chargedYuan: 0, reportedIn: '2026-09' }]]);
    const { findings } = settle([open, delay], policy, { history });
    expect(findings.find((f) => f.ruleId === 'complaint-delay')).toMatchObject({ status: 'counted', reportedIn: '2026-09', grade: 'criticism' });
    expect(findings.find((f) => f.ruleId === 'case-overdue')).toMatchObject({ status: 'merged' });
  });

  it('an id no earlier report holds is counted as new', () => {
    const history = historyOf([[overdue('SL-09', 'notice'), { highestBase: 'notice', chargedYuan: 0, reportedIn: '2026-09' }]]);
    const { findings } = settle([overdue('SL-01', 'notice')], POLICY, { history });
    expect(findings[0]!.status).toBe('counted');
    expect(findings[0]).not.toHaveProperty('reportedIn');
  });
});
