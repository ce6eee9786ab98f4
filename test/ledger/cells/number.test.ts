import { describe, expect, test } from 'vitest';
import { parseNumber } from '../../../src/ledger/cells/number.js';
import type { RawValue } from '../../../src/ledger/raw-value.js';

const accepted: [RawValue, number][] = [
  [1200, 1200], [12.5, 12.5], [0, 0], [-3, -3],
  ['1200', 1200], ['1,200', 1200], ['1,200,000.50', 1200000.5], ['1200元', 1200], ['1,200 元', 1200],
  ['¥1200', 1200], ['￥1,200', 1200], ['RMB 80', 80], ['80.5', 80.5], ['.5', 0.5], ['１２００', 1200],
  [' 30 ', 30], ['-5', -5],
];

const refused: RawValue[] = ['abc', '12a', '1,20', '1,2000', '1.2.3', '', '元', true, new Date(Date.UTC(2026, 0, 1)), Number.NaN, Infinity];

describe('parseNumber', () => {
  test.each(accepted)('reads %j as %d', (value, expected) => {
    expect(parseNumber(value)).toEqual({ ok: true, value: expected });
  });

  test.each(refused.map((value) => [value]))('refuses %j as bad-number', (value) => {
    expect(parseNumber(value)).toEqual({ ok: false, code: 'bad-number' });
  });
});
