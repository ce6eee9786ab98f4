/**
 * textWidth remembers each character's East Asian width; it must count exactly as asking
 * get-east-asian-width for every code point of the text does (the row heights depend on it).
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/report/xlsx/row-height.js';

/** The width as first written: every code point asked for, in order. */
function askedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true }) === 2 ? 2 : 1.1;
  return width;
}

describe('textWidth', () => {
  it('counts every character of the Basic Multilingual Plane as get-east-asian-width does', () => {
    const differing: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      // Twice: the first call looks the width up, the second reads what it remembered.
      if (textWidth(ch) !== askedWidth(ch) || textWidth(ch + ch) !== askedWidth(ch + ch)) differing.push(cp);
    }
    expect(differing).toEqual([]);
  });

  it('takes a surrogate pair as one character and a lone half as one of its own', () => {
    const texts = ['𠀋', '承诺件𠮷野家😀', 'a\uD83D', '\uDE00b', '\uD83D\uD83D\uDE00', '“延期”—…', 'SL-2026-10-000123 逾期未办结'];
    for (const text of texts) expect(textWidth(text), text).toBe(askedWidth(text));
    expect(textWidth('𠮷')).toBe(2);
    expect(textWidth('\uD83Da')).toBe(1.1 + 1.1);
  });
});
