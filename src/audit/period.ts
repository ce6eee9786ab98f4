/**
 * The audited period and "today" (SPEC §3): `--period` or the month holding most 受理日期;
 * `--as-of` or the last day of the period. Bad values are bad usage (exit 2) with a fix.
 */
import { isIsoDate, lastDayOfMonth, monthOf } from '../calendar/dates.js';
import { DutyAuditError } from '../errors.js';
import type { IsoDate, Ledger } from '../ledger/types.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function checkPeriod(period: string): string {
  if (!PERIOD.test(period)) {
    throw new DutyAuditError('bad-usage', `--period ${JSON.stringify(period)} is not a month written YYYY-MM`, {
      hint: 'write the month as --period 2026-10, or leave --period out to use the month holding most 受理日期',
    });
  }
  return period;
}

export function checkAsOf(asOf: string): IsoDate {
  if (!isIsoDate(asOf)) {
    throw new DutyAuditError('bad-usage', `--as-of ${JSON.stringify(asOf)} is not a date written YYYY-MM-DD`, {
      hint: 'write the date as --as-of 2026-10-31, or leave --as-of out to use the last day of the period',
    });
  }
  return asOf;
}

/**
 * The month in which most cases were received. A tie goes to the later month: cases carried
 * over from earlier months are the usual reason a ledger spans two months.
 */
export function inferPeriod(ledger: Ledger): string | undefined {
  const counts = new Map<string, number>();
  for (const row of ledger.sheets.cases ?? []) {
    const month = monthOf(row.record.received_on);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [month, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && month > best)) {
      best = month;
      bestCount = count;
    }
  }
  return best;
}

export interface AuditPeriod {
  period: string;
  periodInferred: boolean;
  asOf: IsoDate;
}

export function resolvePeriod(ledger: Ledger, given: { period?: string; asOf?: string }): AuditPeriod {
  if (given.period !== undefined) checkPeriod(given.period);
  if (given.asOf !== undefined) checkAsOf(given.asOf);
  const period = given.period ?? inferPeriod(ledger);
  if (period === undefined) {
    throw new DutyAuditError('bad-usage', `${ledger.source.file}: cannot infer the audited month: the cases sheet has no readable 受理日期`, {
      file: ledger.source.file,
      hint: 'name the month with --period YYYY-MM, or fix the 受理日期 column (see the data issues)',
    });
  }
  return { period, periodInferred: given.period === undefined, asOf: given.asOf ?? lastDayOfMonth(period) };
}
