/**
 * setAsideUncountedDates (src/facts/calendar-screen.ts): a case with a counted date no calendar
 * covers is set aside on the first such column, in the order of COUNTED_DATES; dates that are
 * not counted (before the 受理日期, after as-of) leave the case in.
 */
import { describe, expect, it } from 'vitest';
import { COUNTED_DATES, setAsideUncountedDates } from '../../src/facts/calendar-screen.js';
import { ledgerOf, testCalendar } from './helpers.js';

describe('cases set aside for a date the calendars do not cover', () => {
  it('names the first uncovered counted column; uncounted dates leave the case in', () => {
    const ledger = ledgerOf({
      cases: [
        { case_id: 'A', received_on: '2019-05-06', notified_on: '2019-05-07', completed_on: '2019-06-03' },
        { case_id: 'B', received_on: '2026-10-09', completed_on: '2019-10-10' },
        { case_id: 'C', received_on: '2026-10-09', notified_on: '2019-01-02', completed_on: '2026-10-09' },
        { case_id: 'D', received_on: '2026-10-09', completed_on: undefined, result_notified_on: '2062-10-12', result: '办理中' },
        { case_id: 'E', received_on: '2026-10-12' },
      ],
    });
    const screened = setAsideUncountedDates(ledger, testCalendar(), '2026-10-31');
    expect(screened.sheets.cases!.map((r) => r.record.case_id)).toEqual(['C', 'D', 'E']);
    expect(screened.dataIssues.map((i) => [i.row, i.code, i.value, i.header])).toEqual([
      [2, 'outside-calendar', '2019-05-06', '受理日期'],
      [3, 'outside-calendar', '2019-10-10', '办结日期'],
    ]);
  });

  it('checks the columns of COUNTED_DATES, in that order', () => {
    expect(COUNTED_DATES.map(([key]) => key)).toEqual(['received_on', 'materials_completed_on', 'notified_on', 'completed_on', 'result_notified_on']);
  });

  it('the ledger itself when nothing is set aside', () => {
    const ledger = ledgerOf({ cases: [{ received_on: '2026-10-09' }] });
    expect(setAsideUncountedDates(ledger, testCalendar(), '2026-10-31')).toBe(ledger);
  });
});
