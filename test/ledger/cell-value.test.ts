import { describe, expect, test } from 'vitest';
import { rawFromExcel, rawFromFormula } from '../../src/ledger/xlsx/cell-value.js';

const plain = { shiftDatesTo1904: false };

describe('rawFromExcel (exceljs values → raw cells)', () => {
  test.each([
    [null, null],
    [undefined, null],
    ['王芳', '王芳'],
    [12, 12],
    [true, true],
    [{ richText: [{ text: '王' }, { font: { bold: true }, text: '芳' }] }, '王芳'],
    [{ text: '居住证办理', hyperlink: 'https://example.org' }, '居住证办理'],
    [{ text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'https://example.org' }, '链接'],
    [{ error: '#N/A' }, { excelError: '#N/A' }],
    [Number.NaN, { excelError: '#ERROR' }],
    [{ formula: 'A1', result: 'x' }, 'x'],
    [{ sharedFormula: 'B2', result: 3 }, 3],
    [{ formula: '', result: 0 }, 0],
    [{ formula: 'A1' }, { formulaWithoutResult: 'A1' }],
  ])('%j → %j', (value, expected) => {
    expect(rawFromExcel(value, plain)).toEqual(expected);
  });

  test('keeps date cells as dates', () => {
    const date = new Date(Date.UTC(2026, 9, 3));
    expect(rawFromExcel(date, plain)).toEqual(date);
  });

  test('moves date cells by 1462 days when the workbook says date1904="true" (exceljs reads only "1")', () => {
    expect(rawFromExcel(new Date(Date.UTC(2022, 9, 2)), { shiftDatesTo1904: true })).toEqual(new Date(Date.UTC(2026, 9, 3)));
  });
});

describe('rawFromFormula', () => {
  test.each([
    ['SUM(A1:A3)', 0, 0],
    ['FALSE()', false, false],
    ['""&A1', '', ''],
    ['VLOOKUP(A1,B:C,2,0)', Number.NaN, { excelError: '#ERROR', formula: 'VLOOKUP(A1,B:C,2,0)' }],
    ['1/0', { error: '#DIV/0!' }, { excelError: '#DIV/0!', formula: '1/0' }],
    ['A1', undefined, { formulaWithoutResult: 'A1' }],
  ])('=%s with result %j → %j', (formula, result, expected) => {
    expect(rawFromFormula(formula, result, plain)).toEqual(expected);
  });
});
