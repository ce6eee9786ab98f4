/**
 * Item scope: each item handled by an audited case. Disclosure (办事公开制/二) counts only
 * what the items sheet records as posted: an empty cell is not a posting, and an item missing
 * from the sheet is undisclosed on all three counts. The fee schedule (办事公开制/三, the
 * center's part) is judged over the fee items charged on the item's cases of the period.
 */
import type { ItemRecord, LedgerRow } from '../ledger/types.js';
import { periodEnd } from './events.js';
import { columnFacts } from './fact-template.js';
import { feeScheduleGaps } from './fee-status.js';
import type { ItemAggregate, Lookups } from './lookups.js';
import type { ScopeRecord, FactValue } from './types.js';

const DISCLOSURES = [
  ['procedure', 'procedure_posted'],
  ['materials', 'materials_posted'],
  ['limit', 'limit_posted'],
] as const;

/** An item listed on several rows (one per fee line) takes each column's first filled value. */
function mergedItem(rows: LedgerRow<'items'>[]): ItemRecord {
  const merged: Record<string, unknown> = { item: rows[0]!.record.item };
  for (const row of rows) for (const [k, v] of Object.entries(row.record)) if (merged[k] === undefined) merged[k] = v;
  return merged as unknown as ItemRecord;
}

function itemFacts(name: string, rows: LedgerRow<'items'>[] | undefined, agg: ItemAggregate, lookups: Lookups, period: string): Record<string, FactValue> {
  const listed = rows !== undefined && rows.length > 0;
  const record = listed ? mergedItem(rows) : undefined;
  const undisclosed = lookups.items ? DISCLOSURES.filter(([, col]) => record?.[col] !== true).map(([what]) => what) : null;
  const fees = lookups.items ? feeScheduleGaps(agg.feeItemsCharged, rows ?? []) : null;
  return Object.assign(columnFacts('item', record), {
    item: name,
    period_end: periodEnd(period),
    handled_count: agg.handledCount,
    listed: lookups.items ? listed : null,
    undisclosed: undisclosed as FactValue,
    fees_charged: [...agg.feeItemsCharged],
    fees_not_in_schedule: fees?.notInSchedule ?? null,
    fees_not_posted: fees?.notPosted ?? null,
    fees_without_basis: fees?.withoutBasis ?? null,
  });
}

/** Dated by the period's last day: an item's findings are about the whole period (events.ts). */
export function itemRecords(lookups: Lookups, period: string): ScopeRecord[] {
  return [...lookups.handledItems].map(([name, agg]): ScopeRecord => {
    const rows = lookups.items?.get(name);
    const first = rows?.[0];
    return {
      scope: 'item',
      ref: first ? { sheet: 'items', row: first.row, key: name } : { sheet: 'cases', row: agg.firstCaseRow, key: name },
      date: periodEnd(period),
      facts: itemFacts(name, rows, agg, lookups, period),
    };
  });
}

