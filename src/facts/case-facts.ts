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
import { caseLimit, overdueDays, type CaseLimit, type LimitBasis } from './deadline.js';
import { addCaseEvents, DEFAULT_DUTY_WINDOWS, type CaseEvents, type DutyWindows } from './events.js';
import { checkFee } from './fee-status.js';
import type { Lookups } from './lookups.js';
import { completedBy } from './period.js';
import type { ScopeRecord, FactValue, AuditContext } from './types.js';

/** The time-limit, notice and event facts of a case (timeFacts; a case record carries them among its facts). */
export interface TimeFacts extends CaseEvents {
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
}

function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Working days from `from` to `to`, without asking the calendar when `to` is not later. */
function daysAfter(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  return to > from ? cal.workingDaysBetween(from, to) : 0;
}

/**
 * The time facts of a case on its own, for tests and readers of one case. `statutoryDays`: the
 * item's 法定时限 (null when the item is not listed or the items sheet is absent: only promises
 * bind then). See deadline.ts for the limit a case is bound by.
 */
export function timeFacts(c: CaseRecord, cal: WorkCalendar, asOf: IsoDate, statutoryDays: number | null = null, windows: DutyWindows = DEFAULT_DUTY_WINDOWS): TimeFacts & { overdueOngoing: boolean } {
  const facts = {} as TimeFacts;
  const overdueOngoing = addTimeFacts(facts, c, caseLimit(c, statutoryDays, cal), cal, asOf, windows);
  return { ...facts, overdueOngoing };
}

/**
 * Writes the time facts of a case whose limit is known into `facts` (a case record's facts, whose
 * keys are all there already: written in place, no object in between, as 100,000 cases are built
 * per walk). Returns whether the case is open past its deadline (its overdue event goes on).
 */
function addTimeFacts(facts: TimeFacts, c: CaseRecord, limit: CaseLimit, cal: WorkCalendar, asOf: IsoDate, windows: DutyWindows): boolean {
  const completed = completedBy(c, asOf);
  const dayNotOver = completed === null && c.received_on >= asOf;
  facts.clock_start = limit.start;
  facts.limit_days = limit.days;
  facts.limit_basis = limit.basis;
  facts.deadline = limit.deadline;
  facts.deadline_after = limit.after;
  // A deadline after as-of (or after completion) is not yet overdue: 0.
  facts.overdue_days = overdueDays(limit, completed ?? asOf, cal);
  facts.is_open = completed === null;
  facts.completed_same_day = dayNotOver ? null : completed === c.received_on;
  // Dates after as-of have not happened yet on as-of (like completion): windows are counted to as-of.
  facts.notice_delay = c.notified_on === undefined ? null : daysAfter(cal, c.received_on, earlier(c.notified_on, asOf));
  facts.result_notice_delay = completed === null ? null : daysAfter(cal, completed, earlier(c.result_notified_on ?? asOf, asOf));
  facts.result_notice_missing = completed !== null && (c.result_notified_on === undefined || c.result_notified_on > asOf);
  return addCaseEvents(facts, c, cal, asOf, limit, completed, windows);
}

/** The item's rows of the items sheet; undefined when the sheet is absent. */
function itemRowsOf(c: CaseRecord, lookups: Lookups): LedgerRow<'items'>[] | undefined {
  return lookups.items && (lookups.items.get(c.item) ?? []);
}

/** The fee and 法定时限 facts: null when the items sheet is absent. */
function addItemFacts(facts: Record<string, FactValue>, c: CaseRecord, lookups: Lookups): void {
  const rows = itemRowsOf(c, lookups);
  if (!rows) {
    facts.statutory_days = null;
    facts.fee_status = null;
    facts.fee_standard = null;
    return;
  }
  const fee = checkFee(c, rows);
  facts.statutory_days = lookups.limits.statutoryDays(c.item);
  facts.fee_status = fee.status;
  facts.fee_standard = fee.standard;
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
  const facts = columnFacts('case', c);
  let overdueOngoing: boolean;
  try {
    overdueOngoing = addTimeFacts(facts as unknown as TimeFacts, c, lookups.limits.of(row), ctx.calendar, ctx.asOf, ctx.windows ?? DEFAULT_DUTY_WINDOWS);
  } catch (error) {
    throw calendarErrorAt(error, casePlace(row, ctx));
  }
  addItemFacts(facts, c, lookups);
  const record: ScopeRecord = { scope: 'case', ref: { sheet: 'cases', row: row.row, key: c.case_id }, date: c.received_on, facts };
  if (overdueOngoing) record.ongoing = OVERDUE_ONGOING;
  return record;
}
