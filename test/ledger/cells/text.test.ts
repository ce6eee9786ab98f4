import { describe, expect, test } from 'vitest';
import { parseText } from '../../../src/ledger/cells/text.js';
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
