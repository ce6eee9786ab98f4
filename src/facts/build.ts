/**
 * Builds every scope's records once per run: the audited records of the period with their
 * column facts and derived facts. Every record of a scope carries every fact of that scope's
 * catalogue (null when unknown; see fact-template.ts), because the engine throws on a fact it
 * has not been given.
 */
import type { AuditContext } from '../audit/types.js';
import { DutyAuditError } from '../errors.js';
import { attendanceRecord } from './attendance-facts.js';
import { caseRecord } from './case-facts.js';
import { centerRecords } from './center-facts.js';
import { complaintRecord } from './complaint-facts.js';
import { itemRecords } from './item-facts.js';
import { ledgerRecords } from './ledger-facts.js';
import { buildLookups } from './lookups.js';
import { otherRecord } from './other-facts.js';
import { isAuditedCase, isAuditedDated } from './period.js';
import { staffRecords } from './staff-facts.js';
import type { ScopeRecords } from './types.js';

/** Every deadline and delay is counted up to as-of, so its year must be known before anything. */
function requireCalendarFor(ctx: AuditContext): void {
  if (ctx.calendar.covers(ctx.asOf)) return;
  throw new DutyAuditError(
    'date-outside-calendar',
    `the as-of date ${ctx.asOf} is outside the working-day calendar (loaded years: ${ctx.calendar.years.join(', ') || 'none'})`,
    { file: ctx.ledger.source.file, hint: `add rules/calendar/cn-${ctx.asOf.slice(0, 4)}.json, or audit with --as-of inside a loaded year` },
  );
}

export function buildScopeRecords(ctx: AuditContext): ScopeRecords {
  requireCalendarFor(ctx);
  const { ledger, period, asOf } = ctx;
  const cases = (ledger.sheets.cases ?? []).filter((r) => isAuditedCase(r.record, period, asOf));
  const lookups = buildLookups(ctx, cases);
  const records: ScopeRecords = {
    case: cases.map((row) => caseRecord(row, ctx, lookups)),
    complaint: (ledger.sheets.complaints ?? []).filter((r) => isAuditedDated(r, period, asOf)).map(complaintRecord),
    attendance: (ledger.sheets.attendance ?? []).filter((r) => isAuditedDated(r, period, asOf)).map((r) => attendanceRecord(r, lookups)),
    staff: staffRecords(lookups, period),
    item: itemRecords(lookups),
    center: centerRecords(ledger, asOf),
    other: (ledger.sheets.other ?? []).filter((r) => isAuditedDated(r, period, asOf)).map(otherRecord),
    ledger: ledgerRecords(ledger, asOf),
  };
  return records;
}
