/**
 * 办事公开制/三: a fee must match a posted line of the fee schedule — the same (事项名称,
 * 收费项目) pair — and not exceed that line's standard.
 */
import type { CaseRecord, LedgerRow } from '../ledger/types.js';

export type FeeStatus = 'none' | 'posted' | 'not-in-schedule' | 'not-posted' | 'above-standard';

export interface FeeCheck {
  status: FeeStatus;
  standard: number | null;
}

/** `itemRows`: the items-sheet rows of the case's item (empty when the item is not listed). */
export function checkFee(c: CaseRecord, itemRows: readonly LedgerRow<'items'>[]): FeeCheck {
  const line = c.fee_item === undefined ? undefined : itemRows.find((r) => r.record.fee_item === c.fee_item);
  const standard = line?.record.fee_standard ?? null;
  if (c.fee === undefined || c.fee <= 0) return { status: 'none', standard };
  if (!line) return { status: 'not-in-schedule', standard };
  if (line.record.fee_posted !== true) return { status: 'not-posted', standard };
  if (standard !== null && c.fee > standard) return { status: 'above-standard', standard };
  return { status: 'posted', standard };
}
