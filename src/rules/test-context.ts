/** "Today" and the audited month of a rule case (RuleTester). */
import { sheetSpec } from '../ledger/columns.js';
import type { IsoDate, SheetKey } from '../ledger/types.js';
import { recordSheet } from './test-ledger.js';
import type { RuleCase, Scope } from './types.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function lastDayOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

function dateOf(sheet: SheetKey, row: Record<string, unknown> | undefined): IsoDate | undefined {
  const column = sheetSpec(sheet).dateColumn;
  const value = column ? row?.[column] : undefined;
  return typeof value === 'string' && ISO.test(value) ? value : undefined;
}

/** The record's own date, else the first dated row the case brings along (cases first). */
function caseDate(scope: Scope, c: RuleCase): IsoDate | undefined {
  const own = dateOf(recordSheet(scope), c.record);
  if (own) return own;
  for (const sheet of ['cases', 'complaints', 'attendance', 'other'] as const) {
    for (const row of c.with?.[sheet] ?? []) {
      const d = dateOf(sheet, row);
      if (d) return d;
    }
  }
  return undefined;
}

/** as-of: the case's, else the last day of its record's month; period: as-of's month. */
export function caseDates(scope: Scope, c: RuleCase): { asOf: IsoDate; period: string } | undefined {
  const date = caseDate(scope, c);
  const asOf = c.asOf ?? (date ? lastDayOfMonth(date) : undefined);
  return asOf ? { asOf, period: asOf.slice(0, 7) } : undefined;
}
