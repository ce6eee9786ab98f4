/** What a period's audit judges: the events in it (period.ts), and the cases of its workload. */
import { describe, expect, it } from 'vitest';
import type { ScopeRecord } from '../../src/facts/types.js';
import { completedBy, inPeriod, isCaseOfPeriod, judgedInPeriod, judgedInPeriodOf, notAfterAsOf, periodBounds, recordDate, rowsNotAfterAsOf } from '../../src/facts/period.js';
import type { LedgerRow } from '../../src/ledger/types.js';
import { caseOf } from './helpers.js';

describe('isCaseOfPeriod: the workload (period 2026-10, as-of 2026-10-31 unless said)', () => {
  it.each([
    ['received in the period', { received_on: '2026-10-01' }, '2026-10-31', true],
    ['received on the last day', { received_on: '2026-10-31' }, '2026-10-31', true],
    ['received before, still open', { received_on: '2026-07-01', completed_on: undefined }, '2026-10-31', true],
    ['received before, completed inside the period', { received_on: '2026-09-29', completed_on: '2026-10-08' }, '2026-10-31', true],
    ['received before, completed before the period', { received_on: '2026-09-01', completed_on: '2026-09-30' }, '2026-10-31', false],
    ['received before, completed after the period', { received_on: '2026-09-01', completed_on: '2026-11-03' }, '2026-11-05', false],
    ['received before, completed after as-of (open on as-of)', { received_on: '2026-09-01', completed_on: '2026-10-25' }, '2026-10-20', true],
    ['received after as-of', { received_on: '2026-10-21' }, '2026-10-20', false],
    ['received after the period', { received_on: '2026-11-01' }, '2026-11-05', false],
  ] as const)('%s → %s', (_label, fields, asOf, audited) => {
    expect(isCaseOfPeriod(caseOf(fields), '2026-10', asOf)).toBe(audited);
  });
});

describe('completedBy', () => {
  it('is the completion date when on or before as-of, else null', () => {
    expect(completedBy(caseOf({ completed_on: '2026-10-20' }), '2026-10-20')).toBe('2026-10-20');
    expect(completedBy(caseOf({ completed_on: '2026-10-21' }), '2026-10-20')).toBeNull();
    expect(completedBy(caseOf({ completed_on: undefined }), '2026-10-20')).toBeNull();
  });
});

describe('dated records', () => {
  const complaint = (logged_on: string): LedgerRow<'complaints'> => ({
    sheet: 'complaints',
    row: 2,
    record: { complaint_id: 'T', logged_on, respondent: '李敏', category: '其他', substantiated: '否', first_responder: '赵六' },
  });
  const attendance = (date: string): LedgerRow<'attendance'> => ({ sheet: 'attendance', row: 2, record: { date, staff: '王芳', status: '迟到' } });

  it('recordDate reads each sheet\'s own date column', () => {
    expect(recordDate(complaint('2026-10-03'))).toBe('2026-10-03');
    expect(recordDate(attendance('2026-10-04'))).toBe('2026-10-04');
    expect(recordDate({ sheet: 'cases', row: 2, record: caseOf({ received_on: '2026-10-05' }) })).toBe('2026-10-05');
  });

  it('a dated record is built when not after as-of, whatever its month (its events decide)', () => {
    expect(notAfterAsOf(complaint('2026-10-03'), '2026-10-31')).toBe(true);
    expect(notAfterAsOf(complaint('2026-09-30'), '2026-10-31')).toBe(true);
    expect(notAfterAsOf(attendance('2026-10-16'), '2026-10-15')).toBe(false);
    expect(notAfterAsOf(attendance('2026-10-15'), '2026-10-15')).toBe(true);
  });

  it('rowsNotAfterAsOf keeps, in order, the rows of a sheet that notAfterAsOf keeps, by that sheet\'s date column', () => {
    const complaints = ['2026-10-03', '2026-11-02', '2026-09-30', '2026-10-31', '2026-10-16'].map((date, i) => ({ ...complaint(date), row: i + 2 }));
    expect(rowsNotAfterAsOf('complaints', complaints, '2026-10-15').map((r) => r.row)).toEqual([2, 4]);
    expect(rowsNotAfterAsOf('complaints', complaints, '2026-10-31')).toEqual(complaints.filter((r) => notAfterAsOf(r, '2026-10-31')));
    const cases = [caseOf({ received_on: '2026-10-05', completed_on: '2026-10-01' }), caseOf({ received_on: '2026-10-20', completed_on: '2026-10-01' })].map((record, i) => ({ sheet: 'cases' as const, row: i + 2, record }));
    expect(rowsNotAfterAsOf('cases', cases, '2026-10-10').map((r) => r.row)).toEqual([2]);
  });

  it('inPeriod compares the month', () => {
    expect(inPeriod('2026-10-31', '2026-10')).toBe(true);
    expect(inPeriod('2026-11-01', '2026-10')).toBe(false);
  });
});

describe('judgedInPeriod: a rule is judged on a record when its event falls in the period', () => {
  const record = (facts: ScopeRecord['facts'], ongoing?: string[]): ScopeRecord => ({
    scope: 'case',
    ref: { sheet: 'cases', row: 2, key: 'SL-1' },
    date: '2026-09-01',
    facts,
    ...(ongoing ? { ongoing } : {}),
  });
  const october = periodBounds('2026-10');

  it('an event in the period, on its first and last day', () => {
    expect(judgedInPeriod(record({ e: '2026-10-01' }), 'e', october)).toBe(true);
    expect(judgedInPeriod(record({ e: '2026-10-31' }), 'e', october)).toBe(true);
  });

  it('an event before or after the period, or none yet (null), is not judged', () => {
    expect(judgedInPeriod(record({ e: '2026-09-30' }), 'e', october)).toBe(false);
    expect(judgedInPeriod(record({ e: '2026-11-01' }), 'e', october)).toBe(false);
    expect(judgedInPeriod(record({ e: null }), 'e', october)).toBe(false);
  });

  it('an event begun before the period and still under way on as-of is judged; another event of the record is not', () => {
    const open = record({ overdue_event_on: '2026-09-22', received_on: '2026-09-01' }, ['overdue_event_on']);
    expect(judgedInPeriod(open, 'overdue_event_on', october)).toBe(true);
    expect(judgedInPeriod(open, 'received_on', october)).toBe(false);
  });

  it('judgedInPeriodOf(event) answers as judgedInPeriod on every record, whatever the event\'s name', () => {
    const quoted = 'e"] || facts["f';
    const dates = ['2026-09-30', '2026-10-01', '2026-10-31', '2026-11-01', null, undefined, 20261012];
    let judged = 0;
    for (const event of ['e', 'overdue_event_on', quoted]) {
      const judges = judgedInPeriodOf(event, october);
      for (const date of dates) {
        for (const ongoing of [undefined, [event], ['other']]) {
          const r = record({ [event]: date as string, f: '2026-10-12' }, ongoing);
          expect(judges(r), `${event} ${date} ${ongoing}`).toBe(judgedInPeriod(r, event, october));
          if (judges(r)) judged += 1;
        }
      }
    }
    expect(judged).toBe(3 * 7);
  });
});
