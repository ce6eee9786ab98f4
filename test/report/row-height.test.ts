/**
 * textWidth remembers each character's East Asian width; it must count exactly as asking
 * get-east-asian-width for every code point of the text does (the row heights depend on it).
 * RowHeights takes text that fits at 2 digits a character as one line unmeasured, and measures
 * every other text once per book: its heights must be those of measuring every cell.
 */
import ExcelJS from 'exceljs';
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { lineHeight, RowHeights, textWidth, wrappedLines } from '../../src/report/xlsx/row-height.js';
import { TABLE_FONT_SIZE } from '../../src/report/xlsx/style.js';

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

describe('RowHeights', () => {
  /** The height as first written: every wrapped cell measured, no text taken as one line unseen. */
  function measuredHeight(texts: string[], width: number, size: number): number {
    const lines = Math.max(1, ...texts.map((t) => wrappedLines(t, width, size)));
    return lines * lineHeight(size) + 2;
  }

  it('sizes a row as measuring every wrapped cell does, at and around the one-line bound', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    const heights = new RowHeights();
    const wide = (n: number) => '办'.repeat(n);
    // Width 10 holds 5 wide characters at 10.5 pt, 10 / (2 × 9 / 10.5) of them at 9 pt.
    const texts = [wide(5), wide(6), 'a'.repeat(5), 'a'.repeat(9), 'a'.repeat(10), '𠮷'.repeat(2), '𠮷'.repeat(3), `${wide(2)}\n${wide(2)}`, '', wide(40), 'ab\ncd\n'];
    const mismatched: string[] = [];
    for (const size of [10.5, TABLE_FONT_SIZE]) {
      for (const width of [1, 9.9, 10, 10.2, 30]) {
        // Every text twice, the second time as remembered.
        for (const text of [...texts, ...texts]) {
          const row = ws.addRow([text, 'x']);
          row.getCell(1).style = { alignment: { wrapText: true }, font: { size } };
          row.getCell(2).style = { font: { size } };
          const got = heights.rowHeight(row, (column) => (column === 1 ? width : 8.43));
          if (got !== measuredHeight([text], width, size)) mismatched.push(`${JSON.stringify(text)} width ${width} size ${size}: ${got}`);
        }
      }
    }
    expect(mismatched).toEqual([]);
  });
});
