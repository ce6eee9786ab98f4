/**
 * Records dated after as-of cannot be judged yet (docs/time-limits.md): they are set aside with
 * the data issue `after-as-of` on their date (set-aside.ts moves them in the sheet's account).
 */
import { sheetSpec } from './columns.js';
import { setAsideRows } from './set-aside.js';
import { SHEET_KEYS, type IsoDate, type Ledger } from './types.js';

export function applyAsOf(ledger: Ledger, asOf: IsoDate): Ledger {
  let next = ledger;
  for (const key of SHEET_KEYS) {
    const dateColumn = sheetSpec(key).dateColumn;
    if (!dateColumn) continue;
    next = setAsideRows(next, key, (row) => {
      const date = (row.record as unknown as Record<string, unknown>)[dateColumn];
      return typeof date === 'string' && date > asOf ? { column: dateColumn, value: date, code: 'after-as-of', params: { asOf } } : undefined;
    });
  }
  return next;
}
