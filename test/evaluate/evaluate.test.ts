/** evaluate(): evidence per condition, subjects, refs, order, rules turned off by absent sheets. */
import { describe, expect, it } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { absentSheets, evaluate } from '../../src/evaluate/evaluate.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import { contextOf, issue, ledgerOf, type SheetInput } from '../facts/helpers.js';
import { overdueRule, ruleOf } from './helpers.js';
import type { Rule } from '../../src/rules/types.js';

async function run(rules: Rule[], input: SheetInput, options?: Parameters<typeof contextOf>[1], issues: Parameters<typeof ledgerOf>[1] = [], file?: string) {
  const ctx = contextOf(ledgerOf(input, issues, file), options);
  return evaluate(rules, buildScopeRecords(ctx), ctx);
}

const lateCase = { case_id: 'SL-2026-10-0042', received_on: '2026-10-08', kind: '上报件', promised_days: 3, completed_on: undefined, result: '办理中' } as const;

describe('evidence', () => {
  it('keeps each condition with the fact value, the threshold and the param that set it', async () => {
    const { raw } = await run([overdueRule()], { cases: [lateCase] });
    expect(raw).toHaveLength(1);
    expect(raw[0]!.conditions).toEqual([
      { fact: 'kind', operator: 'in', expected: ['承诺件', '上报件'], actual: '上报件', result: true, param: 'kinds' },
      { fact: 'overdue_days', operator: 'greaterThanInclusive', expected: 1, actual: 14, result: true, param: 'minOverdueDays' },
      { fact: 'extension_reason', operator: 'isEmpty', expected: true, actual: null, result: true },
    ]);
  });

  it('quotes the template facts, the condition facts and the ladder fact', async () => {
    const { raw } = await run([overdueRule()], { cases: [lateCase] });
    expect(raw[0]!.facts).toEqual({
      kind: '上报件',
      case_id: 'SL-2026-10-0042',
      promised_days: 3,
      deadline: '2026-10-12',
      overdue_days: 14,
      extension_reason: null,
    });
  });

  it('renders the message in both languages, params included', async () => {
    const { raw } = await run([overdueRule()], { cases: [lateCase] });
    expect(raw[0]!.message).toEqual({
      zh: '上报件SL-2026-10-0042承诺3个工作日,截止2026-10-12,逾期14个工作日',
      en: '上报件 SL-2026-10-0042 due 2026-10-12, 14 working days overdue (from 1)',
    });
  });

  it('grades by the ladder and says why', async () => {
    const { raw } = await run([overdueRule()], {
      cases: [lateCase, { ...lateCase, case_id: 'B', received_on: '2026-09-23', kind: '承诺件', promised_days: 5, completed_on: '2026-10-09', result: '办结' }],
    });
    const byKey = Object.fromEntries(raw.map((f) => [f.ref.key, f]));
    expect(byKey['SL-2026-10-0042']!.baseGrade).toBe('deduction');
    expect(byKey['SL-2026-10-0042']!.baseReason).toEqual({ kind: 'ladder', fact: 'overdue_days', value: 14, min: 11 });
    expect(byKey['B']!.baseGrade).toBe('reminder');
    expect(byKey['B']!.baseReason).toEqual({ kind: 'base' });
  });

  it('keeps evaluated conditions that were false inside an `any`', async () => {
    const rule = ruleOf({
      id: 'either',
      scope: 'case',
      conditions: { any: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 3 }, { fact: 'loss', operator: 'greaterThan', value: 0 }] },
    });
    const { raw } = await run([rule], { cases: [{ visits: 4 }] });
    expect(raw[0]!.conditions.map((c) => [c.fact, c.result])).toEqual([['visits', true], ['loss', false]]);
  });
});

describe('records, refs and subjects', () => {
  it('a staff subject is the named fact; ref is the record\'s, date its event\'s (the first working day past the deadline)', async () => {
    const { raw } = await run([overdueRule()], { cases: [{ handler: '陈刚', case_id: 'X' }, { ...lateCase, handler: '王芳' }] });
    expect(raw[0]!.subject).toEqual({ kind: 'staff', name: '王芳' });
    expect(raw[0]!.ref).toEqual({ sheet: 'cases', row: 3, key: 'SL-2026-10-0042' });
    // Due 2026-10-12, still open: its overdue event is the next working day.
    expect(raw[0]!.date).toBe('2026-10-13');
    expect(raw[0]!).toMatchObject({ ruleId: 'case-overdue', clause: '失职追究制/二.6', scope: 'case' });
  });

  it('a center subject is the center row\'s name, else the name in the file name', async () => {
    const rule = ruleOf({
      id: 'rules-not-posted',
      scope: 'center',
      subject: { kind: 'center' },
      conditions: { all: [{ fact: 'rules_posted', operator: 'equal', value: false }] },
      evidence: { zh: '{center}未公开制度', en: '{center}: rules not posted' },
    });
    const named = await run([rule], { center: [{ center: '城东社区便民服务中心', rules_posted: false }] });
    expect(named.raw[0]!.subject).toEqual({ kind: 'center', name: '城东社区便民服务中心' });
    expect(named.raw[0]!.ref).toEqual({ sheet: 'center', row: 2, key: 'center' });

    const ledgerRule = ruleOf({
      id: 'ledger-incomplete', scope: 'ledger', subject: { kind: 'center' },
      conditions: { all: [{ fact: 'issue_count', operator: 'greaterThan', value: 0 }] },
      evidence: { zh: '{sheet_name}第{rows}行无法读取', en: 'rows {rows} of {sheet_name} unreadable' },
    });
    const unnamed = await run([ledgerRule], {}, undefined, [issue('cases', 5, 'bad-date'), issue('cases', 9, 'bad-enum')], '/data/城西社区-2026-10.xlsx');
    expect(unnamed.raw[0]!.subject).toEqual({ kind: 'center', name: '城西社区' });
    expect(unnamed.raw[0]!.rows).toEqual([5, 9]);
    expect(unnamed.raw[0]!.message.zh).toBe('cases第5、9行无法读取');
  });

  it('orders findings by scope, then record, then rule id', async () => {
    const visits = ruleOf({ id: 'a-visits', scope: 'case', conditions: { all: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 3 }] } });
    const loss = ruleOf({ id: 'b-loss', scope: 'case', conditions: { all: [{ fact: 'loss', operator: 'greaterThan', value: 0 }] } });
    const late = ruleOf({
      id: '0-late', scope: 'attendance', subject: { kind: 'staff', fact: 'staff' },
      conditions: { all: [{ fact: 'status', operator: 'equal', value: '迟到' }] }, evidence: { zh: '{staff}', en: '{staff}' },
    });
    const { raw } = await run([late, loss, visits], {
      cases: [{ case_id: 'C1', visits: 3, loss: 10 }, { case_id: 'C2', loss: 5 }],
      attendance: [{ date: '2026-10-01', staff: '王芳', status: '迟到' }],
    });
    expect(raw.map((f) => `${f.ref.key}:${f.ruleId}`)).toEqual(['C1:a-visits', 'C1:b-loss', 'C2:b-loss', '王芳@2026-10-01:0-late']);
  });

  it('each rule is judged by its own event, when rules of one event sit between rules of another', async () => {
    const always = { all: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 1 }] };
    // Received in September, completed in October: the receipt is not this period's event, the completion is.
    const rules = [
      ruleOf({ id: 'a-received', scope: 'case', event: 'received_on', conditions: always }),
      ruleOf({ id: 'b-outcome', scope: 'case', event: 'outcome_on', conditions: always }),
      ruleOf({ id: 'c-received', scope: 'case', event: 'received_on', conditions: always }),
      ruleOf({ id: 'd-outcome', scope: 'case', event: 'outcome_on', conditions: always }),
    ];
    const { raw, runs } = await run(rules, {
      cases: [
        { case_id: 'C1', received_on: '2026-09-28', completed_on: '2026-10-09', result: '办结', visits: 1 },
        { case_id: 'C2', received_on: '2026-10-12', completed_on: '2026-10-14', result: '办结', visits: 1 },
      ],
    });
    expect(raw.map((f) => `${f.ref.key}:${f.ruleId}@${f.date}`)).toEqual([
      'C1:b-outcome@2026-10-09', 'C1:d-outcome@2026-10-09',
      'C2:a-received@2026-10-12', 'C2:b-outcome@2026-10-14', 'C2:c-received@2026-10-12', 'C2:d-outcome@2026-10-14',
    ]);
    expect(runs.map((r) => r.hits)).toEqual([1, 2, 1, 2]);
  });
});

describe('rules turned off by an absent sheet', () => {
  const handover = ruleOf({
    id: 'absence-without-handover', scope: 'attendance', subject: { kind: 'staff', fact: 'staff' },
    conditions: { all: [{ fact: 'status', operator: 'in', value: ['请假', '出差', '会议'] }, { fact: 'handover_exists', operator: 'equal', value: false }] },
    evidence: { zh: '{staff}', en: '{staff}' },
  });
  const attendance = [{ date: '2026-10-09', staff: '王芳', status: '请假' }] as SheetInput['attendance'];

  it('does not run, and says which sheet is missing', async () => {
    const { raw, runs } = await run([handover, overdueRule()], { cases: [lateCase], attendance });
    expect(raw.map((f) => f.ruleId)).toEqual(['case-overdue']);
    expect(runs).toEqual([
      { id: 'absence-without-handover', clause: '失职追究制/二.6', title: handover.title, version: 1, hits: 0, ran: false, reason: { code: 'sheet-absent', sheets: ['handovers'] } },
      {
        id: 'case-overdue', clause: '失职追究制/二.6', title: overdueRule().title, version: 1, hits: 1, ran: true,
        // overdue_days reads 法定时限 from the items sheet when there is one: without it the rule runs on promises.
        partial: { sheets: ['items'], without: [{ zh: '无事项公开表：期限只按承诺时限计算', en: 'no items sheet: deadlines count from promises only' }] },
      },
    ]);
  });

  it('runs and counts hits when the sheet is there (even empty)', async () => {
    const { runs } = await run([handover], { attendance, handovers: [] });
    expect(runs[0]).toMatchObject({ ran: true, hits: 1 });
    expect(runs[0]!.reason).toBeUndefined();
  });

  it('absentSheets lists the required sheets the ledger lacks', () => {
    const ledger = ledgerOf({ cases: [], items: [] });
    expect(absentSheets({ requires: ['cases', 'items', 'handovers', 'staff'] }, ledger)).toEqual(['handovers', 'staff']);
    expect(absentSheets({ requires: ['cases'] }, ledger)).toEqual([]);
  });

  it('a scope sheet that is absent turns off that scope\'s rules', async () => {
    const { runs } = await run([handover], { cases: [] });
    expect(runs[0]!.reason).toEqual({ code: 'sheet-absent', sheets: ['attendance', 'handovers'] });
  });
});

describe('grades chosen by a fact', () => {
  it('byValue and fromFact', async () => {
    const rude = ruleOf({
      id: 'complaint-rude', scope: 'complaint', subject: { kind: 'staff', fact: 'respondent' },
      conditions: { all: [{ fact: 'substantiated', operator: 'in', value: ['是', '待查'] }] },
      grade: { byValue: { fact: 'substantiated', map: { 是: 'criticism', 待查: 'reminder' } } },
      evidence: { zh: '{complaint_id}', en: '{complaint_id}' },
    });
    const other = ruleOf({
      id: 'other-dereliction', scope: 'other', subject: { kind: 'staff', fact: 'staff' },
      conditions: { all: [{ fact: 'suggested_grade', operator: 'isEmpty', value: false }] },
      grade: { fromFact: 'suggested_grade' },
      evidence: { zh: '{description}', en: '{description}' },
    });
    const base = { respondent: '李敏', category: '态度粗暴', first_responder: '赵六' } as const;
    const { raw } = await run([rude, other], {
      complaints: [{ ...base, complaint_id: 'T1', logged_on: '2026-10-03', substantiated: '是' }, { ...base, complaint_id: 'T2', logged_on: '2026-10-04', substantiated: '待查' }],
      other: [{ date: '2026-10-09', staff: '王芳', description: '值班脱岗', grade: '通报批评' }],
    });
    expect(raw.map((f) => [f.ref.key, f.baseGrade, f.baseReason])).toEqual([
      ['T1', 'criticism', { kind: 'byValue', fact: 'substantiated', value: '是' }],
      ['T2', 'reminder', { kind: 'byValue', fact: 'substantiated', value: '待查' }],
      ['王芳@2026-10-09', 'notice', { kind: 'fromFact', fact: 'suggested_grade', value: 'notice' }],
    ]);
  });
});

describe('a rule naming a fact the scope does not have', () => {
  it('stops with a bad-rules error naming the record instead of a stack trace', async () => {
    const bad = ruleOf({ id: 'typo', scope: 'case', conditions: { all: [{ fact: 'overdue_dayz', operator: 'greaterThan', value: 0 }] } });
    const error = await run([bad], { cases: [{ case_id: 'A' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DutyAuditError);
    expect((error as DutyAuditError).code).toBe('bad-rules');
    expect((error as DutyAuditError).message).toMatch(/cases row 2 \(A\).*overdue_dayz/);
  });
});
