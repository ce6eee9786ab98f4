/**
 * Builds every scope's records: the audited records of the period with their column facts
 * and derived facts. Every record of a scope carries every fact of that scope's
 * catalogue (null when unknown; see fact-template.ts), because the engine throws on a fact it
 * has not been given.
 */
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { attendanceRecord } from './attendance-facts.js';
import { caseRecord } from './case-facts.js';
import { centerRecords } from './center-facts.js';
import { complaintRecord } from './complaint-facts.js';
import { itemRecords } from './item-facts.js';
import { ledgerRecords } from './ledger-facts.js';
import { buildLookups } from './lookups.js';
import { otherRecord } from './other-facts.js';
import { isCaseOfPeriod, rowsNotAfterAsOf } from './period.js';
import { staffRecords } from './staff-facts.js';
import { SCOPES } from './scopes.js';
import type { ScopeRecord, ScopeRecordSources, ScopeRecords, AuditContext } from './types.js';

/** Every deadline and delay is counted up to as-of, so its year must be known before anything. */
function requireCalendarFor(ctx: AuditContext): void {
  if (ctx.calendar.covers(ctx.asOf)) return;
  const years = ctx.calendar.years.length > 0 ? ctx.calendar.years.map(String) : msg('word.none');
  throw new DutyAuditError('date-outside-calendar', msg('calendar.asOfOutside', { asOf: ctx.asOf, years }), {
    file: ctx.ledger.source.file,
    hint: msg('calendar.asOfOutside.hint', { year: ctx.asOf.slice(0, 4) }),
  });
}

/**
 * Every scope's records. The row scopes (cases, complaints, attendance, other) are built as
 * they are walked and are not kept: evaluation looks at each record once, and a finding keeps
 * only the facts it quotes. (Kept, 100,000 case records of ~45 facts were ~40 MB that the
 * garbage collector copied twice while they were built: measured, about a third of the facts
 * stage.)
 * Walking again builds the same records again: each is a pure function of its row and `ctx`.
 * The lookups and the staff, item, center and ledger records, which summarise whole sheets,
 * are built here, once.
 */
export function scopeRecordSources(ctx: AuditContext): ScopeRecordSources {
  requireCalendarFor(ctx);
  const { ledger, period, asOf } = ctx;
  const rows = <S extends 'cases' | 'complaints' | 'attendance' | 'other'>(sheet: S) => rowsNotAfterAsOf(sheet, ledger.sheets[sheet] ?? [], asOf);
  // Every row by as-of is built: the rules' events decide what this period judges (period.ts).
  // The period's workload (a person's and an item's cases) is the cases of the period.
  const cases = rows('cases');
  const lookups = buildLookups(ctx, cases.filter((r) => isCaseOfPeriod(r.record, period, asOf)));
  return {
    case: builtAsWalked(cases, (row) => caseRecord(row, ctx, lookups)),
    complaint: builtAsWalked(rows('complaints'), (row) => complaintRecord(row, ctx)),
    attendance: builtAsWalked(rows('attendance'), (r) => attendanceRecord(r, lookups)),
    staff: staffRecords(lookups, period),
    item: itemRecords(lookups, period),
    center: centerRecords(ledger, period),
    other: builtAsWalked(rows('other'), otherRecord),
    ledger: ledgerRecords(ledger, period),
  };
}

/** Every scope's records, all built now (tests, the rule tester). */
export function buildScopeRecords(ctx: AuditContext): ScopeRecords {
  return builtNow(scopeRecordSources(ctx));
}

/** Every record of every source, built now (`--explain` looks records up by key). */
export function builtNow(sources: ScopeRecordSources): ScopeRecords {
  return Object.fromEntries(SCOPES.map((scope) => [scope, [...sources[scope]]])) as ScopeRecords;
}

/**
 * The records of `rows`, each built when the walk reaches it. An iterator of its own rather than
 * a generator: V8 does not inline a generator's resumption into the loop that walks it, and the
 * 100,000 resumptions of the bench month's cases were ~23 ms of self time in a CPU profile of a
 * fresh process's evaluation (bench/audit-child.mjs); `next` here is inlined and its result
 * objects are not made. (With this and the compiled period tests of facts/period.ts, evaluate
 * CPU went 209 → 186 ms: docs/performance.md.)
 */
function builtAsWalked<T>(rows: readonly T[], build: (row: T) => ScopeRecord): Iterable<ScopeRecord> {
  return { [Symbol.iterator]: () => new RecordWalk(rows, build) };
}

class RecordWalk<T> implements Iterator<ScopeRecord> {
  private next_ = 0;

  constructor(
    private readonly rows: readonly T[],
    private readonly build: (row: T) => ScopeRecord,
  ) {}

  next(): IteratorResult<ScopeRecord> {
    if (this.next_ >= this.rows.length) return { done: true, value: undefined };
    return { done: false, value: this.build(this.rows[this.next_++]!) };
  }
}
