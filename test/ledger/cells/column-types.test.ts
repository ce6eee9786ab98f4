/**
 * The readers of text, yes/no, number, integer and list cells (src/ledger/cells/column-types.ts):
 * what each accepts, as what value, and the data issue code of what it refuses.
 */
import { describe, expect, test } from 'vitest';
import { parseBoolean, parseEnum, parseInteger, parseNumber, parseText } from '../../../src/ledger/cells/column-types.js';
import { sheetSpec } from '../../../src/ledger/columns.js';
import type { RawValue } from '../../../src/ledger/raw-value.js';

describe('parseText', () => {
  test.each([
    ['  王芳 ', '王芳'],
    ['王芳\u3000', '王芳'],
    [13812345678, '13812345678'],
    [12.5, '12.5'],
    [new Date(Date.UTC(2026, 9, 3)), '2026-10-03'],
    [true, '是'],
  ] as [RawValue, string][])('reads %j as %j', (value, expected) => {
    expect(parseText(value)).toEqual({ ok: true, value: expected });
  });

  test('keeps text as written (no folding of names)', () => {
    expect(parseText('ＡＢ岗')).toEqual({ ok: true, value: 'ＡＢ岗' });
  });
});

describe('parseBoolean', () => {
  const accepted: [RawValue, boolean][] = [
    ['是', true], ['否', false],
    ['Y', true], ['N', false], ['y', true], ['n', false],
    ['yes', true], ['no', false], ['YES', true], ['No', false],
    ['true', true], ['false', false], ['TRUE', true], ['False', false],
    ['1', true], ['0', false], [1, true], [0, false],
    ['√', true], ['×', false], ['✓', true], ['✗', false],
    [true, true], [false, false],
    [' 是 ', true], ['Ｙ', true], ['ｙｅｓ', true], ['１', true],
  ];

  const refused: RawValue[] = ['maybe', '有', '2', 2, -1, 0.5, '是的', 'x', new Date(Date.UTC(2026, 9, 3))];

  test.each(accepted)('reads %j as %s', (value, expected) => {
    expect(parseBoolean(value)).toEqual({ ok: true, value: expected });
  });

  test.each(refused.map((value) => [value]))('refuses %j as bad-boolean', (value) => {
    expect(parseBoolean(value)).toEqual({ ok: false, code: 'bad-boolean' });
  });
});

describe('parseNumber', () => {
  const accepted: [RawValue, number][] = [
    [1200, 1200], [12.5, 12.5], [0, 0], [-3, -3],
    ['1200', 1200], ['1,200', 1200], ['1,200,000.50', 1200000.5], ['1200元', 1200], ['1,200 元', 1200],
    ['¥1200', 1200], ['￥1,200', 1200], ['RMB 80', 80], ['80.5', 80.5], ['.5', 0.5], ['１２００', 1200],
    [' 30 ', 30], ['-5', -5],
  ];

  const refused: RawValue[] = ['abc', '12a', '1,20', '1,2000', '1.2.3', '', '元', true, new Date(Date.UTC(2026, 0, 1)), Number.NaN, Infinity];

  test.each(accepted)('reads %j as %d', (value, expected) => {
    expect(parseNumber(value)).toEqual({ ok: true, value: expected });
  });

  test.each(refused.map((value) => [value]))('refuses %j as bad-number', (value) => {
    expect(parseNumber(value)).toEqual({ ok: false, code: 'bad-number' });
  });
});

describe('parseInteger', () => {
  const accepted: [RawValue, number][] = [
    [5, 5], [0, 0], ['5', 5], ['5个工作日', 5], ['5工作日', 5], ['3天', 3], ['2次', 2], ['30分钟', 30],
    ['1,000', 1000], ['５', 5], [3.0000000000004, 3], ['2.0', 2],
  ];

  const refused: RawValue[] = [2.5, '2.5', 'abc', '五', '5 weeks', true, new Date(Date.UTC(2026, 0, 1))];

  test.each(accepted)('reads %j as %d', (value, expected) => {
    expect(parseInteger(value)).toEqual({ ok: true, value: expected });
  });

  test.each(refused.map((value) => [value]))('refuses %j as bad-integer', (value) => {
    expect(parseInteger(value)).toEqual({ ok: false, code: 'bad-integer' });
  });

  // 需补材料数 written as the one-time notice counts materials: `3项` was a data issue that set the
  // case aside, so the notice rules never judged it.
  test.each([['3项', 3], ['1 项', 1], ['2份', 2], ['３项', 3]] as [string, number][])('reads the materials count %j as %d', (value, expected) => {
    expect(parseInteger(value)).toEqual({ ok: true, value: expected });
  });

  test('leaves the minimum to the schema: a negative count is still a whole number here', () => {
    expect(parseInteger('-1')).toEqual({ ok: true, value: -1 });
  });
});

describe('parseEnum', () => {
  const kind = sheetSpec('cases').columns.find((column) => column.key === 'kind')!;
  const grade = sheetSpec('other').columns.find((column) => column.key === 'grade')!;

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
