/**
 * Lays out the cases sheet before writing it: the hand-placed cases first get their day, row
 * and 受理编号, so the planted list is known up front; the background cases are then made one
 * at a time as the rows are written, so 100,000 cases need no more memory than 300.
 */
import { monthOf } from '../calendar/dates.js';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import type { IsoDate } from '../ledger/types.js';
import { cleanCompleteCase, cleanIncompleteCase, type CaseValues } from './case-builder.js';
import { fixedCases, type FixedCase } from './fixed-cases.js';
import type { MonthDays } from './month-days.js';
import { Random } from './random.js';
import { ITEMS } from './roster.js';
import type { SampleRecord } from './types.js';

/** Rows above the first record: the merged title row and the header row. */
export const FIRST_DATA_ROW = 3;

interface Placed {
  fixed: FixedCase;
  caseId: string;
  row: number;
}

interface DayPlan {
  date: IsoDate;
  background: number;
  /** Index within the day → hand-placed case. */
  fixed: Map<number, Placed>;
}

export interface CasePlan {
  /** Hand-placed cases received before the period, in date order (those entered late last). */
  before: Placed[];
  /** Cases of an earlier month entered at the foot of the sheet (补录), in date order. */
  late: Placed[];
  days: DayPlan[];
  placed: Placed[];
  total: number;
}

function caseId(month: string, seq: number): string {
  return `SL-${month}-${String(seq).padStart(4, '0')}`;
}

export function minimumCases(m: MonthDays, seed: number): number {
  return fixedCases(m, Random.stream(seed, 'fixed')).length;
}

export function planCases(m: MonthDays, seed: number, total: number): CasePlan {
  const fixed = fixedCases(m, Random.stream(seed, 'fixed'));
  if (total < fixed.length) {
    throw new DutyAuditError('bad-usage', msg('sample.tooFewCases', { total, fixed: fixed.length }), { hint: msg('sample.tooFewCases.hint', { fixed: fixed.length }) });
  }
  const layout = Random.stream(seed, 'layout');
  const byReceipt = (a: FixedCase, b: FixedCase) => (a.values.received_on as string).localeCompare(b.values.received_on as string);
  const late = fixed.filter((f) => f.enteredLate).sort(byReceipt);
  const before = fixed.filter((f) => (f.values.received_on as string) < m.first && !f.enteredLate).sort(byReceipt);
  const inPeriod = fixed.filter((f) => !before.includes(f) && !late.includes(f));
  const placed: Placed[] = [];
  let row = FIRST_DATA_ROW;
  let seq = 200 + layout.int(10, 40);
  for (const f of before) {
    seq += layout.int(2, 6);
    const p = { fixed: f, caseId: caseId(monthOf(f.values.received_on as string), seq), row: row++ };
    placed.push(p);
  }
  const backgroundTotal = total - fixed.length;
  const W = m.working.length;
  const days: DayPlan[] = [];
  seq = 0;
  for (const [i, date] of m.working.entries()) {
    const background = Math.floor((backgroundTotal * (i + 1)) / W) - Math.floor((backgroundTotal * i) / W);
    const mine = inPeriod.filter((f) => f.values.received_on === date);
    const size = background + mine.length;
    // Where the day's hand-placed cases sit among its background cases.
    const slots = layout.slots(size, mine.length);
    const day: DayPlan = { date, background, fixed: new Map() };
    let slotIndex = 0;
    for (let k = 0; k < size; k++) {
      const f = slots[slotIndex] === k ? mine[slotIndex++] : undefined;
      if (f) {
        const id = f.duplicateOfPrevious ? caseId(m.period, seq) : caseId(m.period, ++seq);
        const p = { fixed: f, caseId: id, row };
        placed.push(p);
        day.fixed.set(k, p);
      } else {
        seq++;
      }
      row++;
    }
    days.push(day);
  }
  // Entered late, below the month's rows, with the earlier month's 受理编号 (numbered before the
  // cases above them were: from their own stream, so the rows above keep their numbers).
  const lateIds = Random.stream(seed, 'entered-late');
  let lateSeq = 100 + lateIds.int(10, 40);
  const lateRows: Placed[] = [];
  for (const f of late) {
    lateSeq += lateIds.int(2, 6);
    const p = { fixed: f, caseId: caseId(monthOf(f.values.received_on as string), lateSeq), row: row++ };
    placed.push(p);
    lateRows.push(p);
  }
  return { before: [...placed.filter((p) => before.includes(p.fixed)), ...lateRows], late: lateRows, days, placed, total };
}

/** A background case: complete materials most of the time, every rule kept. */
function backgroundCase(m: MonthDays, rng: Random, date: IsoDate): CaseValues {
  const item = rng.weighted(ITEMS.map((it) => [it, it.weight] as const));
  const kind = rng.weighted(item.kinds);
  const handler = rng.pick(item.handlers);
  return rng.chance(0.86) ? cleanCompleteCase(m, rng, date, item, kind, handler) : cleanIncompleteCase(m, rng, date, item, kind, handler);
}

export interface PlannedCase extends SampleRecord {
  row: number;
}

/** Every case row in sheet order, background cases made as they are reached. */
export function* planRows(m: MonthDays, plan: CasePlan, seed: number): Generator<PlannedCase> {
  const rng = Random.stream(seed, 'cases');
  const record = (p: Placed): PlannedCase => ({
    values: { case_id: p.caseId, ...p.fixed.values },
    plants: p.fixed.plants,
    ...(p.fixed.bad ? { bad: p.fixed.bad } : {}),
    row: p.row,
  });
  for (const p of plan.before) if (!plan.late.includes(p)) yield record(p);
  let row = FIRST_DATA_ROW + plan.before.length - plan.late.length;
  let seq = 0;
  for (const day of plan.days) {
    const size = day.background + day.fixed.size;
    for (let k = 0; k < size; k++, row++) {
      const p = day.fixed.get(k);
      if (p) {
        if (!p.fixed.duplicateOfPrevious) seq++;
        yield record(p);
      } else {
        yield { values: { case_id: caseId(m.period, ++seq), ...backgroundCase(m, rng, day.date) }, plants: [], row };
      }
    }
  }
  for (const p of plan.late) yield record(p);
}
