/** isBlank and trimmed skip trim() on a first-character test; they must agree with trim() always. */
import { describe, expect, test } from 'vitest';
import { isBlank, trimmed } from '../../src/ledger/raw-value.js';

/** Every UTF-16 code unit, alone and around text. */
const SAMPLES: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
  const c = String.fromCharCode(code);
  SAMPLES.push(c, `${c}李明`, `李明${c}`, `${c}${c}`, `a${c}b`);
}

describe('isBlank and trimmed agree with String.prototype.trim', () => {
  test('on every code unit alone, leading, trailing, doubled and inside text', () => {
    const wrongBlank = SAMPLES.filter((s) => isBlank(s) !== (s.trim() === ''));
    const wrongTrim = SAMPLES.filter((s) => trimmed(s) !== s.trim());
    expect(wrongBlank.map((s) => s.codePointAt(0)?.toString(16))).toEqual([]);
    expect(wrongTrim.map((s) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' '))).toEqual([]);
  });

  test('empty, null and non-text cells', () => {
    expect([isBlank(''), isBlank(null), isBlank(undefined), isBlank(0), isBlank(false), isBlank(new Date(0))]).toEqual([true, true, true, false, false, false]);
    expect(trimmed('')).toBe('');
    expect(trimmed('\u3000 张三 \u3000')).toBe('张三');
  });
});
