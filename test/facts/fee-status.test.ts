/** fee_status / fee_standard (办事公开制/三): the (事项名称, 收费项目) pair against the posted fee schedule. */
import { describe, expect, it } from 'vitest';
import { buildScopeRecords } from '../../src/facts/build.js';
import type { CaseRecord, ItemRecord } from '../../src/ledger/types.js';
import { contextOf, ledgerOf } from './helpers.js';

const schedule: Partial<ItemRecord>[] = [
  { item: '居住证办理', procedure_posted: true, fee_item: '工本费', fee_standard: 20, fee_basis: '省物价局文件', fee_posted: true },
  { item: '居住证办理', fee_item: '照片费', fee_standard: 10, fee_posted: true },
  { item: '居住证办理', fee_item: '加急费', fee_standard: 50, fee_posted: false },
  { item: '证明开具', procedure_posted: true },
];

function feeOf(fields: Partial<CaseRecord>, items: Partial<ItemRecord>[] | null = schedule) {
  const input = items ? { cases: [fields], items } : { cases: [fields] };
  const facts = buildScopeRecords(contextOf(ledgerOf(input))).case[0]!.facts;
  return { status: facts.fee_status, standard: facts.fee_standard };
}

describe('fee_status', () => {
  it.each([
    ['no fee', { item: '居住证办理' }, 'none', null],
    ['a fee of 0', { item: '居住证办理', fee_item: '工本费', fee: 0 }, 'none', 20],
    ['posted and within the standard', { item: '居住证办理', fee_item: '工本费', fee: 20 }, 'posted', 20],
    ['above the standard', { item: '居住证办理', fee_item: '工本费', fee: 25 }, 'above-standard', 20],
    ['a line that is not posted', { item: '居住证办理', fee_item: '加急费', fee: 30 }, 'not-posted', 50],
    ['a posted line without its 收费依据', { item: '居住证办理', fee_item: '照片费', fee: 10 }, 'no-basis', 10],
    ['above the standard of a line without its 收费依据: the handler\'s part is checked first', { item: '居住证办理', fee_item: '照片费', fee: 15 }, 'above-standard', 10],
    ['a fee item not in the schedule', { item: '居住证办理', fee_item: '资料费', fee: 5 }, 'not-in-schedule', null],
    ['a fee with no fee item', { item: '居住证办理', fee: 5 }, 'not-in-schedule', null],
    ['an item listed without fees', { item: '证明开具', fee_item: '工本费', fee: 5 }, 'not-in-schedule', null],
    ['an item not listed at all', { item: '未列事项', fee_item: '工本费', fee: 5 }, 'not-in-schedule', null],
  ] as const)('%s', (_label, fields, status, standard) => {
    expect(feeOf(fields as Partial<CaseRecord>)).toEqual({ status, standard });
  });

  it('a fee item of another item does not match (the pair counts, not the fee item alone)', () => {
    expect(feeOf({ item: '证明开具', fee_item: '加急费', fee: 10 }).status).toBe('not-in-schedule');
  });

  it('is null without the items sheet: unknown, not a violation', () => {
    expect(feeOf({ item: '居住证办理', fee_item: '工本费', fee: 20 }, null)).toEqual({ status: null, standard: null });
  });
});
