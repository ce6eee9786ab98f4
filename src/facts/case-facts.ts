/**
 * Case scope: one record per audited case, its columns plus the derived time-limit, notice
 * and fee facts. Working days come from the calendar (the day of receipt never counts).
 */
import type { WorkCalendar } from '../calendar/types.js';
import type { CaseRecord, IsoDate, LedgerRow } from '../ledger/types.js';
import { calendarErrorAt, type RowPlace } from './calendar-errors.js';
import { columnFacts } from './fact-template.js';
import { checkFee } from './fee-status.js';
import { firstOf, type Lookups } from './lookups.js';
import { completedBy } from './period.js';
import type { ScopeRecord, FactValue, AuditContext } from './types.js';

interface TimeFacts {
  deadline: IsoDate | null;
  overdue_days: number | null;
  is_open: boolean;
  completed_same_day: boolean | null;
  notice_delay: number | null;
  result_notice_delay: number | null;
  result_notice_missing: boolean;
}

/** Working days from `from` to `to`, without asking the calendar when `to` is not later. */
function daysAfter(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  return to > from ? cal.workingDaysBetween(from, to) : 0;
}

export function timeFacts(c: CaseRecord, cal: WorkCalendar, asOf: IsoDate): TimeFacts {
  const completed = completedBy(c, asOf);
  const deadline = c.promised_days === undefined ? null : cal.addWorkingDays(c.received_on, c.promised_days);
  // A deadline after as-of (or after completion) is not yet overdue: daysAfter gives 0.
  const overdue = deadline === null ? null : daysAfter(cal, deadline, completed ?? asOf);
  const dayNotOver = completed === null && c.received_on >= asOf;
  return {
    deadline,
    overdue_days: overdue,
    is_open: completed === null,
    completed_same_day: dayNotOver ? null : completed === c.received_on,
    notice_delay: c.notified_on === undefined ? null : daysAfter(cal, c.received_on, c.notified_on),
    result_notice_delay:
      completed === null ? null : daysAfter(cal, completed, c.result_notified_on ?? asOf),
    result_notice_missing: completed !== null && c.result_notified_on === undefined,
  };
}

function addItemFacts(facts: Record<string, FactValue>, c: CaseRecord, lookups: Lookups): void {
  if (!lookups.items) {
    facts.statutory_days = null;
    facts.fee_status = null;
    facts.fee_standard = null;
    return;
  }
  const rows = lookups.items.get(c.item) ?? [];
  const fee = checkFee(c, rows);
  facts.statutory_days = firstOf(rows, 'statutory_days') ?? null;
  facts.fee_status = fee.status;
  facts.fee_standard = fee.standard;
}

function addTimeFacts(facts: Record<string, FactValue>, t: TimeFacts): void {
  facts.deadline = t.deadline;
  facts.overdue_days = t.overdue_days;
  facts.is_open = t.is_open;
  facts.completed_same_day = t.completed_same_day;
  facts.notice_delay = t.notice_delay;
  facts.result_notice_delay = t.result_notice_delay;
  facts.result_notice_missing = t.result_notice_missing;
}

const DATE_COLUMNS = [
  ['received_on', '受理日期'],
  ['notified_on', '告知日期'],
  ['completed_on', '办结日期'],
  ['result_notified_on', '结果告知日期'],
] as const;

/** Where a calendar failure happened: the date columns the calendar does not cover, by name. */
function place(row: LedgerRow<'cases'>, ctx: AuditContext): RowPlace {
  const c = row.record;
  const uncovered = DATE_COLUMNS.filter(([key]) => c[key] !== undefined && !ctx.calendar.covers(c[key]!)).map(([key, zh]) => `${zh} ${c[key]}`);
  const what = uncovered.length > 0 ? `working days from ${uncovered.join(', ')}` : `the deadline (受理日期 ${c.received_on} + 承诺时限 ${c.promised_days ?? '—'} working days)`;
  return {
    file: ctx.ledger.source.parts.find((p) => p.sheet === 'cases')?.file ?? ctx.ledger.source.file,
    sheetName: ctx.ledger.sheetNames.cases ?? '办件台账',
    row,
    key: c.case_id,
    what,
  };
}

export function caseRecord(row: LedgerRow<'cases'>, ctx: AuditContext, lookups: Lookups): ScopeRecord {
  const c = row.record;
  let time: TimeFacts;
  try {
    time = timeFacts(c, ctx.calendar, ctx.asOf);
  } catch (error) {
    throw calendarErrorAt(error, place(row, ctx));
  }
  const facts = columnFacts('case', c);
  addTimeFacts(facts, time);
  addItemFacts(facts, c, lookups);
  return { scope: 'case', ref: { sheet: 'cases', row: row.row, key: c.case_id }, date: c.received_on, facts };
}
