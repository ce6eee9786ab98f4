/**
 * A hand-made AuditResult covering what the writers must show: every grade, an escalated
 * finding, a center finding citing rows, phones in facts and messages, data issues (one in a
 * phone column), a rule that did not run.
 */
import type { AuditResult } from '../../src/audit/types.js';
import type { Warning } from '../../src/audit/warnings.js';
import type { RuleRun } from '../../src/evaluate/evaluate.js';
import { countsToward, FINDING_STATUSES, type Finding, type FindingStatus, type PersonSummary } from '../../src/findings/types.js';
import { GRADES, type Grade } from '../../src/grade-scale.js';
import type { DataIssue } from '../../src/ledger/types.js';
import type { Policy } from '../../src/rules/types.js';

export const PHONE = '13812341234';
export const COMPLAINT_CONTACT = '13900001111';

export const POLICY: Policy = {
  escalate_every: 2,
  escalate_cap: 'deduction',
  deduction_yuan: 200,
  monthly_cap_yuan: 500,
  sanctions: {
    reminder: { zh: '口头提醒', en: 'Verbal reminder' },
    criticism: { zh: '批评教育', en: 'Criticism' },
    notice: { zh: '中心内通报批评', en: 'Circulated notice' },
    deduction: { zh: '扣除当月奖金', en: 'Deduct this month\'s bonus' },
  },
};

function caseFinding(n: number, grade: Grade, overrides: Partial<Finding> = {}): Finding {
  const caseId = `SL-2026-10-${String(n).padStart(4, '0')}`;
  return {
    id: `F-${(n * 7919).toString(16).padStart(12, '0').slice(-12)}`,
    ruleId: 'case-overdue',
    clause: '失职追究制/二.6',
    title: { zh: '超过承诺时限未办结', en: 'Case not completed within its promised time limit' },
    scope: 'case',
    subject: { kind: 'staff', name: '李敏' },
    ref: { sheet: 'cases', row: n + 3, key: caseId },
    date: '2026-10-09',
    facts: { case_id: caseId, kind: '承诺件', phone: PHONE, overdue_days: 4, deadline: '2026-10-12' },
    conditions: [
      { fact: 'kind', operator: 'in', expected: ['承诺件', '上报件'], actual: '承诺件', result: true, param: 'kinds' },
      { fact: 'overdue_days', operator: 'greaterThanInclusive', expected: 1, actual: 4, result: true, param: 'minOverdueDays' },
    ],
    message: {
      zh: `承诺件${caseId}(申请人电话 ${PHONE})截止2026-10-12,逾期4个工作日`,
      en: `承诺件 ${caseId} (applicant phone ${PHONE}) due 2026-10-12, 4 working days overdue`,
    },
    baseGrade: grade,
    baseReason: { kind: 'base' },
    grade,
    escalation: { kind: 'none' },
    deductionYuan: grade === 'deduction' ? 200 : 0,
    status: 'counted',
    ...overrides,
  };
}

export const FINDINGS: Finding[] = [
  caseFinding(1, 'reminder'),
  caseFinding(2, 'criticism', { date: '2026-10-15' }),
  caseFinding(3, 'criticism', {
    date: '2026-10-20',
    grade: 'notice',
    escalation: { kind: 'repeat', occurrence: 3, steps: 1, capped: false },
  }),
  caseFinding(4, 'deduction', { subject: { kind: 'staff', name: '王强' }, date: '2026-10-21' }),
  {
    id: 'F-aaaaaaaaaaaa',
    ruleId: 'complaint-rude',
    clause: '失职追究制/二.1',
    title: { zh: '服务态度粗暴', en: 'Rude to a member of the public' },
    scope: 'complaint',
    subject: { kind: 'staff', name: '王强' },
    ref: { sheet: 'complaints', row: 5, key: 'TS-2026-10-003' },
    date: '2026-10-18',
    facts: { complaint_id: 'TS-2026-10-003', contact: COMPLAINT_CONTACT, category: '态度粗暴', substantiated: '是' },
    conditions: [{ fact: 'contact', operator: 'isEmpty', expected: false, actual: COMPLAINT_CONTACT, result: true }],
    message: { zh: `投诉TS-2026-10-003(联系方式${COMPLAINT_CONTACT})态度粗暴,经查属实`, en: `complaint TS-2026-10-003 (contact ${COMPLAINT_CONTACT}): rude, substantiated` },
    baseGrade: 'criticism',
    baseReason: { kind: 'byValue', fact: 'substantiated', value: '是' },
    grade: 'criticism',
    escalation: { kind: 'none' },
    deductionYuan: 0,
    status: 'counted',
  },
  {
    id: 'F-bbbbbbbbbbbb',
    ruleId: 'ledger-incomplete',
    clause: '全程代理制/三.4',
    title: { zh: '台账记录不完整', en: 'Ledger rows incomplete' },
    scope: 'ledger',
    subject: { kind: 'center', name: '城东社区便民服务中心' },
    ref: { sheet: 'cases', row: 12, key: 'cases' },
    rows: [12, 17],
    date: '2026-10-31',
    facts: { sheet: 'cases', issue_count: 2, rows: [12, 17] },
    conditions: [],
    message: { zh: '办件台账有2行无法读取:第12、17行', en: 'cases: 2 rows could not be read: rows 12, 17' },
    baseGrade: 'reminder',
    baseReason: { kind: 'base' },
    grade: 'reminder',
    escalation: { kind: 'none' },
    deductionYuan: 0,
    status: 'counted',
  },
];

/** One finding of each status that settlement gives besides a plain `counted` (docs/grading.md). */
export const SETTLED: Finding[] = [
  caseFinding(11, 'criticism', { ruleId: 'repeated-visits', clause: '失职追究制/二.2', status: 'merged', mergedInto: 'F-00000000000b' }),
  caseFinding(12, 'notice', { status: 'reported-before', reportedIn: '2026-09' }),
  caseFinding(13, 'deduction', { status: 'counted', reportedIn: '2026-09', chargedBeforeYuan: 100, deductionYuan: 100 }),
  caseFinding(14, 'criticism', {
    status: 'withdrawn',
    decision: { verdict: { kind: 'withdrawn' }, reason: '申请人自行撤回申请', reviewer: '周主任', date: '2026-11-05' },
  }),
  caseFinding(15, 'notice', {
    status: 'regraded',
    grade: 'reminder',
    decision: { verdict: { kind: 'regraded', grade: 'reminder' }, reason: '系统故障所致', reviewer: '周主任', date: '2026-11-05' },
  }),
  caseFinding(16, 'reminder', { status: 'counted', decision: { verdict: { kind: 'upheld' }, reason: '记录属实', reviewer: '周主任', date: '2026-11-05' } }),
];

function person(name: string, findings: Finding[]): PersonSummary {
  const all = findings.filter((f) => f.subject.kind === 'staff' && f.subject.name === name);
  const mine = all.filter(countsToward);
  const counts = Object.fromEntries(GRADES.map((g) => [g, mine.filter((f) => f.grade === g).length])) as Record<Grade, number>;
  const highest = [...GRADES].reverse().find((g) => counts[g] > 0) ?? null;
  const apart = (status: FindingStatus) => all.filter((f) => f.status === status).length;
  return {
    name,
    counts,
    highest,
    sanction: highest === null ? null : POLICY.sanctions[highest],
    deductionYuan: mine.reduce((n, f) => n + f.deductionYuan, 0),
    merged: apart('merged'),
    withdrawn: apart('withdrawn'),
    reportedBefore: apart('reported-before'),
  };
}

export const ISSUES: DataIssue[] = [
  {
    file: 'samples/城东社区-2026-10.xlsx',
    sheet: 'cases',
    sheetName: '办件台账',
    row: 12,
    column: 'B',
    header: '受理日期',
    value: '2026-13-45',
    code: 'bad-date',
    message: '受理日期 "2026-13-45" is not a date; write it as 2026-10-03 or use a date cell',
  },
  {
    file: 'samples/城东社区-2026-10.xlsx',
    sheet: 'cases',
    sheetName: '办件台账',
    row: 17,
    column: 'D',
    header: '联系电话',
    value: '1381234123x',
    code: 'missing-required',
    message: 'required',
  },
];

export const RULES: RuleRun[] = [
  {
    id: 'case-overdue', clause: '失职追究制/二.6', title: FINDINGS[0]!.title, version: 1, hits: 4, ran: true,
    partial: { sheets: ['items'], without: [{ zh: '无事项公开表:期限只按承诺时限计算', en: 'no items sheet: deadlines count from promises only' }] },
  },
  { id: 'complaint-rude', clause: '失职追究制/二.1', title: FINDINGS[4]!.title, version: 1, hits: 1, ran: true },
  { id: 'ledger-incomplete', clause: '全程代理制/三.4', title: FINDINGS[5]!.title, version: 1, hits: 1, ran: true },
  {
    id: 'absence-without-handover',
    clause: '失职追究制/二.9',
    title: { zh: '请假出差无AB岗交接', en: 'Absence without an A/B handover' },
    version: 2,
    hits: 0,
    ran: false,
    reason: { code: 'sheet-absent', sheets: ['handovers'] },
  },
];

/** 李敏 handled 12 cases, 9 of 10 on time, 6 of 8 ratings satisfied; 王强 has no rated case. */
export const SERVICE: AuditResult['service'] = {
  people: [
    { name: '李敏', handled: 12, completedWithDeadline: 10, completedOnTime: 9, onTimeRate: 0.9, rated: 8, satisfied: 6, satisfactionRate: 0.75 },
    { name: '王强', handled: 3, completedWithDeadline: 2, completedOnTime: 2, onTimeRate: 1, rated: 0, satisfied: 0, satisfactionRate: null },
  ],
  center: { handled: 15, completedWithDeadline: 12, completedOnTime: 11, onTimeRate: 0.9167, rated: 8, satisfied: 6, satisfactionRate: 0.75 },
};

/** One warning of each kind: 王强's case due in 1 working day, 李敏's case 4 over (judged by F-overdue), a 待查 complaint. */
export const WARNINGS: Warning[] = [
  { kind: 'due-soon', ref: { sheet: 'cases', row: 20, key: 'SL-2026-10-0120' }, subject: { kind: 'staff', name: '王强' }, date: '2026-10-27', dueOn: '2026-11-02', workingDaysLeft: 1, findingId: null },
  { kind: 'overdue-open', ref: { sheet: 'cases', row: 14, key: 'SL-2026-10-0042' }, subject: { kind: 'staff', name: '李敏' }, date: '2026-10-08', dueOn: '2026-10-26', workingDaysLeft: -4, findingId: 'F-0000000000aa' },
  { kind: 'pending-complaint', ref: { sheet: 'complaints', row: 5, key: 'TS-2026-10-004' }, subject: { kind: 'staff', name: '王强' }, date: '2026-10-16', dueOn: null, workingDaysLeft: null, findingId: null },
];

export function makeResult(findings: Finding[] = FINDINGS, issues: DataIssue[] = ISSUES, warnings: Warning[] = WARNINGS): AuditResult {
  const counted = findings.filter(countsToward);
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, counted.filter((f) => f.grade === g).length])) as Record<Grade, number>;
  const byClause: Record<string, number> = { '失职追究制/二.1': 0, '失职追究制/二.6': 0, '失职追究制/二.9': 0, '全程代理制/三.4': 0 };
  for (const f of counted) byClause[f.clause] = (byClause[f.clause] ?? 0) + 1;
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((st) => [st, findings.filter((f) => f.status === st).length])) as Record<FindingStatus, number>;
  const names = [...new Set(findings.filter((f) => f.subject.kind === 'staff').map((f) => f.subject.name))].sort();
  return {
    tool: { name: 'duty-audit', version: '0.1.0' },
    center: '城东社区便民服务中心',
    district: '城东街道',
    period: '2026-10',
    periodInferred: true,
    asOf: '2026-10-31',
    generatedAt: '2026-11-01T08:00:00.000Z',
    inputs: [{ file: 'samples/城东社区-2026-10.xlsx', sha256: 'a'.repeat(64) }],
    rulesHash: 'b'.repeat(64),
    policy: POLICY,
    summary: {
      byGrade,
      byClause,
      byStatus,
      byWarning: { 'due-soon': warnings.filter((w) => w.kind === 'due-soon').length, 'overdue-open': warnings.filter((w) => w.kind === 'overdue-open').length, 'pending-complaint': warnings.filter((w) => w.kind === 'pending-complaint').length },
      rowsRead: 40,
      rowsEvaluated: 38,
      rowsSetAside: 2,
      bySheet: { cases: { rowsRead: 30, rowsEvaluated: 28, rowsSetAside: 2 }, complaints: { rowsRead: 10, rowsEvaluated: 10, rowsSetAside: 0 } },
    },
    findings,
    people: names.map((n) => person(n, findings)),
    warnings,
    service: SERVICE,
    dataIssues: issues,
    rules: RULES,
  };
}

/** n findings cycling through the grades, for the streaming writer and size tests. */
export function manyFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => {
    const grade = GRADES[i % 4] as Grade;
    return caseFinding(i + 1, grade, { subject: { kind: 'staff', name: `员工${i % 37}` } });
  });
}
