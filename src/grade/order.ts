/** The orders grading relies on, so that the same input always gives the same report. */
import type { RawFinding } from '../findings/types.js';
import { SHEET_KEYS } from '../ledger/types.js';
import { compareText } from '../text.js';

type Ordered = Pick<RawFinding, 'date' | 'ref' | 'ruleId'>;

function sheetIndex(f: Ordered): number {
  return SHEET_KEYS.indexOf(f.ref.sheet);
}

/** Escalation order within one person and clause: by date, then row (docs/report.md). */
export function byDateThenRow(a: Ordered, b: Ordered): number {
  return compareText(a.date, b.date) || a.ref.row - b.ref.row || sheetIndex(a) - sheetIndex(b) || compareText(a.ruleId, b.ruleId);
}

/** Output order: by date, then sheet, row, rule id. */
export function byOutputOrder(a: Ordered, b: Ordered): number {
  return compareText(a.date, b.date) || sheetIndex(a) - sheetIndex(b) || a.ref.row - b.ref.row || compareText(a.ruleId, b.ruleId);
}
