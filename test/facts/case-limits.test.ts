/** Each case's limit worked out once per audit and shared by the facts, 按期办结率 and the warnings. */
import { describe, expect, it } from 'vitest';
import { caseLimits } from '../../src/facts/case-limits.js';
import { caseLimit } from '../../src/facts/deadline.js';
import type { LedgerRow } from '../../src/ledger/types.js';
import { caseOf, contextOf, ledgerOf, testCalendar } from './helpers.js';

const items = [
  { item: '居住证办理', fee_item: '工本费' },
  { item: '居住证办理', fee_item: '加急费', statutory_days: 15 },
  { item: '居住证办理', statutory_days: 30 },
  { item: '证明开具', statutory_days: 3 },
];

describe('caseLimits', () => {
  it("finds each item's 法定时限 on its first row that gives one; null for an unlisted item or without the items sheet", () => {
    const limits = caseLimits(contextOf(ledgerOf({ cases: [], items })));
    expect([limits.statutoryDays('居住证办理'), limits.statutoryDays('证明开具'), limits.statutoryDays('户籍迁移')]).toEqual([15, 3, null]);
    expect(caseLimits(contextOf(ledgerOf({ cases: [] }))).statutoryDays('居住证办理')).toBeNull();
  });

  it('gives every kind of case the limit caseLimit gives it, asked once or again', () => {
    const ledger = ledgerOf({
      items,
      cases: [
        { kind: '承诺件', promised_days: 5, received_on: '2026-09-23' },
        { kind: '承诺件', promised_days: 20, received_on: '2026-10-08' },
        { kind: '上报件', received_on: '2026-10-08' },
        { kind: '即办件', item: '证明开具', received_on: '2026-10-12' },
        { kind: '承诺件', promised_days: 5, result: '退回补正' },
        { kind: '承诺件', item: '户籍迁移' },
        { kind: '承诺件', promised_days: 10, received_on: '2026-12-28', completed_on: undefined },
        { kind: '承诺件', promised_days: 2, received_on: '2026-10-12', materials_completed_on: '2026-10-19' },
      ],
    });
    const ctx = contextOf(ledger);
    const limits = caseLimits(ctx);
    const expected = ledger.sheets.cases!.map((row) => caseLimit(row.record, limits.statutoryDays(row.record.item), testCalendar()));
    expect(expected.map((l) => l.basis)).toEqual(['promise', 'promise-capped', 'statutory', 'statutory', 'with-applicant', 'none', 'promise', 'promise']);
    expect(expected[6]!.after).toBe(testCalendar().lastDay);
    expect(ledger.sheets.cases!.map((row) => limits.of(row))).toEqual(expected);
    expect(ledger.sheets.cases!.map((row) => limits.of(row))).toEqual(expected);
  });

  it('is one per audit context: the facts, the figures and the warnings of one audit share it', () => {
    const ledger = ledgerOf({ cases: [{}] });
    const ctx = contextOf(ledger);
    expect(caseLimits(ctx)).toBe(caseLimits(ctx));
    expect(caseLimits(contextOf(ledger))).not.toBe(caseLimits(ctx));
  });

  it('does not hand a case the limit kept for another row of the same row number', () => {
    const ledger = ledgerOf({ items, cases: [{ kind: '承诺件', promised_days: 2, received_on: '2026-10-12' }] });
    const limits = caseLimits(contextOf(ledger));
    const first = ledger.sheets.cases![0]!;
    const other: LedgerRow<'cases'> = { sheet: 'cases', row: first.row, record: caseOf({ kind: '承诺件', promised_days: 9, received_on: '2026-10-12' }) };
    expect(limits.of(first).deadline).toBe('2026-10-14');
    expect(limits.of(other).deadline).toBe('2026-10-23');
    expect(limits.of(first).deadline).toBe('2026-10-14');
  });

  it('works out a case whose row number lies past the sheet it was sized for', () => {
    const ledger = ledgerOf({ cases: [{}] });
    const limits = caseLimits(contextOf(ledger));
    const far: LedgerRow<'cases'> = { sheet: 'cases', row: 10_000, record: caseOf({ kind: '承诺件', promised_days: 2, received_on: '2026-10-12' }) };
    expect(limits.of(far).deadline).toBe('2026-10-14');
  });

  it('a case whose clock starts in no loaded year throws every time it is asked, and is never remembered as worked out', () => {
    const ledger = ledgerOf({ cases: [{ kind: '承诺件', promised_days: 2, received_on: '2019-05-06' }] });
    const limits = caseLimits(contextOf(ledger));
    const row = ledger.sheets.cases![0]!;
    expect(() => limits.of(row)).toThrow(/2019/);
    expect(() => limits.of(row)).toThrow(/2019/);
  });
});
