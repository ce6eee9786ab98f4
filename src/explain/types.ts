/**
 * `audit --explain`: why each rule of a record's scope fired or did not. An Explanation is data
 * (rendered in zh or en by render.ts, written as JSON by `--json`); tests assert on it.
 */
import type { JudgedLeaf, JudgedNode } from '../evaluate/conditions.js';
import type { EscalationReason, Finding, PersonSummary, Subject } from '../findings/types.js';
import type { FactValue, RecordRef } from '../facts/types.js';
import type { Grade } from '../grade-scale.js';
import type { IsoDate, SheetKey } from '../ledger/types.js';
import type { Scope } from '../facts/scopes.js';
import type { Localized } from '../text.js';

/**
 * A leaf of the condition tree: fact, operator, expected (and the param that supplied it),
 * actual, result; `expectedFact` when the expected value is another fact of the record
 * (`promised_days > statutory_days`).
 */
export type ConditionLeaf = JudgedLeaf;

/** The rule's condition tree as the evaluator judged it on the record (src/evaluate/conditions.ts). */
export type TreeNode = JudgedNode;

/** How the target named the records explained. */
export type TargetKind =
  /** `F-…`: the record of that finding. */
  | 'finding-id'
  /** A record key: 受理编号, 登记编号, `姓名@YYYY-MM-DD`, an item name, `center`. */
  | 'record-key'
  /**
   * A person: a staff name (its staff record is explained too), or a name with no staff record
   * that dated records (`姓名@日期`) or findings name. Their findings are listed with how each was graded.
   */
  | 'person';

/** One fact of the record, for the header block. */
export interface FactEntry {
  name: string;
  value: FactValue;
  /** 'column': a ledger cell; 'derived': computed by src/facts (deadline, overdue_days, ...). */
  origin: 'column' | 'derived';
}

/** One step of a grade ladder, and whether the record's value reaches it. */
export interface LadderStep {
  min: number;
  grade: Grade;
  /** The rule param that supplied `min`. */
  param?: string;
  reached: boolean;
}

/** Why the base grade is what it is. */
export type GradeWhy =
  | { kind: 'base'; grade: Grade }
  /** `chosen` is null when no step is reached: the ladder's base stands. */
  | { kind: 'ladder'; fact: string; value: FactValue; base: Grade; steps: LadderStep[]; chosen: LadderStep | null; grade: Grade }
  | { kind: 'byValue'; fact: string; value: FactValue; map: Record<string, Grade>; grade: Grade }
  | { kind: 'fromFact'; fact: string; value: FactValue; grade: Grade };

/** A fired rule's grading, from the full audit's graded finding. */
export interface GradeExplanation {
  findingId: string;
  subject: Subject;
  base: Grade;
  why: GradeWhy;
  final: Grade;
  escalation: EscalationReason;
  deductionYuan: number;
  /** The evidence message of the finding. */
  message: Localized;
  /** What settlement made of it: counted, merged into another, reported before, withdrawn, regraded. */
  settlement: Pick<Finding, 'status' | 'mergedInto' | 'reportedIn' | 'chargedBeforeYuan' | 'decision'>;
}

/** other-period: the rule's conditions hold but its event lies outside the audited period (or has not come by as-of): not judged now. */
export type RuleStatus = 'fired' | 'not-fired' | 'not-run' | 'other-period';

export interface RuleVerdict {
  ruleId: string;
  clause: string;
  title: Localized;
  status: RuleStatus;
  /** not-run: the sheets whose absence turned the rule off (docs/ledger.md). */
  absentSheets?: SheetKey[];
  /** not-run: the columns it reads that its sheet's header lacks (docs/ledger.md). */
  absentColumns?: { sheet: SheetKey; columns: string[] };
  /** The condition tree with every leaf's values (absent when the rule did not run). */
  tree?: TreeNode;
  /** not-fired: the leaves that made the conditions false. */
  failedBy?: ConditionLeaf[];
  /** not-fired: the fewest leaves whose outcome would have to change for the rule to fire. */
  toFire?: ConditionLeaf[];
  /**
   * not-fired: a near miss — every condition held but one (`toFire` is one leaf, and some
   * other leaf held as the rule needs). Shown first; the other rules only with `--all`.
   */
  nearMiss?: boolean;
  /** other-period: the rule's event fact and its date on the record (null: not come by as-of). */
  event?: { fact: string; date: string | null };
  /** fired: base grade and why, final grade and escalation. */
  grade?: GradeExplanation;
}

export interface RecordExplanation {
  scope: Scope;
  ref: RecordRef;
  date: IsoDate;
  /** Derived facts first, then the record's non-empty columns. */
  facts: FactEntry[];
  /**
   * Every rule of the scope: the named finding's rule first (target a finding id), then fired,
   * near misses, the others not fired, not run; by id within each.
   */
  rules: RuleVerdict[];
}

/** One of a person's findings and the path its grade took. */
export interface PersonFinding {
  ruleId: string;
  clause: string;
  title: Localized;
  ref: RecordRef;
  date: IsoDate;
  /** The facts the finding quotes (its evidence), as the report shows them. */
  facts: Record<string, FactValue>;
  /** Base grade and why (ladder step, value), escalation, final grade, deduction, evidence. */
  grade: GradeExplanation;
}

/** `--explain <name>`: the person's findings this period, in the order escalation counts them (date, sheet, row). */
export interface PersonExplanation {
  name: string;
  findings: PersonFinding[];
  /** Counts by final grade, the highest, the yuan deducted; absent when the person has no finding. */
  summary?: PersonSummary;
}

export interface Explanation {
  /** The target as given. */
  target: string;
  targetKind: TargetKind;
  /** Set when the target was a finding id (normalised). */
  findingId?: string;
  center: string;
  period: string;
  periodInferred: boolean;
  asOf: IsoDate;
  records: RecordExplanation[];
  /** Set when the target names a person: their findings and how each was graded. */
  person?: PersonExplanation;
  /** Other records the target could mean that were not explained (e.g. 李敏@2026-10-08 beside staff 李敏). */
  alsoMatches: RecordRef[];
}
