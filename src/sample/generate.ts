/**
 * The sample month (docs/ledger.md, ARCHITECTURE "Sample month"): a realistic ledger of one center's
 * month with violations planted for every rule of the catalogue, each listed with the place a
 * finding must point at. `planSampleMonth` keeps the cases sheet lazy (for 100,000 cases);
 * `generateSampleMonth` holds everything in memory.
 */
import { loadCalendar } from '../calendar/load.js';
import type { WorkCalendar } from '../calendar/types.js';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { sheetSpec } from '../ledger/columns.js';
import { SHEET_KEYS, type SheetKey } from '../ledger/types.js';
import { attendanceRecords } from './attendance.js';
import { centerRecords, itemRecords, otherRecords, staffRecords } from './board.js';
import { planCases, planRows, FIRST_DATA_ROW, type CasePlan } from './case-plan.js';
import { complaintRecords } from './complaints.js';
import { earlierMonth, type EarlierMonth } from './earlier-month.js';
import { MonthDays, previousPeriod } from './month-days.js';
import { plantedList } from './planted.js';
import { Random } from './random.js';
import { renderRecord, sheetHeaders, sheetTitle } from './render.js';
import { DEFAULT_CENTER } from './roster.js';
import { compareText } from '../text.js';
import {
  DEFAULT_CASES, DEFAULT_PERIOD, DEFAULT_SEED,
  type Planted, type SampleMonth, type SampleOptions, type SampleRecord, type SampleRow, type SampleSheet,
} from './types.js';

/** A sheet whose rows are produced on demand (each call starts again, with the same rows). */
export interface SheetSource extends Omit<SampleSheet, 'rows'> {
  rows: () => Iterable<SampleRow>;
  /** Known up front for every sheet. */
  rowCount: number;
}

export interface SamplePlan {
  center: string;
  stem: string;
  period: string;
  asOf: string;
  sheets: SheetSource[];
  planted: Planted;
  /** The month before, written beside the sample as its history (earlier-month.ts). */
  earlier: EarlierMonth;
}

/** The decisions file written beside the sample (`audit --decisions`). */
export const DECISIONS_FILE = 'decisions.json';

/** The file-name stem of the month before the sample's: its ledger and JSON report are the history. */
export function historyStem(center: string, period: string): string {
  return `${shortCenterName(center)}-${previousPeriod(period)}`;
}

/** `城东社区便民服务中心` → `城东社区`, the file-name stem's first part. */
export function shortCenterName(center: string): string {
  return center.replace(/便民服务中心$/, '') || center;
}

function* rendered(key: SheetKey, records: Iterable<SampleRecord & { row?: number }>, seed: number): Generator<SampleRow> {
  const forms = Random.stream(seed, `forms:${key}`);
  let row = FIRST_DATA_ROW;
  for (const r of records) {
    yield { ...r, row: r.row ?? row, cells: renderRecord(key, r, forms) };
    row = (r.row ?? row) + 1;
  }
}

function source(key: SheetKey, center: string, period: string, rowCount: number, rows: () => Iterable<SampleRow>): SheetSource {
  const { keys, headers } = sheetHeaders(key);
  return { key, name: sheetSpec(key).zh, title: sheetTitle(center, period, key), headers, keys, rows, rowCount };
}

export function planSampleMonth(options: SampleOptions = {}, calendar: WorkCalendar = loadCalendar()): SamplePlan {
  const seed = options.seed ?? DEFAULT_SEED;
  const cases = options.cases ?? DEFAULT_CASES;
  const period = options.period ?? DEFAULT_PERIOD;
  const center = options.center ?? DEFAULT_CENTER;
  if (!Number.isInteger(seed)) throw new DutyAuditError('bad-usage', msg('sample.badSeed', { value: seed }), { hint: msg('sample.badSeed.hint') });
  if (!Number.isInteger(cases) || cases < 1) throw new DutyAuditError('bad-usage', msg('sample.badCases', { value: cases }), { hint: msg('sample.badCases.hint') });
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new DutyAuditError('bad-usage', msg('sample.badPeriod', { value: period }), { hint: msg('sample.badPeriod.hint') });
  const m = new MonthDays(calendar, period);
  const plan: CasePlan = planCases(m, seed, cases);
  const small = Random.stream(seed, 'small');
  const complaints = complaintRecords(m, small, plan);
  const { attendance, handovers } = attendanceRecords(m, small);
  const lists: { [K in SheetKey]?: SampleRecord[] } = {
    complaints, attendance, handovers, staff: staffRecords(), items: itemRecords(), center: centerRecords(center), other: otherRecords(m),
  };
  const sheets = SHEET_KEYS.map((key) => {
    if (key === 'cases') return source(key, center, period, plan.total, () => rendered(key, planRows(m, plan, seed), seed));
    const list = lists[key]!;
    return source(key, center, period, list.length, () => rendered(key, list, seed));
  });
  const stem = `${shortCenterName(center)}-${period}`;
  const planted = plantedList({
    center, period, asOf: m.asOf, seed, cases, plan, sheets: lists, headers: Object.fromEntries(sheets.map((s) => [s.key, s])),
    history: `${historyStem(center, period)}.json`, decisions: DECISIONS_FILE,
  });
  // The earlier month's own ledger holds them in the order they were received.
  const carried = [...plan.before]
    .sort((a, b) => compareText(String(a.fixed.values.received_on), String(b.fixed.values.received_on)))
    .map((p): SampleRecord => ({ values: { case_id: p.caseId, ...p.fixed.values }, plants: [] }));
  const earlier = earlierMonth(historyStem(center, period), period, sheets, carried, (key, records) => rendered(key, records, seed), (key) => sheetTitle(center, previousPeriod(period), key));
  return { center, stem, period, asOf: m.asOf, sheets, planted, earlier };
}

/** The whole month in memory (fine for the default few hundred cases). */
export function generateSampleMonth(options: SampleOptions = {}, calendar?: WorkCalendar): SampleMonth {
  const plan = planSampleMonth(options, calendar);
  return {
    center: plan.center,
    stem: plan.stem,
    period: plan.period,
    asOf: plan.asOf,
    sheets: plan.sheets.map(({ rows, rowCount: _count, ...sheet }) => ({ ...sheet, rows: [...rows()] })),
    planted: plan.planted,
  };
}
