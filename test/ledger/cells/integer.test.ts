import { describe, expect, test } from 'vitest';
import { parseInteger } from '../../../src/ledger/cells/integer.js';
import type { RawValue } from '../../../src/ledger/raw-value.js';

const accepted: [RawValue, number][] = [
  [5, 5], [0, 0], ['5', 5], ['5个工作日', 5], ['5工作日', 5], ['3天', 3], ['2次', 2], ['30分钟', 30],
  ['1,000', 1000], ['５', 5], [3.0000000000004, 3], ['2.0', 2],
];

const refused: RawValue[] = [2.5, '2.5', 'abc', '五', '5 weeks', true, new Date(Date.UTC(2026, 0, 1))];

describe('parseInteger', () => {
  test.each(accepted)('reads %j as %d', (value, expected) => {
    expect(parseInteger(value)).toEqual({ ok: true, value: expected });
  });

  test.each(refused.map((value) => [value]))('refuses %j as bad-integer', (value) => {
    expect(parseInteger(value)).toEqual({ ok: false, code: 'bad-integer' });
  });

  test('leaves the minimum to the schema: a negative count is still a whole number here', () => {
    expect(parseInteger('-1')).toEqual({ ok: true, value: -1 });
  });
});
