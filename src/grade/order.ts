/** The order grading relies on, so that the same input always gives the same report. */
import type { RawFinding } from '../findings/types.js';
import { SHEET_KEYS } from '../ledger/types.js';
import { compareText } from '../text.js';

type Ordered = Pick<RawFinding, 'date' | 'ref' | 'ruleId'>;

function sheetIndex(f: Ordered): number {
  return SHEET_KEYS.indexOf(f.ref.sheet);
}

/**
 * By event date, then sheet (the ledger's sheet order), row and rule id (docs/report.md,
 * docs/grading.md): the findings' output order, the order repeat escalation counts a person's
 * findings of one clause in, and the order the monthly deduction cap is spent in. One order for
 * all three, so the n-th occurrence a finding says it is matches its place in the list.
 */
export function byEventOrder(a: Ordered, b: Ordered): number {
  return compareText(a.date, b.date) || sheetIndex(a) - sheetIndex(b) || a.ref.row - b.ref.row || compareText(a.ruleId, b.ruleId);
}
