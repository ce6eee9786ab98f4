/**
 * Absences and the handovers that cover them (失职追究制/二.9, AB岗工作制/一; docs/duties.md).
 * A handover row covers every day from 日期 to 结束日期 (just 日期 without one). An absence is a
 * run of 请假/出差/会议 rows for one person on consecutive working days: one act, however many
 * days it lasts, so the two rules on it give at most one finding each, on its first day in this
 * ledger. It is covered when every one of its days lies in some handover row naming the person
 * as A岗.
 */
import type { WorkCalendar } from '../calendar/types.js';
import type { AttendanceRecord, AttendanceStatus, HandoverRecord, IsoDate, LedgerRow } from '../ledger/types.js';
import { compareText } from '../text.js';

/** The attendance statuses that take a person away from their post with leave. */
export const ABSENCE_STATUSES: ReadonlySet<AttendanceStatus> = new Set<AttendanceStatus>(['请假', '出差', '会议']);

/** Per A岗, the day ranges their handover rows cover. */
export class HandoverCover {
  private readonly ranges = new Map<string, [IsoDate, IsoDate][]>();

  constructor(rows: readonly LedgerRow<'handovers'>[]) {
    for (const { record } of rows) this.add(record);
  }

  private add(h: HandoverRecord): void {
    // An end before the start is read as a one-day handover rather than none at all.
    const to = h.end_date !== undefined && h.end_date > h.date ? h.end_date : h.date;
    const list = this.ranges.get(h.absent_staff);
    if (list) list.push([h.date, to]);
    else this.ranges.set(h.absent_staff, [[h.date, to]]);
  }

  /** Some handover row names `person` as A岗 on `date`. */
  covers(person: string, date: IsoDate): boolean {
    return this.ranges.get(person)?.some(([from, to]) => from <= date && date <= to) ?? false;
  }
}

export interface Absence {
  staff: string;
  /** The absence's first and last days in this ledger. */
  from: IsoDate;
  to: IsoDate;
  /** Distinct days with a 请假/出差/会议 row. */
  days: number;
  /** The row of its first day (the one a finding cites). */
  firstRow: number;
  /** Every day lies in a handover row naming the person as A岗; null without a handovers sheet. */
  covered: boolean | null;
  /** false when any day's 已报批 is 否, true when every day's is 是, else null (not recorded). */
  approved: boolean | null;
}

/** Two days of one person's absence rows belong to one absence: no working day lies between them. */
function consecutive(cal: WorkCalendar, earlier: IsoDate, later: IsoDate): boolean {
  if (!cal.covers(earlier) || !cal.covers(later)) return earlier === later;
  return cal.workingDaysBetween(earlier, later) <= 1;
}

function approvalOf(rows: readonly LedgerRow<'attendance'>[]): boolean | null {
  if (rows.some((r) => r.record.approved === false)) return false;
  return rows.every((r) => r.record.approved === true) ? true : null;
}

function absenceOf(rows: LedgerRow<'attendance'>[], cover: HandoverCover | undefined): Absence {
  const first = rows[0]!;
  const days = [...new Set(rows.map((r) => r.record.date))];
  const staff = first.record.staff;
  return {
    staff,
    from: first.record.date,
    to: rows[rows.length - 1]!.record.date,
    days: days.length,
    firstRow: first.row,
    covered: cover ? days.every((d) => cover.covers(staff, d)) : null,
    approved: approvalOf(rows),
  };
}

/**
 * Every absence of the ledger's attendance rows (all of them, not only the period's, so that an
 * absence begun last month is not judged again this month), keyed by the attendance row it
 * belongs to.
 */
export function absencesByRow(
  rows: readonly LedgerRow<'attendance'>[],
  cover: HandoverCover | undefined,
  cal: WorkCalendar,
): Map<LedgerRow<'attendance'>, Absence> {
  const byPerson = new Map<string, LedgerRow<'attendance'>[]>();
  for (const row of rows) {
    const a: AttendanceRecord = row.record;
    if (!ABSENCE_STATUSES.has(a.status)) continue;
    const list = byPerson.get(a.staff);
    if (list) list.push(row);
    else byPerson.set(a.staff, [row]);
  }
  const out = new Map<LedgerRow<'attendance'>, Absence>();
  for (const list of byPerson.values()) {
    list.sort((a, b) => compareText(a.record.date, b.record.date) || a.row - b.row);
    let run: LedgerRow<'attendance'>[] = [];
    const close = (): void => {
      if (run.length === 0) return;
      const absence = absenceOf(run, cover);
      for (const r of run) out.set(r, absence);
      run = [];
    };
    for (const row of list) {
      const last = run[run.length - 1];
      if (last && !consecutive(cal, last.record.date, row.record.date)) close();
      run.push(row);
    }
    close();
  }
  return out;
}
