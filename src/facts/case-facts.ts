/**
 * Case scope: one record per audited case, its columns plus the derived time-limit, notice
 * and fee facts. Working days come from the calendar (the day a clock starts never counts).
 */
import type { WorkCalendar } from '../calendar/types.js';
import { msg } from '../messages/catalogue.js';
import type { CaseRecord, IsoDate, LedgerRow } from '../ledger/types.js';
import { calendarErrorAt, type RowPlace } from './calendar-errors.js';
import { COUNTED_DATES } from './calendar-screen.js';
import { columnFacts } from './fact-template.js';
import { caseLimit, limitOfCase, overdueDays, type CaseLimit, type LimitBasis } from './deadline.js';
import { caseEvents, DEFAULT_DUTY_WINDOWS, type CaseEvents, type DutyWindows } from './events.js';
import { checkFee } from './fee-status.js';
import { firstOf, type Lookups } from './lookups.js';
import { completedBy } from './period.js';
import type { ScopeRecord, FactValue, AuditContext } from './types.js';

interface TimeFacts {
  clock_start: IsoDate;
  limit_days: number | null;
  limit_basis: LimitBasis;
  deadline: IsoDate | null;
  deadline_after: IsoDate | null;
  overdue_days: number | null;
  is_open: boolean;
  completed_same_day: boolean | null;
  notice_delay: number | null;
  result_notice_delay: number | null;
  result_notice_missing: boolean;
  events: CaseEvents;
}

function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Working days from `from` to `to`, without asking the calendar when `to` is not later. */
function daysAfter(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  return to > from ? cal.workingDaysBetween(from, to) : 0;
}

/**
 * `statutoryDays`: the item's 法定时限 (null when the item is not listed or the items sheet is
 * absent: only promises bind then). See deadline.ts for the limit a case is bound by.
 */
export function timeFacts(c: CaseRecord, cal: WorkCalendar, asOf: IsoDate, statutoryDays: number | null = null, windows: DutyWindows = DEFAULT_DUTY_WINDOWS): TimeFacts {
  return timeFactsOfLimit(c, caseLimit(c, statutoryDays, cal), cal, asOf, windows);
}

/** The time facts of a case whose limit is known (limitOfCase). */
function timeFactsOfLimit(c: CaseRecord, limit: CaseLimit, cal: WorkCalendar, asOf: IsoDate, windows: DutyWindows): TimeFacts {
  const completed = completedBy(c, asOf);
  const dayNotOver = completed === null && c.received_on >= asOf;
  return {
    clock_start: limit.start,
    limit_days: limit.days,
    limit_basis: limit.basis,
    deadline: limit.deadline,
    deadline_after: limit.after,
    // A deadline after as-of (or after completion) is not yet overdue: 0.
    overdue_days: overdueDays(limit, completed ?? asOf, cal),
    is_open: completed === null,
    completed_same_day: dayNotOver ? null : completed === c.received_on,
    // Dates after as-of have not happened yet on as-of (like completion): windows are counted to as-of.
    notice_delay: c.notified_on === undefined ? null : daysAfter(cal, c.received_on, earlier(c.notified_on, asOf)),
    result_notice_delay:
      completed === null ? null : daysAfter(cal, completed, earlier(c.result_notified_on ?? asOf, asOf)),
    result_notice_missing: completed !== null && (c.result_notified_on === undefined || c.result_notified_on > asOf),
    events: caseEvents(c, cal, asOf, limit, completed, windows),
  };
}

/** The item's rows of the items sheet; undefined when the sheet is absent. */
function itemRowsOf(c: CaseRecord, lookups: Lookups): LedgerRow<'items'>[] | undefined {
  return lookups.items && (lookups.items.get(c.item) ?? []);
}

function addItemFacts(facts: Record<string, FactValue>, c: CaseRecord, rows: LedgerRow<'items'>[] | undefined): void {
  if (!rows) {
    facts.statutory_days = null;
    facts.fee_status = null;
    facts.fee_standard = null;
    return;
  }
  const fee = checkFee(c, rows);
  facts.statutory_days = firstOf(rows, 'statutory_days') ?? null;
  facts.fee_status = fee.status;
  facts.fee_standard = fee.standard;
}

function addTimeFacts(facts: Record<string, FactValue>, t: TimeFacts): void {
  facts.clock_start = t.clock_start;
  facts.limit_days = t.limit_days;
  facts.limit_basis = t.limit_basis;
  facts.deadline = t.deadline;
  facts.deadline_after = t.deadline_after;
  facts.overdue_days = t.overdue_days;
  facts.is_open = t.is_open;
  facts.completed_same_day = t.completed_same_day;
  facts.notice_delay = t.notice_delay;
  facts.result_notice_delay = t.result_notice_delay;
  facts.result_notice_missing = t.result_notice_missing;
  facts.notice_event_on = t.events.notice_event_on;
  facts.result_notice_event_on = t.events.result_notice_event_on;
  facts.same_day_event_on = t.events.same_day_event_on;
  facts.overdue_event_on = t.events.overdue_event_on;
  facts.outcome_on = t.events.outcome_on;
}

/** An open case past its deadline: its overdue event lasts into the period (events.ts). */
const OVERDUE_ONGOING: readonly string[] = ['overdue_event_on'];

/** Where a calendar failure happened: the date columns the calendar does not cover, by name. */
export function casePlace(row: LedgerRow<'cases'>, ctx: AuditContext): RowPlace {
  const c = row.record;
  const uncovered = COUNTED_DATES.filter(([key]) => c[key] !== undefined && !ctx.calendar.covers(c[key]!)).map(([key, zh]) => `${zh} ${c[key]}`);
  const what =
    uncovered.length > 0
      ? msg('calendar.what.workingDaysFrom', { dates: uncovered })
      : msg('calendar.what.deadline', { received: c.received_on, completed: c.materials_completed_on ?? '—', promised: c.promised_days ?? '—' });
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
  const itemRows = itemRowsOf(c, lookups);
  let time: TimeFacts;
  try {
    time = timeFactsOfLimit(c, limitOfCase(row, ctx), ctx.calendar, ctx.asOf, ctx.windows ?? DEFAULT_DUTY_WINDOWS);
  } catch (error) {
    throw calendarErrorAt(error, casePlace(row, ctx));
  }
  const facts = columnFacts('case', c);
  addTimeFacts(facts, time);
  addItemFacts(facts, c, itemRows);
  const record: ScopeRecord = { scope: 'case', ref: { sheet: 'cases', row: row.row, key: c.case_id }, date: c.received_on, facts };
  if (time.events.overdueOngoing) record.ongoing = OVERDUE_ONGOING;
  return record;
}
