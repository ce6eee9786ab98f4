/** FirstRows must answer exactly as a map of every id would, whatever order the ids come in. */
import { describe, expect, test } from 'vitest';
import { FirstRows } from '../../src/ledger/first-rows.js';

/** The obvious model: one map of every id to its first row. */
function modelAnswers(ids: readonly string[]): (number | undefined)[] {
  const first = new Map<string, number>();
  return ids.map((id, row) => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, row);
    return seen;
  });
}

function answers(ids: readonly string[]): (number | undefined)[] {
  const firstRows = new FirstRows();
  return ids.map((id, row) => firstRows.firstRowOf(id, row));
}

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('FirstRows', () => {
  test('ids in order: each is new', () => {
    expect(answers(['SL-1', 'SL-2', 'SL-3'])).toEqual([undefined, undefined, undefined]);
  });

  test('a repeat of the last id, of an earlier id in the run, and of an out-of-order id', () => {
    const ids = ['B', 'D', 'D', 'A', 'F', 'B', 'A', 'C', 'C'];
    expect(answers(ids)).toEqual([undefined, undefined, 1, undefined, undefined, 0, 3, undefined, 7]);
  });

  test('an id the run passed by is new, and a later repeat of it names its own row', () => {
    expect(answers(['A', 'C', 'B', 'D', 'B'])).toEqual([undefined, undefined, undefined, undefined, 2]);
  });

  test.each([1, 2, 3, 4, 5])('random ids, mostly ascending with repeats and swaps (seed %i), agree with a map', (seed) => {
    const random = lcg(seed);
    const ids: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const r = random();
      if (r < 0.05 && ids.length > 0) ids.push(ids[Math.floor(random() * ids.length)]!);
      else if (r < 0.1) ids.push(`SL-2026-10-${String(Math.floor(random() * 4000)).padStart(6, '0')}`);
      else ids.push(`SL-2026-10-${String(i).padStart(6, '0')}`);
    }
    expect(answers(ids)).toEqual(modelAnswers(ids));
  });

  test('numbered ids growing a digit stay in the run and agree with a map', () => {
    const ids = ['SL-9998', 'SL-9999', 'SL-10000', 'SL-10001', 'SL-9999', 'SL-10000', 'SL-999', 'SL-999'];
    expect(answers(ids)).toEqual([undefined, undefined, undefined, undefined, 1, 2, undefined, 6]);
    expect(answers(ids)).toEqual(modelAnswers(ids));
  });

  test('descending ids agree with a map', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `K${String(1000 - (i % 400)).padStart(5, '0')}`);
    expect(answers(ids)).toEqual(modelAnswers(ids));
  });
});
