/**
 * The audited period and "today" (docs/time-limits.md): `--period` or the month holding most 受理日期;
 * `--as-of` or the last day of the period. Bad values are bad usage (exit 2) with a fix.
 */
import { isIsoDate, lastDayOfMonth, monthOf } from '../calendar/dates.js';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import type { IsoDate, Ledger } from '../ledger/types.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function checkPeriod(period: string): string {
  if (!PERIOD.test(period)) {
    throw new DutyAuditError('bad-usage', msg('period.badPeriod', { value: period }), { hint: msg('period.badPeriod.hint') });
  }
  return period;
}

export function checkAsOf(asOf: string): IsoDate {
  if (!isIsoDate(asOf)) {
    throw new DutyAuditError('bad-usage', msg('period.badAsOf', { value: asOf }), { hint: msg('period.badAsOf.hint') });
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
    throw new DutyAuditError('bad-usage', msg('period.cannotInfer', { file: ledger.source.file }), {
      file: ledger.source.file,
      hint: msg('period.cannotInfer.hint'),
    });
  }
  return { period, periodInferred: given.period === undefined, asOf: given.asOf ?? lastDayOfMonth(period) };
}
