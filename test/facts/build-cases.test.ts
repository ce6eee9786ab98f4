/** buildScopeRecords for cases: which cases are audited, column facts, item lookups, calendar errors. */
import { describe, expect, it } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import { factNames } from '../../src/facts/catalogue.js';
import { contextOf, ledgerOf } from './helpers.js';

const keysOf = (input: Parameters<typeof ledgerOf>[0], options?: Parameters<typeof contextOf>[1]) =>
  buildScopeRecords(contextOf(ledgerOf(input), options)).case.map((r) => r.ref.key);

describe('which cases are built (their events decide what the period judges)', () => {
  it('takes cases received in the period', () => {
    expect(keysOf({ cases: [{ case_id: 'A', received_on: '2026-10-01' }, { case_id: 'B', received_on: '2026-10-31' }] })).toEqual(['A', 'B']);
  });

  it('takes every case received by as-of, older ones too: an older case may have an event in the period', () => {
    const keys = keysOf({
      cases: [
        { case_id: 'open', received_on: '2026-08-20', completed_on: undefined, result: '办理中' },
        { case_id: 'done-in-period', received_on: '2026-09-28', completed_on: '2026-10-09' },
        { case_id: 'done-before', received_on: '2026-09-10', completed_on: '2026-09-15' },
      ],
    });
    expect(keys).toEqual(['open', 'done-in-period', 'done-before']);
  });

  it('leaves out cases of a later month and cases received after as-of', () => {
    const keys = keysOf(
      { cases: [{ case_id: 'early', received_on: '2026-10-05' }, { case_id: 'late', received_on: '2026-10-20' }, { case_id: 'nov', received_on: '2026-11-02' }] },
      { asOf: '2026-10-15' },
    );
    expect(keys).toEqual(['early']);
  });

  it('an older case completed after as-of is still open on as-of and audited', () => {
    expect(keysOf({ cases: [{ case_id: 'X', received_on: '2026-09-10', completed_on: '2026-10-25' }] }, { asOf: '2026-10-20' })).toEqual(['X']);
  });
});

describe('case records', () => {
  it('carry every fact of the case scope, null for empty cells and visits defaulting to 1', () => {
    const [record] = buildScopeRecords(contextOf(ledgerOf({ cases: [{ case_id: 'A', visits: undefined as unknown as number }] }))).case;
    expect(Object.keys(record!.facts).sort()).toEqual(factNames('case').sort());
    expect(record!.facts.visits).toBe(1);
    expect(record!.facts.phone).toBeNull();
    expect(record!.facts.notified).toBeNull();
  });

  it('ref and date: the cases row, 受理编号, 受理日期', () => {
    const [, second] = buildScopeRecords(contextOf(ledgerOf({ cases: [{ case_id: 'A' }, { case_id: 'B', received_on: '2026-10-09' }] }))).case;
    expect(second!.ref).toEqual({ sheet: 'cases', row: 3, key: 'B' });
    expect(second!.date).toBe('2026-10-09');
  });

  it('statutory_days comes from the items sheet, null when the item is not listed or the sheet is absent', () => {
    const items = [{ item: '居住证办理', statutory_days: 10 }];
    const listed = buildScopeRecords(contextOf(ledgerOf({ cases: [{ item: '居住证办理' }, { item: '别的事项' }], items }))).case;
    expect(listed.map((r) => r.facts.statutory_days)).toEqual([10, null]);
    const absent = buildScopeRecords(contextOf(ledgerOf({ cases: [{ item: '居住证办理' }] }))).case;
    expect(absent[0]!.facts.statutory_days).toBeNull();
    expect(absent[0]!.facts.fee_status).toBeNull();
  });
});

describe('a date outside the calendar', () => {
  it('is fatal and names the sheet, row and record', () => {
    const ledger = ledgerOf({ cases: [{ case_id: 'OLD', received_on: '2019-05-06', kind: '承诺件', promised_days: 3, completed_on: undefined }] });
    let caught: unknown;
    try {
      buildScopeRecords(contextOf(ledger));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DutyAuditError);
    const e = caught as DutyAuditError;
    expect(e.code).toBe('date-outside-calendar');
    expect(e.message).toContain('row 2');
    expect(e.message).toContain('OLD');
    expect(e.message).toContain('受理日期 2019-05-06');
    expect(e.hint).toContain('cn-YYYY.json');
  });

  it('a date after as-of has not happened yet on as-of: a 结果告知日期 typed 2062-10-12 is not yet told, not a calendar error', () => {
    const ledger = ledgerOf({ cases: [{ case_id: 'TYPO', received_on: '2026-10-09', completed_on: '2026-10-09', result_notified_on: '2062-10-12' }] });
    const facts = buildScopeRecords(contextOf(ledger)).case[0]!.facts;
    expect(facts.result_notice_missing).toBe(true);
    // 10-10 (make-up Saturday), 10-12 … 10-30: told by as-of? No: counted to as-of.
    expect(facts.result_notice_delay).toBe(16);
  });

  it('an as-of outside the calendar stops the run before any record', () => {
    const ledger = ledgerOf({ cases: [{ received_on: '2030-01-10' }] });
    expect(() => buildScopeRecords(contextOf(ledger, { period: '2030-01', asOf: '2030-01-31' }))).toThrow(/as-of date 2030-01-31 is outside/);
  });

  it('a deadline running past the last loaded year is after every as-of the calendars can judge: not yet overdue, shown "after 2026-12-31" (regression: a December audit exited 2)', () => {
    const ledger = ledgerOf({ cases: [{ received_on: '2026-12-28', kind: '承诺件', promised_days: 10, completed_on: undefined, result: '办理中' }] });
    const facts = buildScopeRecords(contextOf(ledger, { period: '2026-12', asOf: '2026-12-31' })).case[0]!.facts;
    expect([facts.deadline, facts.deadline_after, facts.overdue_days, facts.limit_days]).toEqual([null, '2026-12-31', 0, 10]);
  });

  it('an as-of past the calendars is still an error: it must be judged', () => {
    const ledger = ledgerOf({ cases: [{ received_on: '2026-12-28' }] });
    expect(() => buildScopeRecords(contextOf(ledger, { period: '2027-01', asOf: '2027-01-10' }))).toThrow(/as-of date 2027-01-10 is outside/);
  });
});
