/**
 * What a rule edit changes (`duty-audit rules diff`): the findings of the old and the new rule
 * set on the same workbooks, matched by their stable ids.
 */
import type { Finding, FindingStatus, Subject } from '../findings/types.js';
import type { RecordRef } from '../facts/types.js';
import type { Grade } from '../grade-scale.js';
import type { IsoDate } from '../ledger/types.js';
import type { Localized } from '../text.js';

/**
 * added: only the new rules find it; removed: only the old; regraded: both, another base or
 * final grade; status: both, the same grades, but it counts differently (e.g. an `overlaps` edit
 * merges it into another finding on the same act, or no longer does).
 */
export type ChangeKind = 'added' | 'removed' | 'regraded' | 'status';
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'regraded', 'status'];

export interface Grades {
  baseGrade: Grade;
  grade: Grade;
  status: FindingStatus;
  /** With status `merged`: the finding that counts instead. */
  mergedInto?: string;
}

export interface FindingChange {
  kind: ChangeKind;
  /** The workbook (or CSV folder) as given. */
  workbook: string;
  center: string;
  period: string;
  id: string;
  ruleId: string;
  clause: string;
  title: Localized;
  subject: Subject;
  ref: RecordRef;
  date: IsoDate;
  message: Localized;
  /** The grades under the old rules (absent when added). */
  before?: Grades;
  /** The grades under the new rules (absent when removed). */
  after?: Grades;
}

export type ChangeCounts = Record<ChangeKind, number>;

export interface RuleChanges extends ChangeCounts {
  ruleId: string;
  clause: string;
  title: Localized;
}

export interface PersonChanges extends ChangeCounts {
  center: string;
  subject: Subject;
}

/** A rule file that differs between the two sets. */
export interface EditedRule {
  id: string;
  change: 'added' | 'removed' | 'changed';
  oldVersion?: number;
  newVersion?: number;
}

export interface RulesSide {
  /** The folder or git revision as the user gave it. */
  label: string;
  hash: string;
  rules: number;
}

export interface WorkbookDiff {
  workbook: string;
  center: string;
  period: string;
  asOf: IsoDate;
  oldFindings: number;
  newFindings: number;
}

export interface DiffResult {
  old: RulesSide;
  new: RulesSide;
  editedRules: EditedRule[];
  /** Did the policy (grading) change? */
  policyChanged: boolean;
  workbooks: WorkbookDiff[];
  /** Every change, sorted: workbook order, then rule, subject, date, row, id. */
  changes: FindingChange[];
  byRule: RuleChanges[];
  byPerson: PersonChanges[];
  totals: ChangeCounts;
}

/** Both sides of one finding id. */
export interface FindingPair {
  before?: Finding;
  after?: Finding;
}
