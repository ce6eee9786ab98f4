import { describe, expect, test } from 'vitest';
import { validateRecord } from '../../src/ledger/record-schema.js';

const CASE = {
  case_id: 'SL-1',
  received_on: '2026-10-09',
  applicant: '王芳',
  item: '居住证办理',
  kind: '即办件',
  handler: '李明',
  materials_complete: true,
  result: '办结',
};

describe('validateRecord (ledger.schema.json through ajv)', () => {
  test('a complete record passes and gets the schema default visits = 1', () => {
    const record: Record<string, unknown> = { ...CASE };
    expect(validateRecord('cases', record)).toEqual([]);
    expect(record['visits']).toBe(1);
  });

  test('a given visits count is kept', () => {
    const record: Record<string, unknown> = { ...CASE, visits: 3 };
    validateRecord('cases', record);
    expect(record['visits']).toBe(3);
  });

  test('reports every missing required column', () => {
    const { handler: _handler, result: _result, ...record } = CASE;
    expect(validateRecord('cases', record)).toEqual([
      { column: 'handler', code: 'missing-required' },
      { column: 'result', code: 'missing-required' },
    ]);
  });

  test('minimum: negative fees and zero visits are out of range', () => {
    expect(validateRecord('cases', { ...CASE, fee: -1, visits: 0 })).toEqual([
      { column: 'visits', code: 'out-of-range', params: { minimum: 1 } },
      { column: 'fee', code: 'out-of-range', params: { minimum: 0 } },
    ]);
  });

  test('enum and date format are checked again at the gate', () => {
    expect(validateRecord('cases', { ...CASE, kind: '普通件', completed_on: '2026-02-30' })).toEqual([
      { column: 'kind', code: 'bad-enum', params: { allowed: '即办件 / 承诺件 / 上报件' } },
      { column: 'completed_on', code: 'bad-date' },
    ]);
  });

  test('a key set to undefined is an empty cell: absent, so a required one is missing and a default applies', () => {
    // The sheet reader builds every record with every header column as a key (record-factory.ts).
    const record: Record<string, unknown> = { ...CASE, phone: undefined, visits: undefined, handler: undefined };
    expect(validateRecord('cases', record)).toEqual([{ column: 'handler', code: 'missing-required' }]);
    expect(record['visits']).toBe(1);
  });

  test('minLength counts code points, as a person does: one CJK Extension B character is a name', () => {
    expect(validateRecord('staff', { name: '𠀀' })).toEqual([]);
    expect(validateRecord('staff', { name: '' })).toEqual([{ column: 'name', code: 'missing-required' }]);
  });

  test('each sheet has its own schema', () => {
    expect(validateRecord('center', { center: '城东中心' })).toEqual([]);
    expect(validateRecord('other', { date: '2026-10-01', staff: '王强', description: 'x', grade: 'criticism' })).toEqual([
      { column: 'grade', code: 'bad-enum', params: { allowed: '提醒 / 批评教育 / 通报批评 / 扣除奖金' } },
    ]);
  });
});
