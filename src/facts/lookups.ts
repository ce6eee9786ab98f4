/**
 * Indexes and per-person aggregates shared by several scopes, built once per run so that no
 * rule and no record ever scans a sheet again.
 */
import type { AuditContext } from './types.js';
import type { CaseRecord, IsoDate, LedgerRow, StaffRecord } from '../ledger/types.js';
import { caseLimits, type CaseLimits } from './case-limits.js';
import { absencesByRow, HandoverCover, type Absence } from './absences.js';
import { chargedFeeItem } from './fee-status.js';
import { completedBy, inPeriod } from './period.js';

export interface PersonAggregate {
  /** Cases received in the period that the person handled. */
  handledCount: number;
  /**
   * The person's cases marked 差错 that are dated in the period: a 差错 has no date of its own, so
   * it takes the 办结日期, or as-of while the case is open (events.ts, `outcome_on`).
   */
  errorCount: number;
  /** The person's first audited case row (their ref when not on the staff board). */
  firstCaseRow: number;
}

export interface ItemAggregate {
  handledCount: number;
  firstCaseRow: number;
  firstCaseDate: IsoDate;
  /** The fee items charged (fee > 0) on the item's cases received in the period, in order of first charge. */
  feeItemsCharged: string[];
}

export interface Lookups {
  /** The period's cases (period.ts, isCaseOfPeriod), in ledger order. */
  cases: LedgerRow<'cases'>[];
  /** Each case's limit and each item's 法定时限, shared with the rest of the audit (case-limits.ts). */
  limits: CaseLimits;
  /** undefined when the items sheet is absent: derived facts reading it are then null. */
  items: Map<string, LedgerRow<'items'>[]> | undefined;
  /** The days each A岗's handover rows cover; undefined when the handovers sheet is absent. */
  handovers: HandoverCover | undefined;
  /** The absence each 请假/出差/会议 row of the attendance sheet belongs to. */
  absences: Map<LedgerRow<'attendance'>, Absence>;
  /** Staff board by name; undefined when the staff sheet is absent. */
  board: Map<string, LedgerRow<'staff'>> | undefined;
  /** Per handler of an audited case, in order of first appearance. */
  people: Map<string, PersonAggregate>;
  /** Per item of an audited case, in order of first appearance. */
  handledItems: Map<string, ItemAggregate>;
}

export function handoverKey(person: string, date: IsoDate): string {
  return `${person}@${date}`;
}

function indexItems(rows: LedgerRow<'items'>[] | undefined): Map<string, LedgerRow<'items'>[]> | undefined {
  if (!rows) return undefined;
  const index = new Map<string, LedgerRow<'items'>[]>();
  for (const row of rows) {
    const list = index.get(row.record.item);
    if (list) list.push(row);
    else index.set(row.record.item, [row]);
  }
  return index;
}


function indexBoard(rows: LedgerRow<'staff'>[] | undefined): Map<string, LedgerRow<'staff'>> | undefined {
  if (!rows) return undefined;
  const board = new Map<string, LedgerRow<'staff'>>();
  for (const row of rows) if (!board.has((row.record as StaffRecord).name)) board.set(row.record.name, row);
  return board;
}

function addCase(people: Map<string, PersonAggregate>, row: LedgerRow<'cases'>, period: string, asOf: IsoDate): void {
  const c: CaseRecord = row.record;
  let person = people.get(c.handler);
  if (!person) {
    person = { handledCount: 0, errorCount: 0, firstCaseRow: row.row };
    people.set(c.handler, person);
  }
  if (inPeriod(c.received_on, period)) person.handledCount += 1;
  if (c.error === true && inPeriod(completedBy(c, asOf) ?? asOf, period)) person.errorCount += 1;
}

function addItem(items: Map<string, ItemAggregate>, row: LedgerRow<'cases'>, period: string): void {
  let item = items.get(row.record.item);
  if (!item) {
    item = { handledCount: 0, firstCaseRow: row.row, firstCaseDate: row.record.received_on, feeItemsCharged: [] };
    items.set(row.record.item, item);
  }
  item.handledCount += 1;
  if (row.record.received_on < item.firstCaseDate) item.firstCaseDate = row.record.received_on;
  // A fee is charged at receipt: a case received in an earlier month was judged then.
  const fee = inPeriod(row.record.received_on, period) ? chargedFeeItem(row.record) : undefined;
  if (fee !== undefined && !item.feeItemsCharged.includes(fee)) item.feeItemsCharged.push(fee);
}

export function buildLookups(ctx: AuditContext, cases: LedgerRow<'cases'>[]): Lookups {
  const people = new Map<string, PersonAggregate>();
  const handledItems = new Map<string, ItemAggregate>();
  for (const row of cases) {
    addCase(people, row, ctx.period, ctx.asOf);
    addItem(handledItems, row, ctx.period);
  }
  const handovers = ctx.ledger.sheets.handovers && new HandoverCover(ctx.ledger.sheets.handovers);
  return {
    cases,
    limits: caseLimits(ctx),
    items: indexItems(ctx.ledger.sheets.items),
    handovers,
    absences: absencesByRow(ctx.ledger.sheets.attendance ?? [], handovers, ctx.calendar),
    board: indexBoard(ctx.ledger.sheets.staff),
    people,
    handledItems,
  };
}

