/**
 * setAsideUncountedDates (src/facts/calendar-screen.ts): a case with a counted date no calendar
 * covers is set aside on the first such column, in the order of COUNTED_DATES; dates that are
 * not counted (before the 受理日期, after as-of) leave the case in.
 */
import { describe, expect, it } from 'vitest';
import { COUNTED_DATES, setAsideUncountedDates } from '../../src/facts/calendar-screen.js';
import { YearCalendar } from '../../src/calendar/calendar.js';
import { ledgerOf, testCalendar } from './helpers.js';

/** 2024 and 2026 without 2025 between them: every date of 2025 is uncovered. */
function gapYearCalendar(): YearCalendar {
  return new YearCalendar([2024, 2026].map((year) => ({ year, source: 'test', holidays: [], workdays: [] })));
}

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

  // With the shipped calendars (no gap years) only the 受理日期 and the 办结日期 can be
  // uncovered: the other counted dates must fall after the 受理日期 and before the last loaded
  // day. A calendar with a gap year (2024 and 2026, no 2025) reaches every column.
  it.each(COUNTED_DATES.map(([key, zh], index) => [zh, key, index] as const))(
    'checks every column of COUNTED_DATES, in that order: %s when it and every later one fall in a gap year',
    (zh, key, index) => {
      const received = index === 0 ? '2025-03-03' : '2024-12-30';
      const record: Record<string, string> = { received_on: received, completed_on: '2024-12-31' };
      COUNTED_DATES.slice(index).forEach(([later], offset) => (record[later] = `2025-03-${String(10 + offset).padStart(2, '0')}`));
      const ledger = ledgerOf({ cases: [record, { received_on: '2026-10-09' }] });
      const screened = setAsideUncountedDates(ledger, gapYearCalendar(), '2026-10-31');
      expect(screened.sheets.cases!.map((r) => r.record.received_on)).toEqual(['2026-10-09']);
      expect(screened.dataIssues.map((i) => [i.row, i.code, i.header, i.value, i.params])).toEqual([
        [2, 'outside-calendar', zh, record[key], { years: '2024, 2026', year: '2025' }],
      ]);
    },
  );

  it('a counted date in a gap year that is not counted (before the 受理日期) leaves the case in', () => {
    const ledger = ledgerOf({ cases: [{ received_on: '2026-01-05', notified_on: '2025-12-31', completed_on: '2026-01-06' }] });
    expect(setAsideUncountedDates(ledger, gapYearCalendar(), '2026-10-31')).toBe(ledger);
  });

  it('the ledger itself when nothing is set aside', () => {
    const ledger = ledgerOf({ cases: [{ received_on: '2026-10-09' }] });
    expect(setAsideUncountedDates(ledger, testCalendar(), '2026-10-31')).toBe(ledger);
  });
});

describe('cases set aside for a 办结日期 that contradicts the row (regression: read as open, they ran overdue)', () => {
  it('a finished case (办结, 不予办理) with no 办结日期 is set aside on that cell; an open, forwarded or returned one is not', () => {
    const ledger = ledgerOf({
      cases: [
        { case_id: 'DONE', received_on: '2026-10-08', kind: '承诺件', promised_days: 3, completed_on: undefined, result: '办结', result_notified_on: '2026-10-12' },
        { case_id: 'REFUSED', received_on: '2026-10-08', completed_on: undefined, result: '不予办理', refusal_reason: '不符合条件' },
        { case_id: 'OPEN', received_on: '2026-10-08', completed_on: undefined, result: '办理中' },
        { case_id: 'FORWARDED', received_on: '2026-10-08', kind: '上报件', completed_on: undefined, result: '已转报' },
        { case_id: 'RETURNED', received_on: '2026-10-08', completed_on: undefined, result: '退回补正' },
      ],
    });
    const screened = setAsideUncountedDates(ledger, testCalendar(), '2026-10-31');
    expect(screened.sheets.cases!.map((r) => r.record.case_id)).toEqual(['OPEN', 'FORWARDED', 'RETURNED']);
    expect(screened.dataIssues.map((i) => [i.row, i.code, i.header, i.value, i.params])).toEqual([
      [2, 'missing-completion-date', '办结日期', '', { result: '办结' }],
      [3, 'missing-completion-date', '办结日期', '', { result: '不予办理' }],
    ]);
    expect(screened.dataIssues[0]!.message).toBe('the result is "办结" but 办结日期 is empty: fill in the completion date, or set the result to 办理中');
    expect(screened.accounts.cases).toEqual({ rowsRead: 5, rowsEvaluated: 3, rowsSetAside: 2 });
  });

  it('a 办结日期 before the 受理日期 is set aside; one on the 受理日期 or after it is not', () => {
    const ledger = ledgerOf({
      cases: [
        { case_id: 'BEFORE', received_on: '2026-10-12', kind: '即办件', completed_on: '2026-10-09' },
        { case_id: 'SAME', received_on: '2026-10-12', kind: '即办件', completed_on: '2026-10-12' },
        { case_id: 'AFTER', received_on: '2026-10-12', completed_on: '2026-10-13' },
      ],
    });
    const screened = setAsideUncountedDates(ledger, testCalendar(), '2026-10-31');
    expect(screened.sheets.cases!.map((r) => r.record.case_id)).toEqual(['SAME', 'AFTER']);
    expect(screened.dataIssues.map((i) => [i.row, i.code, i.header, i.value, i.params])).toEqual([[2, 'completed-before-receipt', '办结日期', '2026-10-09', { received: '2026-10-12' }]]);
  });
});
