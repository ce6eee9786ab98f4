/** Repeat escalation per person and clause (失职追究制/三, docs/grading.md). */
import { describe, expect, it } from 'vitest';
import { escalate, escalationFor } from '../../src/grade/escalate.js';
import { lateness, POLICY, rawOf, settle } from './helpers.js';

describe('repeat escalation', () => {
  it('five lateness reminders for one person: reminder, reminder, criticism, criticism, notice', () => {
    const { findings } = settle(lateness(5));
    expect(findings.map((f) => f.grade)).toEqual(['reminder', 'reminder', 'criticism', 'criticism', 'notice']);
    expect(findings.map((f) => f.baseGrade)).toEqual(['reminder', 'reminder', 'reminder', 'reminder', 'reminder']);
  });

  it('records occurrence, steps and whether the cap held it back', () => {
    const { findings } = settle(lateness(5));
    expect(findings.map((f) => f.escalation)).toEqual([
      { kind: 'none' },
      { kind: 'repeat', occurrence: 2, steps: 0, capped: false },
      { kind: 'repeat', occurrence: 3, steps: 1, capped: false },
      { kind: 'repeat', occurrence: 4, steps: 1, capped: false },
      { kind: 'repeat', occurrence: 5, steps: 2, capped: false },
    ]);
  });

  it('is capped at deduction', () => {
    const { findings } = settle(lateness(6, '王芳', 'notice'));
    expect(findings.map((f) => f.grade)).toEqual(['notice', 'notice', 'deduction', 'deduction', 'deduction', 'deduction']);
    expect(findings[4]!.escalation).toEqual({ kind: 'repeat', occurrence: 5, steps: 2, capped: true });
    expect(findings[2]!.escalation).toMatchObject({ capped: false });
  });

  it('respects a lower cap and another escalate_every', () => {
    expect(escalationFor('reminder', 7, { escalate_every: 3, escalate_cap: 'criticism' })).toEqual({
      grade: 'criticism',
      escalation: { kind: 'repeat', occurrence: 7, steps: 2, capped: true },
    });
    expect(escalationFor('reminder', 4, { escalate_every: 3, escalate_cap: 'deduction' }).grade).toBe('criticism');
  });

  it('never lowers a base grade above the cap', () => {
    expect(escalationFor('deduction', 3, { escalate_every: 2, escalate_cap: 'notice' }).grade).toBe('deduction');
  });

  it('counts by date then row, not by input order', () => {
    const raw = lateness(3).reverse();
    const grades = escalate(raw, POLICY);
    // raw[0] is the latest (3rd occurrence)
    expect(grades.map((g) => g.grade)).toEqual(['criticism', 'reminder', 'reminder']);
    const sameDay = [rawOf({ date: '2026-10-12', row: 9 }), rawOf({ date: '2026-10-12', row: 4 }), rawOf({ date: '2026-10-11', row: 20 })];
    expect(escalate(sameDay, POLICY).map((g) => g.escalation)).toEqual([
      { kind: 'repeat', occurrence: 3, steps: 1, capped: false },
      { kind: 'repeat', occurrence: 2, steps: 0, capped: false },
      { kind: 'none' },
    ]);
  });

  it('escalation order on one day is sheet before row (regression: a complaint on row 2 was counted before the case on row 3 of the same day)', () => {
    // 王芳's three findings of 失职追究制/二.6: an overdue case on 10-23, and on 10-26 an overdue
    // case (cases row 3) and a 拖压卡 complaint about another case (complaints row 2). Counted by
    // date, then sheet (cases before complaints), then row: the complaint is the 3rd occurrence.
    const clause = '失职追究制/二.6';
    const raw = [
      rawOf({ date: '2026-10-23', ref: { sheet: 'cases', row: 2, key: 'O0' }, clause, ruleId: 'case-overdue' }),
      rawOf({ date: '2026-10-26', ref: { sheet: 'cases', row: 3, key: 'O1' }, clause, ruleId: 'case-overdue' }),
      rawOf({ date: '2026-10-26', ref: { sheet: 'complaints', row: 2, key: 'TS-1' }, clause, ruleId: 'complaint-delay', baseGrade: 'criticism' }),
    ];
    const { findings } = settle(raw);
    expect(findings.map((f) => [f.ref.key, f.escalation.kind === 'repeat' ? f.escalation.occurrence : 1, f.grade])).toEqual([
      ['O0', 1, 'reminder'],
      ['O1', 2, 'reminder'],
      ['TS-1', 3, 'notice'],
    ]);
  });

  it('counts each person and each clause separately', () => {
    const raw = [
      ...lateness(2, '王芳'),
      ...lateness(2, '李敏'),
      rawOf({ name: '王芳', date: '2026-10-20', row: 30, clause: '失职追究制/二.8', ruleId: 'materials-lost', baseGrade: 'notice' }),
      rawOf({ name: '王芳', date: '2026-10-21', row: 31 }),
    ];
    const grades = escalate(raw, POLICY);
    expect(grades.map((g) => g.grade)).toEqual(['reminder', 'reminder', 'reminder', 'reminder', 'notice', 'criticism']);
  });

  it('two rules of one clause count as repeats of that clause', () => {
    const raw = [
      rawOf({ ruleId: 'attendance-late', date: '2026-10-05', row: 2 }),
      rawOf({ ruleId: 'attendance-absent', date: '2026-10-06', row: 3, baseGrade: 'criticism' }),
      rawOf({ ruleId: 'absence-without-handover', date: '2026-10-07', row: 4, baseGrade: 'criticism' }),
    ];
    expect(escalate(raw, POLICY).map((g) => g.grade)).toEqual(['reminder', 'criticism', 'notice']);
  });

  it('never escalates a center', () => {
    const raw = Array.from({ length: 5 }, (_, i) =>
      rawOf({ subject: { kind: 'center', name: '城东社区便民服务中心' }, ruleId: 'item-not-disclosed', clause: '办事公开制/二', row: 2 + i }),
    );
    const { findings } = settle(raw);
    expect(findings.map((f) => f.grade)).toEqual(Array(5).fill('reminder'));
    expect(findings.every((f) => f.escalation.kind === 'none')).toBe(true);
  });
});
