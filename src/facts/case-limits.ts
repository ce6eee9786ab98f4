/**
 * The limit of each audited case (deadline.ts), worked out once per audit and asked for by
 * all three that need it: the case facts (the overdue rules), 按期办结率 (service-figures.ts)
 * and the 预警 warnings (src/audit/warnings.ts). They cannot disagree on a deadline, and the
 * calendar is walked once per case. Each item's 法定时限 is found here once too, for the limits
 * and for the `statutory_days` fact.
 *
 * What is kept per case is only the calendar's answer, the due day (a date text the calendar
 * already holds, shared by every case due that day), in an array indexed by the case's row: the
 * rest of a limit is a few comparisons on the record, done again when asked. Whole limit objects
 * kept cost more than they save: in a WeakMap keyed by row they had made the evaluation ~50 ms
 * slower and the peak ~14 MB higher on the 100,000-case bench month (bench/audit.ts); in this
 * row-indexed array, building the month's case records took ~48 ms against ~37 with due days
 * only (the kept objects are copied out of the young generation; warm process, 4 alternating
 * rounds of medians of 7, busy machine).
 */
import type { IsoDate, LedgerRow } from '../ledger/types.js';
import { boundLimit, dueDay, limitDue, type CaseLimit } from './deadline.js';
import type { AuditContext } from './types.js';

/** A due day past the last loaded calendar day (dueDay's undefined), as kept. */
const PAST_CALENDARS = '';

/** Each item's 法定时限: its first row of the items sheet that gives one; undefined without the sheet. */
function statutoryDaysByItem(ctx: AuditContext): Map<string, number> | undefined {
  const rows = ctx.ledger.sheets.items;
  if (!rows) return undefined;
  const byItem = new Map<string, number>();
  for (const { record } of rows) if (record.statutory_days !== undefined && !byItem.has(record.item)) byItem.set(record.item, record.statutory_days);
  return byItem;
}

export class CaseLimits {
  private readonly statutory: Map<string, number> | undefined;
  /** By row number: the row whose due day is kept (a row number another row shares is not trusted). */
  private readonly rowAt: (LedgerRow<'cases'> | undefined)[];
  /** By row number: the due day, PAST_CALENDARS, or undefined while not worked out. */
  private readonly dueAt: (IsoDate | undefined)[];

  constructor(private readonly ctx: AuditContext) {
    this.statutory = statutoryDaysByItem(ctx);
    const rows = ctx.ledger.sheets.cases ?? [];
    // Rows come in sheet order; a row past the last one's number is worked out each time it is asked for.
    const size = (rows[rows.length - 1]?.row ?? 0) + 1;
    this.rowAt = new Array<LedgerRow<'cases'> | undefined>(size).fill(undefined);
    this.dueAt = new Array<IsoDate | undefined>(size).fill(undefined);
  }

  /** The item's 法定时限; null when the item is not listed or the items sheet is absent. */
  statutoryDays(item: string): number | null {
    return this.statutory?.get(item) ?? null;
  }

  /** The case's limit. Throws the calendar's date-outside-calendar error as caseLimit does. */
  of(row: LedgerRow<'cases'>): CaseLimit {
    const bound = boundLimit(row.record, this.statutoryDays(row.record.item));
    if (bound.days === null) return limitDue(bound, undefined, this.ctx.calendar);
    const due = this.dueDayOf(row, bound.start, bound.days);
    return limitDue(bound, due === PAST_CALENDARS ? undefined : due, this.ctx.calendar);
  }

  /**
   * The due day, worked out the first time the row asks. A later ask runs only code the first
   * one ran: the day is read after it is remembered, not returned from a branch of its own,
   * which no ask of the facts walk takes and V8 has no feedback for when the warnings first do.
   * With that branch, the warnings of the bench month took ~25 ms of CPU in a fresh process
   * against ~19 before the limits were kept; written this way, ~19 (two runs of 15 alternating
   * rounds, busy machine).
   */
  private dueDayOf(row: LedgerRow<'cases'>, start: IsoDate, days: number): IsoDate {
    const i = row.row;
    if (i >= this.rowAt.length) return dueDay(start, days, this.ctx.calendar) ?? PAST_CALENDARS;
    if (this.rowAt[i] !== row) {
      // Worked out before the row is marked: a calendar error leaves nothing half remembered.
      this.dueAt[i] = dueDay(start, days, this.ctx.calendar) ?? PAST_CALENDARS;
      this.rowAt[i] = row;
    }
    return this.dueAt[i]!;
  }
}

const LIMITS_OF_AUDITS = new WeakMap<AuditContext, CaseLimits>();

/** The audit's case limits: one per AuditContext, so every part of one audit shares them. */
export function caseLimits(ctx: AuditContext): CaseLimits {
  let limits = LIMITS_OF_AUDITS.get(ctx);
  if (!limits) LIMITS_OF_AUDITS.set(ctx, (limits = new CaseLimits(ctx)));
  return limits;
}
