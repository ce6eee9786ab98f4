/**
 * The audited period and "today" (docs/time-limits.md): `--period` or the month holding most 受理日期;
 * `--as-of` or the last day of the period. Bad values are bad usage (exit 2) with a fix.
 */
import { firstDayOfMonth, isIsoDate, lastDayOfMonth, monthOf } from '../calendar/dates.js';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { renderIssueMessage } from '../ledger/issue-codes.js';
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
 *
 * Counted by 受理日期 first, a run of equal dates at a time (a ledger lists its cases day by
 * day), and only then by month: cutting every date down to its month and counting that in a
 * Map took 5.7 ms per 100,000 cases, counting the runs 3.3 ms (best of 30 rounds in one
 * process; docs/performance.md).
 */
export function inferPeriod(ledger: Ledger): string | undefined {
  const byDate = new Map<IsoDate, number>();
  let run: IsoDate | undefined;
  let runLength = 0;
  for (const row of ledger.sheets.cases ?? []) {
    const date = row.record.received_on;
    if (date === run) {
      runLength += 1;
      continue;
    }
    if (run !== undefined) byDate.set(run, (byDate.get(run) ?? 0) + runLength);
    run = date;
    runLength = 1;
  }
  if (run !== undefined) byDate.set(run, (byDate.get(run) ?? 0) + runLength);
  const counts = new Map<string, number>();
  for (const [date, count] of byDate) {
    const month = monthOf(date);
    counts.set(month, (counts.get(month) ?? 0) + count);
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
  if (period === undefined) throw cannotInfer(ledger);
  // An as-of before the month sets every record of the month aside as not yet happened: an audit
  // of nothing that exits 0 would read as a clean month.
  if (given.asOf !== undefined && given.asOf < firstDayOfMonth(period)) {
    throw new DutyAuditError('bad-usage', msg('period.asOfBefore', { asOf: given.asOf, period }), { hint: msg('period.asOfBefore.hint', { period, last: lastDayOfMonth(period) }) });
  }
  return { period, periodInferred: given.period === undefined, asOf: given.asOf ?? lastDayOfMonth(period) };
}

/**
 * No month to infer: said with its cause, since no report is written to show the data issues.
 * A case sheet missing a required column (经办人 named 承办人), whose every row was set aside, or
 * an empty template sheet read before the 办件台账 holding the month, read "no readable 受理日期"
 * and sent people to a column that was fine.
 */
function cannotInfer(ledger: Ledger): DutyAuditError {
  const layout = ledger.layout?.cases;
  const file = layout?.file ?? ledger.source.file;
  const sheet = layout?.sheetName ?? '办件台账';
  const issues = ledger.dataIssues.filter((issue) => issue.sheet === 'cases');
  const missing = issues.filter((issue) => issue.code === 'missing-column').map((issue) => String(issue.params?.['header'] ?? issue.header));
  if (missing.length > 0) {
    return new DutyAuditError('no-header', msg('period.cannotInfer.missingColumns', { file, sheet, row: layout?.headerRow ?? 0, columns: missing }), {
      file,
      hint: msg('period.cannotInfer.missingColumns.hint'),
    });
  }
  const first = issues.find((issue) => issue.row > 0);
  const read = ledger.accounts.cases?.rowsRead ?? 0;
  if (first !== undefined && read > 0) {
    const reason = { zh: renderIssueMessage(first, 'zh'), en: renderIssueMessage(first, 'en') };
    return new DutyAuditError('bad-usage', msg('period.cannotInfer.noCaseRead', { file, sheet, n: read, cell: `${first.column}${first.row}`, reason }), {
      file,
      hint: msg('period.cannotInfer.noCaseRead.hint'),
    });
  }
  const unread = issues.filter((issue) => issue.code === 'duplicate-sheet').map((issue) => issue.sheetName);
  if (read === 0 && unread.length > 0) {
    return new DutyAuditError('no-cases-sheet', msg('period.cannotInfer.emptyFirstSheet', { file, sheet, others: unread }), {
      file,
      hint: msg('period.cannotInfer.emptyFirstSheet.hint'),
    });
  }
  return new DutyAuditError('bad-usage', msg('period.cannotInfer', { file: ledger.source.file }), { file: ledger.source.file, hint: msg('period.cannotInfer.hint') });
}
