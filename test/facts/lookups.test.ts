/** The per-run indexes and aggregates every scope shares. */
import { describe, expect, it } from 'vitest';
import { buildLookups } from '../../src/facts/lookups.js';
import { columnFacts, newFacts } from '../../src/facts/fact-template.js';
import { factNames } from '../../src/facts/catalogue.js';
import { COLUMN_SHEET } from '../../src/facts/scopes.js';
import { sheetSpec } from '../../src/ledger/columns.js';
import { contextOf, ledgerOf } from './helpers.js';

describe('buildLookups', () => {
  const ledger = ledgerOf({
    cases: [
      { handler: '李敏', item: '证明开具', received_on: '2026-10-12', error: true },
      { handler: '王芳', item: '居住证办理', received_on: '2026-10-03' },
      { handler: '李敏', item: '居住证办理', received_on: '2026-10-02', error: true },
    ],
    items: [{ item: '居住证办理', fee_item: '工本费' }, { item: '居住证办理', fee_item: '加急费', statutory_days: 15 }],
    handovers: [{ date: '2026-10-09', absent_staff: '王芳', cover: '李敏' }],
    staff: [{ name: '王芳' }, { name: '王芳', position: '重复行' }],
  });
  const lookups = buildLookups(contextOf(ledger), ledger.sheets.cases!);

  it('aggregates per handler in order of first appearance', () => {
    expect([...lookups.people]).toEqual([
      ['李敏', { handledCount: 2, errorCount: 2, firstCaseRow: 2 }],
      ['王芳', { handledCount: 1, errorCount: 0, firstCaseRow: 3 }],
    ]);
  });

  it('aggregates per handled item with its earliest case date', () => {
    expect([...lookups.handledItems]).toEqual([
      ['证明开具', { handledCount: 1, firstCaseRow: 2, firstCaseDate: '2026-10-12', feeItemsCharged: [] }],
      ['居住证办理', { handledCount: 2, firstCaseRow: 3, firstCaseDate: '2026-10-02', feeItemsCharged: [] }],
    ]);
  });

  it('indexes items (all rows of an item), handovers by person and date, the board by first row', () => {
    expect(lookups.items!.get('居住证办理')!.map((r) => r.row)).toEqual([2, 3]);
    expect(lookups.handovers!.covers('王芳', '2026-10-09')).toBe(true);
    expect(lookups.handovers!.covers('王芳', '2026-10-12')).toBe(false);
    expect(lookups.handovers!.covers('李敏', '2026-10-09')).toBe(false);
    expect(lookups.board!.get('王芳')!.row).toBe(2);
  });

  it('absent sheets give undefined indexes, not empty ones', () => {
    const bare = ledgerOf({ cases: [{}] });
    const l = buildLookups(contextOf(bare), bare.sheets.cases!);
    expect([l.items, l.handovers, l.board]).toEqual([undefined, undefined, undefined]);
  });
});

describe('fact objects', () => {
  it('newFacts has every fact of the scope, null, and a fresh object each time', () => {
    const a = newFacts('attendance');
    expect(Object.keys(a)).toEqual(factNames('attendance'));
    expect(Object.values(a).every((v) => v === null)).toBe(true);
    a.staff = '王芳';
    expect(newFacts('attendance').staff).toBeNull();
  });

  it('columnFacts: empty → null, schema default applied, unknown properties ignored, derived facts null', () => {
    const facts = columnFacts('case', { case_id: 'A', visits: undefined, fee: 0, materials_complete: false, stray: 1 });
    expect(Object.keys(facts)).toEqual(factNames('case'));
    expect(facts.case_id).toBe('A');
    expect(facts.visits).toBe(1);
    expect([facts.fee, facts.materials_complete]).toEqual([0, false]);
    expect(facts.note).toBeNull();
    expect(facts.overdue_days).toBeNull();
    expect('stray' in facts).toBe(false);
  });

  it('columnFacts without a record (a person not on the staff sheet): every fact null', () => {
    const facts = columnFacts('staff', undefined);
    expect(Object.keys(facts)).toEqual(factNames('staff'));
    expect(Object.values(facts).every((v) => v === null)).toBe(true);
  });

  it.each(['case', 'complaint', 'attendance', 'staff', 'item', 'center', 'other'] as const)('every column of the %s sheet is a fact of its scope', (scope) => {
    const sheet = COLUMN_SHEET[scope]!;
    expect(factNames(scope)).toEqual(expect.arrayContaining(sheetSpec(sheet).columns.map((column) => column.key)));
  });
});
