/** settleFindings without history, overlaps or decisions: output order and the per-person summary. */
import { describe, expect, it } from 'vitest';
import { lateness, POLICY, rawOf, settle } from './helpers.js';

describe('output order', () => {
  it('by date, then sheet, then row, then rule id', () => {
    const raw = [
      rawOf({ date: '2026-10-09', row: 5, ref: { sheet: 'attendance', row: 5, key: 'x' }, ruleId: 'b' }),
      rawOf({ date: '2026-10-09', ref: { sheet: 'cases', row: 9, key: 'y' }, ruleId: 'a' }),
      rawOf({ date: '2026-10-08', ref: { sheet: 'complaints', row: 2, key: 'z' }, ruleId: 'a' }),
      rawOf({ date: '2026-10-09', ref: { sheet: 'attendance', row: 5, key: 'x' }, ruleId: 'a' }),
      rawOf({ date: '2026-10-09', ref: { sheet: 'cases', row: 3, key: 'w' }, ruleId: 'c' }),
    ];
    const { findings } = settle(raw);
    expect(findings.map((f) => `${f.date} ${f.ref.sheet} ${f.ref.row} ${f.ruleId}`)).toEqual([
      '2026-10-08 complaints 2 a',
      '2026-10-09 cases 3 c',
      '2026-10-09 cases 9 a',
      '2026-10-09 attendance 5 a',
      '2026-10-09 attendance 5 b',
    ]);
  });

  it('keeps the raw finding data beside the grades', () => {
    const raw = rawOf({ facts: { status: '迟到' }, message: { zh: '王芳迟到', en: 'late' } });
    const [f] = settle([raw]).findings;
    expect(f).toMatchObject({ ...raw, grade: 'reminder', escalation: { kind: 'none' }, deductionYuan: 0, status: 'counted' });
    expect(f!.id).toMatch(/^F-[0-9a-f]{12}$/);
  });
});

const NONE_APART = { merged: 0, withdrawn: 0, reportedBefore: 0 };

describe('people', () => {
  it('counts final grades per staff member, with highest grade, sanction and deductions; centers left out', () => {
    const raw = [
      ...lateness(3, '王芳'),
      rawOf({ name: '李敏', ruleId: 'materials-lost', clause: '失职追究制/二.8', baseGrade: 'deduction', row: 40 }),
      rawOf({ name: '陈刚', row: 41 }),
      rawOf({ name: '艾青', row: 42 }),
      rawOf({ subject: { kind: 'center', name: '城东社区便民服务中心' }, row: 43, baseGrade: 'notice' }),
    ];
    const { people } = settle(raw);
    expect(people).toEqual([
      { name: '李敏', counts: { reminder: 0, criticism: 0, notice: 0, deduction: 1 }, highest: 'deduction', sanction: POLICY.sanctions.deduction, deductionYuan: 200, ...NONE_APART },
      { name: '王芳', counts: { reminder: 2, criticism: 1, notice: 0, deduction: 0 }, highest: 'criticism', sanction: POLICY.sanctions.criticism, deductionYuan: 0, ...NONE_APART },
      // same grade: by name (pinyin order: Ai before Chen)
      { name: '艾青', counts: { reminder: 1, criticism: 0, notice: 0, deduction: 0 }, highest: 'reminder', sanction: POLICY.sanctions.reminder, deductionYuan: 0, ...NONE_APART },
      { name: '陈刚', counts: { reminder: 1, criticism: 0, notice: 0, deduction: 0 }, highest: 'reminder', sanction: POLICY.sanctions.reminder, deductionYuan: 0, ...NONE_APART },
    ]);
  });

  it('is empty without staff findings', () => {
    expect(settle([])).toEqual({ findings: [], people: [] });
  });
});
