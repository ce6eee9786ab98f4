/** nearKeys: the "did you mean" list of an unknown --explain key. */
import { describe, expect, it } from 'vitest';
import { editDistance, foldKey, nearKeys } from '../../src/explain/find-target.js';

describe('near keys', () => {
  it('edit distance', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('李敏@2026-10-3', '李敏@2026-10-23')).toBe(1);
  });

  it('folds full-width characters and case', () => {
    expect(foldKey(' ＳＬ－2026 ')).toBe('sl-2026');
  });

  it('ranks by distance, keeps containing keys, drops far ones', () => {
    const keys = ['SL-2026-10-0009', 'SL-2026-10-0019', 'SL-2026-10-0900', '低保申请', '李敏', '李敏@2026-10-23', 'center'];
    expect(nearKeys('SL-2026-10-009', keys, 2)).toEqual(['SL-2026-10-0009', 'SL-2026-10-0019']);
    expect(nearKeys('低保', keys)).toEqual(['低保申请']);
    expect(nearKeys('李敏@2026-10-3', keys)[0]).toBe('李敏@2026-10-23');
    expect(nearKeys('zzzzzzzzzzzz', keys)).toEqual([]);
    expect(nearKeys('', keys)).toEqual([]);
  });
});
