/**
 * The limit a case is bound by (src/facts/deadline.ts; docs/time-limits.md) over the 2026
 * calendar: 国庆 10-01…10-07 with the make-up Saturday 10-10. October's working days:
 * 10-08 09 10 12 13 14 15 16 19 20 21 22 23 26 27 28 29 30.
 */
import { describe, expect, it } from 'vitest';
import { timeFacts } from '../../src/facts/case-facts.js';
import { caseLimit, clockStart, completedOnTime, overdueDays } from '../../src/facts/deadline.js';
import { caseOf, testCalendar } from './helpers.js';

const cal = testCalendar();
const time = (fields: Parameters<typeof caseOf>[0], statutory: number | null, asOf = '2026-10-31') => timeFacts(caseOf(fields), cal, asOf, statutory);

describe('which limit binds', () => {
  it.each([
    ['a promise within the statutory limit', { kind: '承诺件', promised_days: 3 }, 5, 'promise', 3],
    ['a promise equal to the statutory limit', { kind: '承诺件', promised_days: 5 }, 5, 'promise', 5],
    ['a promise longer than the statutory limit binds only up to it', { kind: '上报件', promised_days: 8 }, 5, 'promise-capped', 5],
    ['a promise without a statutory limit (items sheet absent or item unlisted)', { kind: '承诺件', promised_days: 8 }, null, 'promise', 8],
    ['no promise: the statutory limit', { kind: '承诺件' }, 5, 'statutory', 5],
    ['no promise and no statutory limit: none', { kind: '上报件' }, null, 'none', null],
    ['a 即办件: the statutory limit (its same-day duty is another rule\'s)', { kind: '即办件' }, 3, 'statutory', 3],
    ['a 即办件 ignores a stray promise', { kind: '即办件', promised_days: 1 }, 3, 'statutory', 3],
    ['a 即办件 without a statutory limit: none', { kind: '即办件' }, null, 'none', null],
    ['退回补正: with the applicant, no clock', { kind: '承诺件', promised_days: 3, result: '退回补正', completed_on: undefined }, 5, 'with-applicant', null],
  ] as const)('%s', (_label, fields, statutory, basis, days) => {
    const f = time(fields as Parameters<typeof caseOf>[0], statutory);
    expect([f.limit_basis, f.limit_days]).toEqual([basis, days]);
    if (days === null) expect([f.deadline, f.overdue_days]).toEqual([null, null]);
  });
});

describe('the clock starts on 补齐日期 when the application was completed later', () => {
  it('counts from 补齐日期: received 10-08, completed materials 10-19, 5 days → due 10-26', () => {
    const f = time({ kind: '承诺件', received_on: '2026-10-08', materials_completed_on: '2026-10-19', promised_days: 5, completed_on: '2026-10-23' }, 15);
    expect([f.clock_start, f.deadline, f.overdue_days]).toEqual(['2026-10-19', '2026-10-26', 0]);
  });

  it('a 补齐日期 before the 受理日期 is a slip of the pen: receipt wins', () => {
    expect(clockStart(caseOf({ received_on: '2026-10-12', materials_completed_on: '2026-10-09' }))).toBe('2026-10-12');
  });

  it('a 补齐日期 after the calendars puts the deadline after them too', () => {
    const limit = caseLimit(caseOf({ kind: '承诺件', received_on: '2026-12-30', materials_completed_on: '2027-01-05', promised_days: 2 }), null, cal);
    expect([limit.deadline, limit.after]).toEqual([null, '2026-12-31']);
  });
});

describe('overdue days', () => {
  it('a 即办件 open past its statutory 3 days: due 10-12, 14 working days late on 10-31', () => {
    const f = time({ kind: '即办件', received_on: '2026-10-08', completed_on: undefined, result: '办理中' }, 3);
    expect([f.deadline, f.overdue_days]).toEqual(['2026-10-12', 14]);
  });

  it('a 承诺件 with no promise, open: counted from the statutory deadline', () => {
    const f = time({ kind: '承诺件', received_on: '2026-10-12', completed_on: undefined, result: '办理中' }, 5);
    expect([f.deadline, f.overdue_days]).toEqual(['2026-10-19', 9]);
  });

  it('past the loaded calendars: not yet overdue, and "after" the last loaded day', () => {
    const f = time({ kind: '承诺件', received_on: '2026-12-21', promised_days: 15, completed_on: undefined, result: '办理中' }, null, '2026-12-31');
    expect([f.deadline, f.deadline_after, f.overdue_days]).toEqual([null, '2026-12-31', 0]);
  });
});

describe('completedOnTime (按期办结率)', () => {
  const limitOf = (fields: Parameters<typeof caseOf>[0], statutory: number | null) => caseLimit(caseOf(fields), statutory, cal);
  it('on or before the deadline is on time; after it is not; no deadline is not counted', () => {
    expect(completedOnTime(limitOf({ kind: '承诺件', received_on: '2026-10-08', promised_days: 3 }, null), '2026-10-12')).toBe(true);
    expect(completedOnTime(limitOf({ kind: '承诺件', received_on: '2026-10-08', promised_days: 3 }, null), '2026-10-13')).toBe(false);
    expect(completedOnTime(limitOf({ kind: '承诺件', received_on: '2026-10-08' }, null), '2026-10-13')).toBeNull();
    expect(completedOnTime(limitOf({ kind: '承诺件', received_on: '2026-12-21', promised_days: 15 }, null), '2026-12-30')).toBe(true);
  });

  it('overdueDays agrees: 0 on the deadline, null without one', () => {
    const limit = limitOf({ kind: '承诺件', received_on: '2026-10-08', promised_days: 3 }, null);
    expect([overdueDays(limit, '2026-10-12', cal), overdueDays(limit, '2026-10-13', cal)]).toEqual([0, 1]);
    expect(overdueDays(limitOf({ kind: '承诺件', received_on: '2026-10-08' }, null), '2026-10-30', cal)).toBeNull();
  });
});
