/**
 * 预警 Warnings (docs/grading.md, "Warnings, not sanctions"): the state on as-of that an
 * inspector should look at before it becomes a finding, or while it is one. They grade no one,
 * count toward nothing, and are the same whatever `--history` or `--decisions` say.
 * - due-soon: an open case whose deadline is within `due_soon_days` working days after as-of (a
 *   deadline on as-of itself has 0 left). A case with no deadline is not listed: 退回补正 (with
 *   the applicant), no limit at all, or a deadline past the loaded calendars;
 * - overdue-open: an open case past its deadline, with the finding that judges it (its
 *   overdue event), or none — a real 延期原因 (not one of case-overdue's placeholderReasons)
 *   stops the rule, and the reason is shown;
 * - pending-complaint: a complaint still 待查, never graded until a later ledger marks it 是.
 * The deadlines are the ones the overdue rule uses, as the case facts worked them out
 * (src/facts/case-limits.ts).
 */
import type { WorkCalendar } from '../calendar/types.js';
import { calendarErrorAt } from '../facts/calendar-errors.js';
import { casePlace } from '../facts/case-facts.js';
import { caseLimits, type CaseLimits } from '../facts/case-limits.js';
import { completedBy } from '../facts/period.js';
import type { AuditContext, RecordRef } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import { readWithColumn } from '../ledger/columns.js';
import type { IsoDate, LedgerRow } from '../ledger/types.js';
import type { Policy, Rule } from '../rules/types.js';
import { compareText } from '../text.js';

export type WarningKind = 'due-soon' | 'overdue-open' | 'pending-complaint';
export const WARNING_KINDS: readonly WarningKind[] = ['due-soon', 'overdue-open', 'pending-complaint'];

export interface Warning {
  kind: WarningKind;
  ref: RecordRef;
  /** The handler of a case, the respondent of a complaint. */
  subject: { kind: 'staff'; name: string };
  /** The record's date: 受理日期, 登记日期. */
  date: IsoDate;
  /** The deadline; null for a complaint. */
  dueOn: IsoDate | null;
  /** Working days after as-of up to dueOn; negative when overdue; null for a complaint. */
  workingDaysLeft: number | null;
  /** The finding that judges it (overdue-open), whatever its status; null when none. */
  findingId: string | null;
  /** overdue-open: the documented 延期原因 that stops the overdue rule. */
  extensionReason?: string;
}

/** The default of `due_soon_days` in rules/policy.json. */
export const DEFAULT_DUE_SOON_DAYS = 2;

/** The event fact of the rules that judge a case open past its deadline. */
const OVERDUE_EVENT = 'overdue_event_on';

export interface WarningRules {
  dueSoonDays: number;
  /** 延期原因 that count as empty (case-overdue's placeholderReasons). */
  placeholderReasons: readonly string[];
  /** Rules whose event is a case's overdue event: their findings judge an overdue-open case. */
  overdueRules: ReadonlySet<string>;
}

export function warningRules(rules: readonly Pick<Rule, 'id' | 'event' | 'params'>[], policy: Pick<Policy, 'due_soon_days'>): WarningRules {
  const overdue = rules.filter((r) => r.event === OVERDUE_EVENT);
  // Read from the rules themselves, whatever their ids: a reviewer may rename or split them.
  const placeholders = overdue.flatMap((r) => {
    const value = r.params['placeholderReasons']?.value;
    return Array.isArray(value) ? value.map(String) : [];
  });
  return {
    dueSoonDays: policy.due_soon_days ?? DEFAULT_DUE_SOON_DAYS,
    placeholderReasons: [...new Set(placeholders)],
    overdueRules: new Set(overdue.map((r) => r.id)),
  };
}

/** Working days after as-of up to the deadline; negative when the deadline is before as-of. */
function daysLeft(cal: WorkCalendar, asOf: IsoDate, due: IsoDate): number {
  return due >= asOf ? cal.workingDaysBetween(asOf, due) : -cal.workingDaysBetween(due, asOf);
}

function realReason(reason: string | undefined, placeholders: readonly string[]): string | undefined {
  const text = reason?.trim();
  return text && !placeholders.includes(text) ? text : undefined;
}

function caseWarning(row: LedgerRow<'cases'>, ctx: AuditContext, limits: CaseLimits, rules: WarningRules): Warning | undefined {
  const c = row.record;
  if (c.received_on > ctx.asOf || completedBy(c, ctx.asOf) !== null) return undefined;
  let due: IsoDate | null;
  let left: number;
  try {
    due = limits.of(row).deadline;
    if (due === null) return undefined;
    left = daysLeft(ctx.calendar, ctx.asOf, due);
  } catch (error) {
    throw calendarErrorAt(error, casePlace(row, ctx));
  }
  const overdue = due < ctx.asOf;
  if (!overdue && left > rules.dueSoonDays) return undefined;
  const warning: Warning = {
    kind: overdue ? 'overdue-open' : 'due-soon',
    ref: { sheet: 'cases', row: row.row, key: c.case_id },
    subject: { kind: 'staff', name: c.handler },
    date: c.received_on,
    dueOn: due,
    workingDaysLeft: left,
    findingId: null,
  };
  const reason = overdue ? realReason(c.extension_reason, rules.placeholderReasons) : undefined;
  if (reason !== undefined) warning.extensionReason = reason;
  return warning;
}

function complaintWarning(row: LedgerRow<'complaints'>, asOf: IsoDate): Warning | undefined {
  const c = row.record;
  if (c.logged_on > asOf || c.substantiated !== '待查') return undefined;
  return {
    kind: 'pending-complaint',
    ref: { sheet: 'complaints', row: row.row, key: c.complaint_id },
    subject: { kind: 'staff', name: c.respondent },
    date: c.logged_on,
    dueOn: null,
    workingDaysLeft: null,
    findingId: null,
  };
}

const KIND_ORDER = new Map(WARNING_KINDS.map((k, i) => [k, i]));

/** Kind, then the most urgent first (fewest days left), then the oldest, then ledger order. */
function byUrgency(a: Warning, b: Warning): number {
  return KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || (a.workingDaysLeft ?? 0) - (b.workingDaysLeft ?? 0) || compareText(a.date, b.date) || a.ref.row - b.ref.row;
}

/** The warnings on as-of, each overdue case with the id of the finding that judges it. */
export function warningsOf(ctx: AuditContext, rules: WarningRules, findings: readonly Finding[]): Warning[] {
  const warnings: Warning[] = [];
  const limits = caseLimits(ctx);
  // Without a 办结日期 column no case is known to be open: none is listed (the overdue rule does
  // not run either, and the report's rules say why), rather than every case of the month.
  const openKnown = readWithColumn(ctx.ledger, 'cases', 'completed_on');
  for (const row of openKnown ? (ctx.ledger.sheets.cases ?? []) : []) {
    const w = caseWarning(row, ctx, limits, rules);
    if (w) warnings.push(w);
  }
  for (const row of ctx.ledger.sheets.complaints ?? []) {
    const w = complaintWarning(row, ctx.asOf);
    if (w) warnings.push(w);
  }
  const judging = new Map<string, string>();
  for (const f of findings) if (rules.overdueRules.has(f.ruleId) && f.ref.sheet === 'cases' && !judging.has(f.ref.key)) judging.set(f.ref.key, f.id);
  for (const w of warnings) if (w.kind === 'overdue-open') w.findingId = judging.get(w.ref.key) ?? null;
  return warnings.sort(byUrgency);
}

export function countByKind(warnings: readonly Warning[]): Record<WarningKind, number> {
  const counts = Object.fromEntries(WARNING_KINDS.map((k) => [k, 0])) as Record<WarningKind, number>;
  for (const w of warnings) counts[w.kind] += 1;
  return counts;
}
