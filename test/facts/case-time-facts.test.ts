/**
 * Case time facts over the 2026 calendar: 中秋 9-25…9-27, 国庆 10-01…10-07, make-up working
 * days Sunday 2026-09-20 and Saturday 2026-10-10. The day of receipt never counts.
 */
import { describe, expect, it } from 'vitest';
import { timeFacts } from '../../src/facts/case-facts.js';
import { caseOf, testCalendar } from './helpers.js';

const cal = testCalendar();
const time = (fields: Parameters<typeof caseOf>[0], asOf = '2026-10-31') => timeFacts(caseOf(fields), cal, asOf);

describe('deadline', () => {
  it('skips 中秋 and the whole National Day holiday', () => {
    // 9-24, 9-28, 9-29, 9-30, then 10-08.
    expect(time({ received_on: '2026-09-23', kind: '承诺件', promised_days: 5 }).deadline).toBe('2026-10-08');
  });

  it('counts the make-up Saturday 2026-10-10', () => {
    // 10-09, 10-10 (make-up), 10-12.
    expect(time({ received_on: '2026-10-08', kind: '上报件', promised_days: 3 }).deadline).toBe('2026-10-12');
  });

  it('counts the make-up Sunday 2026-09-20', () => {
    expect(time({ received_on: '2026-09-18', kind: '承诺件', promised_days: 1 }).deadline).toBe('2026-09-20');
  });

  it('does not count the day of receipt', () => {
    expect(time({ received_on: '2026-10-12', kind: '承诺件', promised_days: 1 }).deadline).toBe('2026-10-13');
  });

  it('is null without promised_days', () => {
    const facts = time({ received_on: '2026-10-12', kind: '承诺件' });
    expect(facts.deadline).toBeNull();
    expect(facts.overdue_days).toBeNull();
  });
});

describe('overdue_days', () => {
  it('counts working days from the deadline to completion across the holiday', () => {
    expect(time({ received_on: '2026-09-23', kind: '承诺件', promised_days: 5, completed_on: '2026-10-09' }).overdue_days).toBe(1);
    // 10-09, 10-10 (make-up Saturday), 10-12.
    expect(time({ received_on: '2026-09-23', kind: '承诺件', promised_days: 5, completed_on: '2026-10-12' }).overdue_days).toBe(3);
  });

  it('a deadline inside the holiday week is not moved by the holiday: completion on the next working day is 1 day late', () => {
    // received 9-29 with 2 days: 9-30, 10-08 → completed 10-09 is 1 working day late.
    const f = time({ received_on: '2026-09-29', kind: '承诺件', promised_days: 2, completed_on: '2026-10-09' });
    expect(f.deadline).toBe('2026-10-08');
    expect(f.overdue_days).toBe(1);
  });

  it('completed during the holiday after a deadline before it: holiday days do not count', () => {
    // received 9-28 with 1 day → due 9-29; completed 10-05 (holiday) → only 9-30 counts.
    expect(time({ received_on: '2026-09-28', kind: '承诺件', promised_days: 1, completed_on: '2026-10-05' }).overdue_days).toBe(1);
  });

  it('is 0 when completed on or before the deadline', () => {
    expect(time({ received_on: '2026-10-12', kind: '承诺件', promised_days: 2, completed_on: '2026-10-14' }).overdue_days).toBe(0);
    expect(time({ received_on: '2026-10-12', kind: '承诺件', promised_days: 2, completed_on: '2026-10-13' }).overdue_days).toBe(0);
  });

  it('counts an open case up to as-of', () => {
    const f = time({ received_on: '2026-10-08', kind: '上报件', promised_days: 3, completed_on: undefined, result: '办理中' });
    expect(f.is_open).toBe(true);
    expect(f.overdue_days).toBe(14);
  });

  it('an open case whose deadline is after as-of is not overdue', () => {
    const f = time({ received_on: '2026-10-08', kind: '上报件', promised_days: 3, completed_on: undefined, result: '办理中' }, '2026-10-10');
    expect(f.deadline).toBe('2026-10-12');
    expect(f.overdue_days).toBe(0);
  });

  it('an open case on its deadline day is not overdue yet', () => {
    const f = time({ received_on: '2026-10-08', kind: '上报件', promised_days: 3, completed_on: undefined, result: '办理中' }, '2026-10-12');
    expect(f.overdue_days).toBe(0);
  });

  it('a completion dated after as-of has not happened yet: the case is open on as-of', () => {
    const f = time({ received_on: '2026-10-08', kind: '承诺件', promised_days: 3, completed_on: '2026-11-03' }, '2026-10-20');
    expect(f.is_open).toBe(true);
    // 10-13 … 10-16, 10-19, 10-20
    expect(f.overdue_days).toBe(6);
  });

  it('as-of on a weekend counts only up to the last working day', () => {
    // due 10-12; as-of Sunday 10-18 → 10-13 … 10-16 = 4
    const f = time({ received_on: '2026-10-08', kind: '上报件', promised_days: 3, completed_on: undefined }, '2026-10-18');
    expect(f.overdue_days).toBe(4);
  });
});

describe('open vs completed', () => {
  it('is_open follows completed_on', () => {
    expect(time({ completed_on: undefined }).is_open).toBe(true);
    expect(time({ received_on: '2026-10-12', completed_on: '2026-10-12' }).is_open).toBe(false);
  });

  it('completed_same_day', () => {
    expect(time({ received_on: '2026-10-12', completed_on: '2026-10-12' }).completed_same_day).toBe(true);
    expect(time({ received_on: '2026-10-12', completed_on: '2026-10-13' }).completed_same_day).toBe(false);
    expect(time({ received_on: '2026-10-12', completed_on: undefined }).completed_same_day).toBe(false);
  });

  it('completed_same_day is null for a case received on as-of and still open: the day is not over', () => {
    expect(time({ received_on: '2026-10-20', completed_on: undefined }, '2026-10-20').completed_same_day).toBeNull();
  });
});

describe('notice_delay', () => {
  it('counts working days from receipt to notice across the holiday', () => {
    // 10-08, 10-09
    expect(time({ received_on: '2026-09-30', materials_complete: false, notified: true, notified_on: '2026-10-09' }).notice_delay).toBe(2);
  });

  it('5 and 6 working days', () => {
    expect(time({ received_on: '2026-10-12', notified: true, notified_on: '2026-10-19' }).notice_delay).toBe(5);
    expect(time({ received_on: '2026-10-12', notified: true, notified_on: '2026-10-20' }).notice_delay).toBe(6);
  });

  it('is 0 on the day of receipt, null without a notice date', () => {
    expect(time({ received_on: '2026-10-12', notified: true, notified_on: '2026-10-12' }).notice_delay).toBe(0);
    expect(time({ received_on: '2026-10-12', notified: true }).notice_delay).toBeNull();
  });
});

describe('result notice', () => {
  it('counts from completion to the result notice', () => {
    // 10-10 (make-up), 10-12, 10-13
    const f = time({ received_on: '2026-10-09', completed_on: '2026-10-09', result_notified_on: '2026-10-13' });
    expect(f.result_notice_delay).toBe(3);
    expect(f.result_notice_missing).toBe(false);
  });

  it('while the notice is empty, counts to as-of: the window closes by as-of', () => {
    const open = time({ received_on: '2026-10-28', completed_on: '2026-10-28' });
    expect(open.result_notice_missing).toBe(true);
    expect(open.result_notice_delay).toBe(2); // 10-29, 10-30: still inside a 2-day window
    const closed = time({ received_on: '2026-10-27', completed_on: '2026-10-27' });
    expect(closed.result_notice_delay).toBe(3); // 10-28, 10-29, 10-30
  });

  it('is null while the case is open', () => {
    const f = time({ completed_on: undefined });
    expect(f.result_notice_delay).toBeNull();
    expect(f.result_notice_missing).toBe(false);
  });
});
