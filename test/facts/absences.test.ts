/**
 * Absences and handover ranges (src/facts/absences.ts): a run of 请假/出差/会议 rows for one
 * person on consecutive working days is one absence, covered when each day lies in a handover
 * row naming the person as A岗 (日期 … 结束日期).
 */
import { describe, expect, it } from 'vitest';
import { absencesByRow, HandoverCover } from '../../src/facts/absences.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import type { AttendanceRecord, HandoverRecord, LedgerRow } from '../../src/ledger/types.js';
import { contextOf, ledgerOf, testCalendar } from './helpers.js';

const rows = (records: Partial<AttendanceRecord>[]): LedgerRow<'attendance'>[] =>
  records.map((record, i) => ({ sheet: 'attendance', row: i + 2, record: { status: '出差', staff: '李敏', ...record } as AttendanceRecord }));
const handovers = (records: Partial<HandoverRecord>[]): LedgerRow<'handovers'>[] =>
  records.map((record, i) => ({ sheet: 'handovers', row: i + 2, record: { absent_staff: '李敏', cover: '王芳', ...record } as HandoverRecord }));

describe('HandoverCover', () => {
  const cover = new HandoverCover(handovers([{ date: '2026-10-19', end_date: '2026-10-23' }, { date: '2026-10-26' }, { date: '2026-10-29', end_date: '2026-10-28' }]));
  it('covers every day from 日期 to 结束日期, and 日期 alone without one', () => {
    expect(['2026-10-18', '2026-10-19', '2026-10-21', '2026-10-23', '2026-10-24', '2026-10-26', '2026-10-27'].map((d) => cover.covers('李敏', d))).toEqual([false, true, true, true, false, true, false]);
  });
  it('reads an end before the start as the start day only, and names only the A岗', () => {
    expect([cover.covers('李敏', '2026-10-28'), cover.covers('李敏', '2026-10-29'), cover.covers('王芳', '2026-10-20')]).toEqual([false, true, false]);
  });
});

describe('absencesByRow', () => {
  const cal = testCalendar();
  it('joins consecutive working days, across a weekend and across the 国庆 holiday, into one absence per person', () => {
    const att = rows([
      { date: '2026-09-30' }, { date: '2026-10-08' }, // 国庆 between: consecutive working days
      { date: '2026-10-16', status: '请假' }, { date: '2026-10-19', status: '会议' }, // Friday, Monday
      { date: '2026-10-21' }, // a working day (10-20) missing: a new absence
      { date: '2026-10-16', staff: '王芳' }, // another person
      { date: '2026-10-22', status: '迟到' }, // not an absence
    ]);
    const absences = absencesByRow(att, undefined, cal);
    const of = (i: number) => absences.get(att[i]!);
    expect(of(0)).toBe(of(1));
    expect(of(0)).toMatchObject({ from: '2026-09-30', to: '2026-10-08', days: 2, firstRow: 2, covered: null });
    expect(of(2)).toBe(of(3));
    expect(of(2)).toMatchObject({ from: '2026-10-16', to: '2026-10-19', days: 2, firstRow: 4 });
    expect(of(4)).toMatchObject({ from: '2026-10-21', days: 1 });
    expect(of(5)).toMatchObject({ staff: '王芳', days: 1 });
    expect(of(6)).toBeUndefined();
  });

  it('is covered only when every day is, and approved only when every day is', () => {
    const att = rows(['2026-10-19', '2026-10-20', '2026-10-21'].map((date, i) => ({ date, approved: i !== 2 })));
    const partly = absencesByRow(att, new HandoverCover(handovers([{ date: '2026-10-19', end_date: '2026-10-20' }])), cal).get(att[0]!)!;
    expect([partly.covered, partly.approved]).toEqual([false, false]);
    const whole = absencesByRow(att, new HandoverCover(handovers([{ date: '2026-10-19', end_date: '2026-10-20' }, { date: '2026-10-21', cover: '陈静' }])), cal).get(att[0]!)!;
    expect(whole.covered).toBe(true);
    const unrecorded = absencesByRow(rows([{ date: '2026-10-19', approved: true }, { date: '2026-10-20' }]), undefined, cal);
    expect([...unrecorded.values()][0]!.approved).toBeNull();
  });
});

describe('attendance facts', () => {
  it('mark the first day of an absence, and carry its span, cover and approval on every day', () => {
    const ledger = ledgerOf({
      attendance: [
        { date: '2026-10-20', staff: '李敏', status: '出差', approved: true },
        { date: '2026-10-19', staff: '李敏', status: '出差', approved: true },
        { date: '2026-10-19', staff: '王芳', status: '迟到' },
      ],
      handovers: [{ date: '2026-10-19', end_date: '2026-10-20', absent_staff: '李敏', cover: '王芳' }],
    });
    const facts = buildScopeRecords(contextOf(ledger)).attendance.map((r) => [r.ref.key, r.facts.absence_first_day, r.facts.absence_from, r.facts.absence_days, r.facts.absence_covered, r.facts.handover_exists]);
    expect(facts).toEqual([
      ['李敏@2026-10-20', false, '2026-10-19', 2, true, true],
      ['李敏@2026-10-19', true, '2026-10-19', 2, true, true],
      ['王芳@2026-10-19', null, null, null, null, false],
    ]);
  });
});
