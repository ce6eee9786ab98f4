/**
 * Indexes and per-person aggregates shared by several scopes, built once per run so that no
 * rule and no record ever scans a sheet again.
 */
import type { AuditContext } from './types.js';
import type { CaseRecord, HandoverRecord, IsoDate, ItemRecord, LedgerRow, StaffRecord } from '../ledger/types.js';
import { inPeriod } from './period.js';

export interface PersonAggregate {
  /** Cases received in the period that the person handled. */
  handledCount: number;
  errorCount: number;
  lastErrorDate: IsoDate | null;
  /** The person's first audited case row (their ref when not on the staff board). */
  firstCaseRow: number;
}

export interface ItemAggregate {
  handledCount: number;
  firstCaseRow: number;
  firstCaseDate: IsoDate;
}

export interface Lookups {
  /** Audited cases, in ledger order. */
  cases: LedgerRow<'cases'>[];
  /** undefined when the items sheet is absent: derived facts reading it are then null. */
  items: Map<string, LedgerRow<'items'>[]> | undefined;
  /** `absent_staff@date`; undefined when the handovers sheet is absent. */
  handovers: Set<string> | undefined;
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

function indexHandovers(rows: LedgerRow<'handovers'>[] | undefined): Set<string> | undefined {
  return rows && new Set(rows.map(({ record }: { record: HandoverRecord }) => handoverKey(record.absent_staff, record.date)));
}

function indexBoard(rows: LedgerRow<'staff'>[] | undefined): Map<string, LedgerRow<'staff'>> | undefined {
  if (!rows) return undefined;
  const board = new Map<string, LedgerRow<'staff'>>();
  for (const row of rows) if (!board.has((row.record as StaffRecord).name)) board.set(row.record.name, row);
  return board;
}

function addCase(people: Map<string, PersonAggregate>, row: LedgerRow<'cases'>, period: string): void {
  const c: CaseRecord = row.record;
  let person = people.get(c.handler);
  if (!person) {
    person = { handledCount: 0, errorCount: 0, lastErrorDate: null, firstCaseRow: row.row };
    people.set(c.handler, person);
  }
  if (!inPeriod(c.received_on, period)) return;
  person.handledCount += 1;
  if (c.error === true) {
    person.errorCount += 1;
    if (person.lastErrorDate === null || c.received_on > person.lastErrorDate) person.lastErrorDate = c.received_on;
  }
}

function addItem(items: Map<string, ItemAggregate>, row: LedgerRow<'cases'>): void {
  const item = items.get(row.record.item);
  if (!item) items.set(row.record.item, { handledCount: 1, firstCaseRow: row.row, firstCaseDate: row.record.received_on });
  else {
    item.handledCount += 1;
    if (row.record.received_on < item.firstCaseDate) item.firstCaseDate = row.record.received_on;
  }
}

export function buildLookups(ctx: AuditContext, cases: LedgerRow<'cases'>[]): Lookups {
  const people = new Map<string, PersonAggregate>();
  const handledItems = new Map<string, ItemAggregate>();
  for (const row of cases) {
    addCase(people, row, ctx.period);
    addItem(handledItems, row);
  }
  return {
    cases,
    items: indexItems(ctx.ledger.sheets.items),
    handovers: indexHandovers(ctx.ledger.sheets.handovers),
    board: indexBoard(ctx.ledger.sheets.staff),
    people,
    handledItems,
  };
}

/** The first non-empty value of a column among an item's rows (an item may list several fees). */
export function firstOf<K extends keyof ItemRecord>(rows: LedgerRow<'items'>[], key: K): ItemRecord[K] | undefined {
  for (const row of rows) if (row.record[key] !== undefined) return row.record[key];
  return undefined;
}
