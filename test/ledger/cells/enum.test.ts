import { describe, expect, test } from 'vitest';
import { parseEnum } from '../../../src/ledger/cells/enum.js';
import { sheetSpec } from '../../../src/ledger/columns.js';
import type { RawValue } from '../../../src/ledger/raw-value.js';

const kind = sheetSpec('cases').columns.find((column) => column.key === 'kind')!;
const grade = sheetSpec('other').columns.find((column) => column.key === 'grade')!;

describe('parseEnum', () => {
  test.each([
    ['承诺件', '承诺件'],
    [' 即办件 ', '即办件'],
    ['上报 件', '上报件'],
  ] as [RawValue, string][])('reads %j as the listed value %s', (value, expected) => {
    expect(parseEnum(value, kind)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['reminder', '提醒'],
    ['Criticism', '批评教育'],
    ['NOTICE', '通报批评'],
    ['deduction', '扣除奖金'],
    ['通报批评', '通报批评'],
  ] as [RawValue, string][])('accepts the schema alias %j for 建议等级 (%s)', (value, expected) => {
    expect(parseEnum(value, grade)).toEqual({ ok: true, value: expected });
  });

  test.each([['承诺'], ['普通件'], [true], [5]] as [RawValue][])('refuses %j as bad-enum, listing the allowed values', (value) => {
    expect(parseEnum(value, kind)).toEqual({ ok: false, code: 'bad-enum', params: { allowed: '即办件 / 承诺件 / 上报件' } });
  });

  test('aliases belong to their column only', () => {
    expect(parseEnum('reminder', kind).ok).toBe(false);
  });
});
