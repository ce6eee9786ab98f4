/**
 * Event dates at the edges of a record's own date (src/facts/events.ts): an act recorded with a
 * date before the case's 受理日期 or the complaint's 登记日期 must still fall in a month whose
 * ledger holds the record (a month sets aside what is dated after its as-of), or it is judged in
 * no month at all.
 */
import { describe, expect, it } from 'vitest';
import { timeFacts } from '../../src/facts/case-facts.js';
import { complaintEventOn } from '../../src/facts/events.js';
import { judgedInPeriod, periodBounds } from '../../src/facts/period.js';
import type { ScopeRecord } from '../../src/facts/types.js';
import { caseOf, testCalendar } from './helpers.js';

const cal = testCalendar();

describe('notice given before the 受理日期 (at the first inquiry)', () => {
  // Received 11-02; the applicant was told what was missing at the inquiry on 10-30, by phone.
  const told = caseOf({ received_on: '2026-11-02', kind: '承诺件', promised_days: 5, materials_complete: false, notified: true, notified_on: '2026-10-30', notice_form: '电话', missing_count: 4, result: '退回补正', completed_on: undefined });

  it('is dated the 受理日期: October cannot judge a case received in November, so the notice must fall in November', () => {
    const facts = timeFacts(told, cal, '2026-11-30');
    expect(facts.notice_event_on).toBe('2026-11-02');
    const record = { facts } as unknown as ScopeRecord;
    expect(judgedInPeriod(record, 'notice_event_on', periodBounds('2026-11'))).toBe(true);
  });

  it('keeps a notice given on or after receipt on its own day, and its delay counted from receipt', () => {
    const late = timeFacts({ ...told, notified_on: '2026-11-10' }, cal, '2026-11-30');
    expect(late.notice_event_on).toBe('2026-11-10');
    expect(late.notice_delay).toBe(6);
    expect(timeFacts({ ...told, notified_on: '2026-11-02' }, cal, '2026-11-30').notice_event_on).toBe('2026-11-02');
    expect(timeFacts(told, cal, '2026-11-30').notice_delay).toBe(0);
  });
});

describe('a complaint verified before it was logged (taken by phone, written in the register later)', () => {
  const complaint = {
    complaint_id: 'TS-1', logged_on: '2026-11-02', respondent: '李敏', category: '态度粗暴', substantiated: '是', verified_on: '2026-10-30', first_responder: '赵六',
  } as const;

  it('is dated its 登记日期: October sets a complaint logged in November aside, so the event must fall in November', () => {
    expect(complaintEventOn(complaint, '2026-11', '2026-11-30')).toBe('2026-11-02');
  });

  it('a 核实日期 on or after the 登记日期 is the event, and one after as-of is no event yet', () => {
    expect(complaintEventOn({ ...complaint, verified_on: '2026-11-09' }, '2026-11', '2026-11-30')).toBe('2026-11-09');
    expect(complaintEventOn({ ...complaint, verified_on: '2026-12-01' }, '2026-11', '2026-11-30')).toBeNull();
  });
});
