import { describe, expect, test } from 'vitest';
import { parseBoolean } from '../../../src/ledger/cells/boolean.js';
import type { RawValue } from '../../../src/ledger/raw-value.js';

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

describe('parseBoolean', () => {
  test.each(accepted)('reads %j as %s', (value, expected) => {
    expect(parseBoolean(value)).toEqual({ ok: true, value: expected });
  });

  test.each(refused.map((value) => [value]))('refuses %j as bad-boolean', (value) => {
    expect(parseBoolean(value)).toEqual({ ok: false, code: 'bad-boolean' });
  });
});
