/**
 * Deadlines and duties as the law counts them (issue #11), each shown by a small month built
 * for it and audited end to end (docs/time-limits.md, docs/duties.md). October 2026's working
 * days: 10-08 (1) 09 10 12 13 14 15 16 (8) 19 20 21 22 23 (13) 26 27 28 29 30 (18).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import { CENTER, caseRow, writeMonth, type MonthSheets } from './month-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-law-'));
let n = 0;

async function auditMonth(sheets: MonthSheets, period = '2026-10', asOf?: string): Promise<AuditResult> {
  const file = await writeMonth(join(dir, `month-${++n}.xlsx`), { center: CENTER, ...sheets });
  return audit(file, { period, ...(asOf ? { asOf } : {}) });
}

/** `ruleId baseGrade` of every finding on a record, sorted. */
function on(result: AuditResult, key: string): string[] {
  return result.findings.filter((f) => f.ref.key === key).map((f) => `${f.ruleId} ${f.baseGrade}`).sort();
}

const item = (name: string, statutory: number, fee?: Record<string, unknown>) => ({
  item: name, procedure_posted: true, materials_posted: true, limit_posted: true, statutory_days: statutory, ...fee,
});

const ITEMS = [
  item('居住证办理', 5, { fee_item: '工本费', fee_standard: 20, fee_basis: '省物价局收费文件', fee_posted: true }),
  item('门前三包登记', 3),
  item('临时救助申请', 15),
  item('老年优待证', 10),
  item('计划生育证明', 5, { fee_item: '复印费', fee_standard: 2, fee_basis: '街道收费目录', fee_posted: false }),
  item('残疾人证办理', 20, { fee_item: '照片费', fee_standard: 20, fee_posted: true }),
];

const told = (date: string) => ({ completed_on: date, result_notified_on: date });
const incomplete = { materials_complete: false, notified: true, notified_on: '2026-10-08', notice_form: '当场口头', missing_count: 1, visits: 2 };

describe('the limit a case is bound by', () => {
  const cases = {
    noPromise: caseRow({ case_id: 'NO-PROMISE', received_on: '2026-10-12', result: '办理中' }),
    instantOpen: caseRow({ case_id: 'INSTANT-OPEN', item: '门前三包登记', kind: '即办件', received_on: '2026-10-08', result: '办理中' }),
    capped: caseRow({ case_id: 'CAPPED', item: '临时救助申请', kind: '上报件', promised_days: 20, received_on: '2026-10-08', completed_on: '2026-10-30', result: '已转报' }),
    withApplicant: caseRow({ case_id: 'WITH-APPLICANT', ...incomplete, promised_days: 3, received_on: '2026-10-08', result: '退回补正' }),
    completedLater: caseRow({ case_id: 'MATERIALS-LATER', ...incomplete, promised_days: 5, received_on: '2026-10-08', materials_completed_on: '2026-10-19', ...told('2026-10-23') }),
    completedLaterLate: caseRow({ case_id: 'MATERIALS-LATER-LATE', ...incomplete, promised_days: 5, received_on: '2026-10-08', materials_completed_on: '2026-10-19', ...told('2026-10-28') }),
    placeholder: caseRow({ case_id: 'PLACEHOLDER', item: '老年优待证', promised_days: 3, received_on: '2026-10-08', extension_reason: '/', ...told('2026-10-16') }),
    refusal: caseRow({ case_id: 'REFUSED', item: '门前三包登记', kind: '即办件', received_on: '2026-10-12', result: '不予办理', refusal_reason: '无', completed_on: '2026-10-12', result_notified_on: '2026-10-12' }),
    noLimit: caseRow({ case_id: 'NO-LIMIT', item: '医保参保登记', received_on: '2026-10-08', result: '办理中' }),
  };
  const month: MonthSheets = { cases: Object.values(cases), items: ITEMS };

  it('binds each case by its promise, capped at the statutory limit, else by the statutory limit; 即办件 by the statutory limit', async () => {
    const r = await auditMonth(month);
    // no promise: due 10-19 by 居住证办理's statutory 5; open on 10-31, 9 working days late (before: only the reminder)
    expect(on(r, 'NO-PROMISE')).toEqual(['case-overdue notice', 'promise-missing reminder']);
    // 即办件 open past 门前三包登记's statutory 3: due 10-12, 14 working days late (before: only ever a reminder)
    expect(on(r, 'INSTANT-OPEN')).toEqual(['case-overdue deduction', 'instant-not-same-day reminder']);
    // 上报件 promised 20 against a statutory 15: bound by 15, due 10-28, completed 10-30
    expect(on(r, 'CAPPED')).toEqual(['case-overdue reminder', 'promise-exceeds-statutory reminder']);
    const capped = r.findings.find((f) => f.ref.key === 'CAPPED' && f.ruleId === 'case-overdue')!;
    expect(capped.facts).toMatchObject({ limit_basis: 'promise-capped', limit_days: 15, deadline: '2026-10-28', overdue_days: 2 });
  });

  it('never holds a 退回补正 case overdue, and counts from 补齐日期 (regression: the applicant\'s missing materials cost the handler)', async () => {
    const r = await auditMonth(month);
    expect(on(r, 'WITH-APPLICANT')).toEqual([]);
    // due 10-26 counted from 补齐日期 10-19, completed 10-23: in time (from receipt it would be 7 days late)
    expect(on(r, 'MATERIALS-LATER')).toEqual([]);
    expect(on(r, 'MATERIALS-LATER-LATE')).toEqual(['case-overdue reminder']);
    expect(r.findings.find((f) => f.ref.key === 'MATERIALS-LATER-LATE')!.facts).toMatchObject({ clock_start: '2026-10-19', deadline: '2026-10-26' });
  });

  it('reads placeholder reasons (/ and 无) as empty', async () => {
    const r = await auditMonth(month);
    expect(on(r, 'PLACEHOLDER')).toEqual(['case-overdue criticism']);
    expect(on(r, 'REFUSED')).toEqual(['refusal-without-reason criticism']);
  });

  it('gives a case with neither a promise nor a statutory limit no deadline: the promise rule judges it', async () => {
    const r = await auditMonth(month);
    expect(on(r, 'NO-LIMIT')).toEqual(['promise-missing reminder']);
  });

  it('without 事项公开 still runs 二.6 on promises, and the 规则 sheet says so', async () => {
    const r = await auditMonth({ cases: month.cases! });
    expect(on(r, 'NO-PROMISE')).toEqual(['promise-missing reminder']);
    expect(on(r, 'INSTANT-OPEN')).toEqual(['instant-not-same-day reminder']);
    expect(on(r, 'MATERIALS-LATER-LATE')).toEqual(['case-overdue reminder']);
    expect(on(r, 'PLACEHOLDER')).toEqual(['case-overdue criticism']);
    const run = r.rules.find((x) => x.id === 'case-overdue')!;
    expect(run).toMatchObject({ ran: true, hits: 2, partial: { sheets: ['items'] } });
    expect(run.partial!.without[0]!.zh).toBe('无事项公开表：期限只按承诺时限计算');
    expect(r.rules.find((x) => x.id === 'promise-exceeds-statutory')).toMatchObject({ ran: false, reason: { sheets: ['items'] } });
  });
});

describe('across a year\'s end', () => {
  it('a January 2025 audit counts December 2024 cases on the 2024 calendar (元旦 2025-01-01 skipped)', async () => {
    // received 2024-12-16 with 10 working days: due 12-30; completed 2025-01-06 → 12-31, 01-02, 01-03, 01-06
    const late = caseRow({ case_id: 'DEC-2024', received_on: '2024-12-16', promised_days: 10, ...told('2025-01-06') });
    const r = await auditMonth({ cases: [late, caseRow({ received_on: '2025-01-06', kind: '即办件', ...told('2025-01-06') })] }, '2025-01');
    expect(on(r, 'DEC-2024')).toEqual(['case-overdue criticism']);
    expect(r.findings.find((f) => f.ref.key === 'DEC-2024')!.facts).toMatchObject({ deadline: '2024-12-30', overdue_days: 4 });
  });
});

describe('fees: the handler\'s part and the center\'s part of 办事公开制/三', () => {
  const month: MonthSheets = {
    items: ITEMS,
    cases: [
      caseRow({ case_id: 'OVER', promised_days: 5, received_on: '2026-10-12', fee_item: '工本费', fee: 30, ...told('2026-10-16') }),
      caseRow({ case_id: 'UNLISTED-1', item: '老年优待证', handler: '陈静', promised_days: 5, received_on: '2026-10-12', fee_item: '工本费', fee: 10, ...told('2026-10-16') }),
      caseRow({ case_id: 'UNLISTED-2', item: '老年优待证', handler: '陈静', promised_days: 5, received_on: '2026-10-13', fee_item: '工本费', fee: 10, ...told('2026-10-16') }),
      caseRow({ case_id: 'UNPOSTED', item: '计划生育证明', kind: '即办件', handler: '赵丽', received_on: '2026-10-12', fee_item: '复印费', fee: 2, ...told('2026-10-12') }),
      caseRow({ case_id: 'NO-BASIS', item: '残疾人证办理', kind: '上报件', handler: '黄磊', promised_days: 20, received_on: '2026-10-12', result: '已转报', completed_on: '2026-10-16', fee_item: '照片费', fee: 20 }),
      caseRow({ case_id: 'HANDLING', item: '临时救助申请', kind: '上报件', handler: '刘洋', promised_days: 15, received_on: '2026-10-12', result: '已转报', completed_on: '2026-10-16', fee_item: '手续费', fee: 10 }),
      caseRow({ case_id: 'ERRAND', item: '临时救助申请', kind: '上报件', handler: '刘洋', promised_days: 15, received_on: '2026-10-13', result: '已转报', completed_on: '2026-10-16', fee_item: '跑腿费', fee: 20 }),
    ],
  };

  it('an over-standard fee is one finding, on the handler (before: the handler also answered for the center\'s board)', async () => {
    const r = await auditMonth(month);
    const over = r.findings.filter((f) => f.ref.key === 'OVER');
    expect(over.map((f) => [f.ruleId, f.baseGrade, f.subject])).toEqual([['fee-above-standard', 'notice', { kind: 'staff', name: '李敏' }]]);
    expect(r.findings.filter((f) => f.ruleId.startsWith('fee-') && f.subject.name === '李敏')).toHaveLength(1);
    expect(on(r, '居住证办理')).toEqual([]);
  });

  it('a fee pair missing from the schedule, not posted or posted without 收费依据 is the center\'s reminder, once per item', async () => {
    const r = await auditMonth(month);
    for (const key of ['UNLISTED-1', 'UNLISTED-2', 'UNPOSTED', 'NO-BASIS']) expect(on(r, key), key).toEqual([]);
    const center = r.findings.filter((f) => f.ruleId === 'fee-schedule-incomplete');
    expect(center.map((f) => [f.ref.key, f.ref.sheet, f.subject.kind, f.baseGrade])).toEqual([
      ['临时救助申请', 'items', 'center', 'reminder'],
      ['老年优待证', 'items', 'center', 'reminder'],
      ['计划生育证明', 'items', 'center', 'reminder'],
      ['残疾人证办理', 'items', 'center', 'reminder'],
    ]);
    const byItem = new Map(center.map((f) => [f.ref.key, f.facts]));
    expect(byItem.get('老年优待证')).toMatchObject({ fees_not_in_schedule: ['工本费'], fees_not_posted: [], fees_without_basis: [] });
    expect(byItem.get('计划生育证明')).toMatchObject({ fees_not_posted: ['复印费'] });
    expect(byItem.get('残疾人证办理')).toMatchObject({ fees_without_basis: ['照片费'] });
    expect(byItem.get('临时救助申请')).toMatchObject({ fees_not_in_schedule: ['手续费', '跑腿费'] });
  });

  it('手续费 and 跑腿费 are fees for the agency service itself', async () => {
    const r = await auditMonth(month);
    expect(on(r, 'HANDLING')).toEqual(['agency-fee notice']);
    expect(on(r, 'ERRAND')).toEqual(['agency-fee notice']);
  });
});

describe('absences: one act however many days, covered by handover ranges', () => {
  const week = ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'];
  const trip = (staff: string, approved = true) => week.map((date) => ({ date, staff, status: '出差', approved }));
  const month: MonthSheets = {
    cases: [caseRow({ received_on: '2026-10-12', kind: '即办件', ...told('2026-10-12') })],
    attendance: [
      ...trip('王芳'),
      ...trip('李敏'),
      ...['2026-10-26', '2026-10-27', '2026-10-28'].map((date) => ({ date, staff: '陈静', status: '请假', approved: false })),
    ],
    handovers: [
      { date: '2026-10-19', end_date: '2026-10-23', absent_staff: '王芳', cover: '杨帆', reason: '出差', approver: '张建国' },
      ...['2026-10-26', '2026-10-27', '2026-10-28'].map((date) => ({ date, absent_staff: '陈静', cover: '李敏', reason: '请假', approver: '张建国' })),
    ],
  };

  it('a 5-day trip with one handover row (日期 … 结束日期) gives no finding (before: 4, escalating to 通报批评)', async () => {
    const r = await auditMonth(month);
    expect(r.findings.filter((f) => f.subject.name === '王芳')).toEqual([]);
  });

  it('a 5-day trip with no handover gives one finding, not five, dated its first day', async () => {
    const r = await auditMonth(month);
    const found = r.findings.filter((f) => f.ruleId === 'absence-without-handover');
    expect(found.map((f) => [f.ref.key, f.date, f.baseGrade, f.grade])).toEqual([['李敏@2026-10-19', '2026-10-19', 'criticism', 'criticism']]);
    expect(found[0]!.facts).toMatchObject({ absence_from: '2026-10-19', absence_to: '2026-10-23', absence_days: 5 });
  });

  it('an unapproved 3-day leave gives one AB岗/一 finding, on its first day', async () => {
    const r = await auditMonth(month);
    expect(r.findings.filter((f) => f.ruleId === 'absence-not-approved').map((f) => f.ref.key)).toEqual(['陈静@2026-10-26']);
  });
});

describe('complaints', () => {
  const complaint = (id: string, category: string, substantiated: string) => ({
    complaint_id: id, logged_on: '2026-10-14', complainant: '王五', contact: '13812345678', respondent: '刘洋',
    category, content: '反映问题', substantiated, first_responder: '张建国',
  });

  it('grades a substantiated 乱收费 as 工作人员守则/七 (notice) and never grades a complaint still 待查', async () => {
    const r = await auditMonth({
      cases: [caseRow({ received_on: '2026-10-12', kind: '即办件', ...told('2026-10-12') })],
      complaints: [complaint('TS-1', '态度粗暴', '待查'), complaint('TS-2', '拖压卡', '待查'), complaint('TS-3', '乱收费', '是'), complaint('TS-4', '乱收费', '待查')],
    });
    expect(r.findings.filter((f) => f.ref.sheet === 'complaints').map((f) => `${f.ref.key} ${f.ruleId} ${f.clause} ${f.baseGrade}`)).toEqual([
      'TS-3 complaint-fee 工作人员守则/七 notice',
    ]);
  });
});

describe('service figures: cases handled, 按期办结率, 满意率', () => {
  it('count per handler and for the center, once, as data', async () => {
    const r = await auditMonth({
      items: ITEMS,
      cases: [
        // 李敏: due 10-14 and done then; due 10-14 but done 10-16; a 即办件 done on the day; one still open
        caseRow({ promised_days: 5, received_on: '2026-10-08', rating: '满意', ...told('2026-10-14') }),
        caseRow({ promised_days: 5, received_on: '2026-10-08', rating: '不满意', ...told('2026-10-16') }),
        caseRow({ item: '门前三包登记', kind: '即办件', received_on: '2026-10-12', rating: '非常满意', ...told('2026-10-12') }),
        caseRow({ promised_days: 5, received_on: '2026-10-29', result: '办理中' }),
        // received in September (中秋 9-25…9-27 and 国庆 skipped: due 10-09), completed in time in October
        caseRow({ promised_days: 5, received_on: '2026-09-24', rating: '基本满意', ...told('2026-10-09') }),
        // 王强: an unlisted item has no deadline (rated, not timed); a 退回补正 counts only as handled
        caseRow({ handler: '王强', item: '医保参保登记', kind: '即办件', received_on: '2026-10-12', rating: '满意', ...told('2026-10-12') }),
        caseRow({ handler: '王强', ...incomplete, received_on: '2026-10-08', result: '退回补正' }),
      ],
    });
    expect(r.service.people).toEqual([
      { name: '李敏', handled: 4, completedWithDeadline: 4, completedOnTime: 3, onTimeRate: 0.75, rated: 4, satisfied: 3, satisfactionRate: 0.75 },
      { name: '王强', handled: 2, completedWithDeadline: 0, completedOnTime: 0, onTimeRate: null, rated: 1, satisfied: 1, satisfactionRate: 1 },
    ]);
    expect(r.service.center).toEqual({ handled: 6, completedWithDeadline: 4, completedOnTime: 3, onTimeRate: 0.75, rated: 5, satisfied: 4, satisfactionRate: 0.8 });
  });
});
