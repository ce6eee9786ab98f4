/**
 * The sample month as data: typed records per sheet (what an auditor should read back), the
 * cell forms they are written in (what a center really types), and the planted violations and
 * bad cells with their places — the answer key a full audit must reproduce exactly.
 */
import type { FindingStatus } from '../findings/types.js';
import type { Grade } from '../grade-scale.js';
import type { DataIssueCode, IsoDate, SheetKey } from '../ledger/types.js';

export interface SampleOptions {
  /** Same seed, same month (records, planted list and CSV bytes). */
  seed?: number;
  /** Case rows in the cases sheet, planted and late-September cases included. */
  cases?: number;
  /** `YYYY-MM`; the calendar must cover it, the month before and the two after. */
  period?: string;
  /** 中心名称. */
  center?: string;
}

export const DEFAULT_SEED = 2026;
export const DEFAULT_CASES = 303;
export const DEFAULT_PERIOD = '2026-10';

/** A value as it lands in a cell. A Date is a real Excel date cell (UTC midnight). */
export type SampleCell = string | number | Date | null;

/**
 * What settlement must make of a planted finding when the sample is audited with its history
 * (the September report) and its decisions file (docs/grading.md): merged into the finding of
 * rule `into` on the same record (`onCase`: on the case a complaint names), reported in an
 * earlier month (`counted` again at a higher grade), or decided on appeal. Absent: counted.
 */
export type PlantSettled =
  | { status: 'merged'; into: string; onCase?: boolean }
  | { status: 'reported-before' | 'counted'; reportedIn: string }
  | { status: 'withdrawn' | 'regraded' | 'counted'; decision: SampleDecision };

/** A reviewed appeal as the decisions file writes it (决定 维持 / 撤销 / 改为<grade>). */
export interface SampleDecision {
  decision: string;
  reason: string;
}

/** What a record plants: the rule that must fire on it and the base grade it must get. */
export interface Plant {
  ruleId: string;
  baseGrade: Grade;
  note: string;
  settled?: PlantSettled;
}

/** A 预警 a planted record must raise on as-of (src/audit/warnings.ts). */
export interface SampleWarning {
  kind: 'due-soon' | 'overdue-open' | 'pending-complaint';
  dueOn: IsoDate | null;
  workingDaysLeft: number | null;
  note: string;
}

/** A cell written so that it cannot be read: the row is set aside with this data issue. */
export interface BadCell {
  column: string;
  raw: string;
  code: DataIssueCode;
  note: string;
}

/** A record planted to show a rule staying quiet where a careless reading would fire it. */
export interface NearMiss {
  ruleIds: string[];
  note: string;
}

/** One record before it is written: typed values by column key (dates as YYYY-MM-DD). */
export interface SampleRecord {
  values: Record<string, string | number | boolean | undefined>;
  plants: Plant[];
  bad?: BadCell;
  nearMiss?: NearMiss;
  warning?: SampleWarning;
}

/** A record with its place in the written sheet. */
export interface SampleRow extends SampleRecord {
  /** 1-based row in the file; the title row is row 1, the header row 2. */
  row: number;
  cells: SampleCell[];
}

export interface SampleSheet {
  key: SheetKey;
  /** Sheet name (办件台账 ...), also the suffix of the CSV file name. */
  name: string;
  /** The merged title row above the header. */
  title: string;
  headers: string[];
  /** Column keys, in header order. */
  keys: string[];
  rows: SampleRow[];
}

export interface PlantedViolation {
  ruleId: string;
  clause: string;
  /** ref.sheet of the finding (docs/report.md). */
  sheet: SheetKey;
  /** ref.key of the finding. */
  key: string;
  /** ref.row of the finding. */
  row: number;
  baseGrade: Grade;
  note: string;
  /** With the history report and the decisions file: what settlement makes of it. */
  status: FindingStatus;
  /** `merged`: the planted finding that counts instead. */
  mergedInto?: { ruleId: string; sheet: SheetKey; key: string };
  /** The month the history report already charged the act. */
  reportedIn?: string;
  decision?: SampleDecision;
}

/** A warning a planted record raises (background cases may add due-soon ones of their own). */
export interface PlantedWarning extends SampleWarning {
  sheet: SheetKey;
  key: string;
  row: number;
}

/** A record no listed rule may fire on, and why (e.g. 退回补正 is never overdue). */
export interface PlantedNearMiss {
  ruleIds: string[];
  sheet: SheetKey;
  key: string;
  row: number;
  note: string;
}

export interface PlantedDataIssue {
  sheet: SheetKey;
  row: number;
  /** Column letter. */
  column: string;
  header: string;
  value: string;
  code: DataIssueCode;
  note: string;
}

export interface Planted {
  center: string;
  period: string;
  asOf: IsoDate;
  seed: number;
  cases: number;
  violations: PlantedViolation[];
  /** Records planted to stay quiet: the rules listed must not fire on them. */
  nearMisses: PlantedNearMiss[];
  dataIssues: PlantedDataIssue[];
  warnings: PlantedWarning[];
  /** Written beside the sample: the earlier month's JSON report to audit with as --history, and the --decisions file. */
  history: string;
  decisions: string;
}

export interface SampleMonth {
  center: string;
  /** File-name stem, e.g. 城东社区-2026-10. */
  stem: string;
  period: string;
  asOf: IsoDate;
  sheets: SampleSheet[];
  planted: Planted;
}
