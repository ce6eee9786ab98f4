/**
 * The month's service figures e-supervision reports rank staff and centers by (docs/report.md,
 * 人员汇总; docs/grading.md, what counts where), per handler and for the whole center:
 * - cases handled: cases received in the period;
 * - 按期办结率: cases completed in the period by their deadline ÷ cases completed in the period
 *   with a deadline (the deadline 失职追究制/二.6 uses, as the case facts worked it out: case-limits.ts);
 * - 满意率: rated cases not 不满意/非常不满意 ÷ rated cases, a rating dated like the case's other
 *   undated facts (its 办结日期, or as-of while open) and counted in the period it falls in.
 * Computed once per audit from the audited cases; the report only renders them.
 */
import type { AuditContext } from './types.js';
import type { CaseRecord, LedgerRow, Rating } from '../ledger/types.js';
import { casePlace } from './case-facts.js';
import { calendarErrorAt } from './calendar-errors.js';
import { caseLimits, type CaseLimits } from './case-limits.js';
import { completedOnTime } from './deadline.js';
import { completedBy, inPeriod, isCaseOfPeriod } from './period.js';

export interface ServiceFigures {
  /** Cases received in the period. */
  handled: number;
  /** Cases completed in the period that had a deadline. */
  completedWithDeadline: number;
  /** Of those, completed on or before the deadline. */
  completedOnTime: number;
  /** completedOnTime ÷ completedWithDeadline, 0…1 (4 decimals); null when nothing was completed with a deadline. */
  onTimeRate: number | null;
  /** Cases with a 满意度 dated in the period. */
  rated: number;
  /** Of those, rated neither 不满意 nor 非常不满意. */
  satisfied: number;
  /** satisfied ÷ rated, 0…1 (4 decimals); null when no case was rated. */
  satisfactionRate: number | null;
}

export interface PersonService extends ServiceFigures {
  name: string;
}

export interface ServiceReport {
  /** Every handler of an audited case, in order of first appearance in the ledger. */
  people: PersonService[];
  center: ServiceFigures;
}

const UNSATISFIED: ReadonlySet<Rating> = new Set<Rating>(['不满意', '非常不满意']);

function zero(): ServiceFigures {
  return { handled: 0, completedWithDeadline: 0, completedOnTime: 0, onTimeRate: null, rated: 0, satisfied: 0, satisfactionRate: null };
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function withRates<T extends ServiceFigures>(f: T): T {
  f.onTimeRate = rate(f.completedOnTime, f.completedWithDeadline);
  f.satisfactionRate = rate(f.satisfied, f.rated);
  return f;
}

/** What one audited case adds to its handler's figures and the center's. */
interface CaseCounts {
  handled: boolean;
  /** null: not completed in the period with a deadline. */
  onTime: boolean | null;
  /** null: no rating dated in the period. */
  satisfied: boolean | null;
}

function countsOf(row: LedgerRow<'cases'>, ctx: AuditContext, limits: CaseLimits): CaseCounts {
  const c: CaseRecord = row.record;
  const completed = completedBy(c, ctx.asOf);
  let onTime: boolean | null = null;
  if (completed !== null && inPeriod(completed, ctx.period)) {
    try {
      onTime = completedOnTime(limits.of(row), completed);
    } catch (error) {
      throw calendarErrorAt(error, casePlace(row, ctx));
    }
  }
  const rated = c.rating !== undefined && inPeriod(completed ?? ctx.asOf, ctx.period);
  return { handled: inPeriod(c.received_on, ctx.period), onTime, satisfied: rated ? !UNSATISFIED.has(c.rating!) : null };
}

function add(into: ServiceFigures, counts: CaseCounts): void {
  if (counts.handled) into.handled += 1;
  if (counts.onTime !== null) {
    into.completedWithDeadline += 1;
    if (counts.onTime) into.completedOnTime += 1;
  }
  if (counts.satisfied !== null) {
    into.rated += 1;
    if (counts.satisfied) into.satisfied += 1;
  }
}

export function serviceFigures(ctx: AuditContext): ServiceReport {
  const people = new Map<string, PersonService>();
  const center = zero();
  const limits = caseLimits(ctx);
  for (const row of ctx.ledger.sheets.cases ?? []) {
    if (!isCaseOfPeriod(row.record, ctx.period, ctx.asOf)) continue;
    let person = people.get(row.record.handler);
    if (!person) people.set(row.record.handler, (person = { name: row.record.handler, ...zero() }));
    const counts = countsOf(row, ctx, limits);
    add(person, counts);
    add(center, counts);
  }
  return { people: [...people.values()].map(withRates), center: withRates(center) };
}
