/** RepeatedKeys: which record ids repeat an earlier row's, found after the sheet's last row. */
import { describe, expect, test } from 'vitest';
import { hashOf, RepeatedKeys } from '../../src/ledger/repeated-keys.js';

function repeatsOf(ids: readonly string[]): [string, number, number][] {
  const keys = new RepeatedKeys();
  ids.forEach((id, i) => keys.add(id, i + 2));
  return keys.repeats().map((repeat) => [repeat.key, repeat.rowNumber, repeat.firstRow]);
}

describe('RepeatedKeys', () => {
  test('each later row repeating an id names the row it first appeared in, in row order', () => {
    expect(repeatsOf(['SL-9', 'SL-10', 'SL-2', 'SL-10', 'SL-9', 'SL-1', 'SL-2', 'SL-9'])).toEqual([
      ['SL-10', 5, 3],
      ['SL-9', 6, 2],
      ['SL-2', 8, 4],
      ['SL-9', 9, 2],
    ]);
  });

  test('no repeats, none found; no ids at all, none found', () => {
    expect(repeatsOf(Array.from({ length: 5000 }, (_, i) => `SL-${i}`))).toEqual([]);
    expect(repeatsOf([])).toEqual([]);
  });

  test('two different ids with the same hash are not a repeat; each one repeated is', () => {
    // Found by search: these two ids share their 32-bit FNV-1a hash.
    const [a, b] = ['SL-2026-179599', 'SL-2026-362382'];
    expect(hashOf(a)).toBe(hashOf(b));
    expect(repeatsOf([a, 'x', b])).toEqual([]);
    expect(repeatsOf([a, b, b, a])).toEqual([
      [b, 4, 3],
      [a, 5, 2],
    ]);
  });

  test('grows past its first capacity and still finds a repeat at the far end', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `SL-2026-${i}`);
    ids.push('SL-2026-7');
    expect(repeatsOf(ids)).toEqual([['SL-2026-7', 100_002, 9]]);
  });
});
