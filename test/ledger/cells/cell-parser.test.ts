/**
 * The remembering cell parser gives exactly what parseCell gives, shares one result (one
 * string) for a repeated value, and stops remembering a column whose values are mostly distinct.
 */
import { describe, expect, test } from 'vitest';
import { cellParser, TRIAL_LOOKUPS } from '../../../src/ledger/cells/cell-parser.js';
import { parseCell } from '../../../src/ledger/cells/cell-parser.js';
import { sheetSpec } from '../../../src/ledger/columns.js';

const column = (key: string) => sheetSpec('cases').columns.find((c) => c.key === key)!;
const CONTEXT = { date1904: false };

describe('cellParser', () => {
  test('agrees with parseCell on every kind of cell, asked twice', () => {
    const cells = [' 李敏 ', '李敏', '承诺件', '即办件', '是', '否', 'x', 3, 3.5, -0, 0, true, new Date(Date.UTC(2026, 9, 8)), '2026年10月8日', { excelError: '#N/A' }, { formulaWithoutResult: 'A1' }];
    for (const key of ['handler', 'kind', 'materials_complete', 'promised_days', 'fee', 'received_on']) {
      const parser = cellParser(column(key), CONTEXT);
      for (const cell of [...cells, ...cells]) expect(parser(cell), `${key} ${String(cell)}`).toEqual(parseCell(cell, column(key), CONTEXT));
    }
  });

  test('a repeated text is read once: every row shares the result and its string', () => {
    const parser = cellParser(column('handler'), CONTEXT);
    const first = parser('李敏');
    expect(parser('李敏')).toBe(first);
    expect(parser(' 李敏')).not.toBe(first);
  });

  test('a column of distinct values stops remembering after the trial, and still reads right', () => {
    const parser = cellParser(column('case_id'), CONTEXT);
    for (let i = 0; i < TRIAL_LOOKUPS; i++) parser(`SL-${i}`);
    const again = parser('SL-1');
    expect(again).toEqual({ ok: true, value: 'SL-1' });
    expect(parser('SL-1')).not.toBe(again);
  });

  test('a column of few values keeps remembering past the trial', () => {
    const parser = cellParser(column('handler'), CONTEXT);
    for (let i = 0; i < 2 * TRIAL_LOOKUPS; i++) parser(['李敏', '王芳', '张伟'][i % 3]!);
    expect(parser('王芳')).toBe(parser('王芳'));
  });
});
