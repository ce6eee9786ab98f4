/**
 * 办事公开制/三 (docs/duties.md): a fee must match a line of the posted fee schedule — the same
 * (事项名称, 收费项目) pair — and not exceed that line's standard. The clause has two parts with
 * two people responsible:
 * - charging more than the posted standard is the handler's act, judged on the case;
 * - a schedule that lacks the pair, does not post it, or posts it without 收费依据 is the
 *   center's failure, judged once per item over the fee pairs charged in the period.
 */
import type { CaseRecord, LedgerRow } from '../ledger/types.js';

export const FEE_STATUSES = ['none', 'posted', 'not-in-schedule', 'not-posted', 'no-basis', 'above-standard'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];

/** The fee item of a fee charged with no 收费项目 written: a code, shown in words (value-labels.ts). */
export const UNNAMED_FEE_ITEM = '(unnamed)';

export interface FeeCheck {
  status: FeeStatus;
  standard: number | null;
}

/** The fee item of a charged fee (fee > 0), or undefined when nothing was charged. */
export function chargedFeeItem(c: CaseRecord): string | undefined {
  if (c.fee === undefined || c.fee <= 0) return undefined;
  return c.fee_item ?? UNNAMED_FEE_ITEM;
}

function lineOf(itemRows: readonly LedgerRow<'items'>[], feeItem: string | undefined): LedgerRow<'items'> | undefined {
  return feeItem === undefined ? undefined : itemRows.find((r) => r.record.fee_item === feeItem);
}

function hasBasis(line: LedgerRow<'items'>): boolean {
  const basis = line.record.fee_basis;
  return basis !== undefined && basis.trim() !== '';
}

/**
 * The case's fee against the schedule. `itemRows`: the items-sheet rows of the case's item (empty
 * when the item is not listed). `above-standard` (the handler's) is checked before `no-basis`
 * (the center's), so a fee over the standard of a line posted without its basis is still seen.
 */
export function checkFee(c: CaseRecord, itemRows: readonly LedgerRow<'items'>[]): FeeCheck {
  const line = lineOf(itemRows, c.fee_item);
  const standard = line?.record.fee_standard ?? null;
  if (chargedFeeItem(c) === undefined) return { status: 'none', standard };
  if (!line) return { status: 'not-in-schedule', standard };
  if (line.record.fee_posted !== true) return { status: 'not-posted', standard };
  if (standard !== null && c.fee! > standard) return { status: 'above-standard', standard };
  if (!hasBasis(line)) return { status: 'no-basis', standard };
  return { status: 'posted', standard };
}

/** The center's part: which of the fee items charged on an item fail the schedule, and how. */
export interface FeeScheduleGaps {
  notInSchedule: string[];
  notPosted: string[];
  withoutBasis: string[];
}

export function feeScheduleGaps(charged: readonly string[], itemRows: readonly LedgerRow<'items'>[]): FeeScheduleGaps {
  const gaps: FeeScheduleGaps = { notInSchedule: [], notPosted: [], withoutBasis: [] };
  for (const feeItem of charged) {
    const line = feeItem === UNNAMED_FEE_ITEM ? undefined : lineOf(itemRows, feeItem);
    if (!line) gaps.notInSchedule.push(feeItem);
    else if (line.record.fee_posted !== true) gaps.notPosted.push(feeItem);
    else if (!hasBasis(line)) gaps.withoutBasis.push(feeItem);
  }
  return gaps;
}
