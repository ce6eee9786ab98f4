/**
 * A finding is data: which rule fired on which record, the values that made it fire and the
 * grades. Words are rendered from it (report/labels), never stored in it.
 */
import type { Grade } from '../grade-scale.js';
import type { Scope } from '../facts/scopes.js';
import type { FactValue, RecordRef } from '../facts/types.js';
import type { Localized } from '../text.js';
import type { IsoDate } from '../ledger/types.js';

/** One condition as the engine judged it: the evidence an inspector reads. */
export interface ConditionEvidence {
  fact: string;
  operator: string;
  /** The threshold or expected value (params already substituted). */
  expected: unknown;
  /** The fact's value for this record. */
  actual: FactValue;
  result: boolean;
  /** The param that supplied `expected`, if any. */
  param?: string;
}

export interface Subject {
  kind: 'staff' | 'center';
  name: string;
}

export type EscalationReason =
  | { kind: 'none' }
  | { kind: 'repeat'; occurrence: number; steps: number; capped: boolean };

/** What evaluation produces, before grading across the month. */
export interface RawFinding {
  ruleId: string;
  clause: string;
  title: Localized;
  scope: Scope;
  subject: Subject;
  ref: RecordRef;
  /** Further rows the finding cites (e.g. 全程代理制/三.4: the rows with data issues). */
  rows?: number[];
  date: IsoDate;
  /** Fact values quoted by the evidence template and the conditions, plus thresholds. */
  facts: Record<string, FactValue>;
  conditions: ConditionEvidence[];
  /** The evidence template rendered in both languages. */
  message: Localized;
  baseGrade: Grade;
  /** Why the base grade is what it is (e.g. "ladder: overdue_days 7 ≥ 6"). */
  baseReason: { kind: 'base' } | { kind: 'ladder'; fact: string; value: FactValue; min: number } | { kind: 'byValue'; fact: string; value: FactValue } | { kind: 'fromFact'; fact: string; value: FactValue };
}

/**
 * What settlement made of a finding (docs/grading.md): only `counted` and `regraded` findings
 * count toward escalation, deductions, the counts by grade and clause and the people to act on.
 */
export type FindingStatus = 'counted' | 'merged' | 'reported-before' | 'withdrawn' | 'regraded';
export const FINDING_STATUSES: readonly FindingStatus[] = ['counted', 'merged', 'reported-before', 'withdrawn', 'regraded'];

/** A reviewed appeal's outcome: 维持 upheld, 撤销 withdrawn, 改为<grade> regraded. */
export type Verdict = { kind: 'upheld' } | { kind: 'withdrawn' } | { kind: 'regraded'; grade: Grade };

/** A reviewed appeal (申诉复核), as the decisions file records it. */
export interface Decision {
  verdict: Verdict;
  reason: string;
  reviewer: string;
  date: IsoDate;
}

export interface Finding extends RawFinding {
  /**
   * Stable: a hash of rule id, ref.sheet, ref.key and subject.name (and the period for findings
   * on no dated record), so re-audits and later months give the same act the same id.
   */
  id: string;
  /** The grade it counts at: escalated, or set by a decision; the base grade when it counts for nothing. */
  grade: Grade;
  escalation: EscalationReason;
  /** Yuan deducted for this finding after the monthly cap (0 unless grade is deduction). */
  deductionYuan: number;
  status: FindingStatus;
  /** `merged`: the id of the finding on the same act that counts instead. */
  mergedInto?: string;
  /** The month (YYYY-MM) an earlier report already charged this act: `reported-before`, or `counted` at a higher grade. */
  reportedIn?: string;
  /** With `reportedIn` on a counted finding: the yuan earlier reports charged for it. */
  chargedBeforeYuan?: number;
  /** `withdrawn`, `regraded`, or an upheld (`counted`) finding: the reviewed appeal. */
  decision?: Decision;
}

/** Counts toward escalation, deductions, the summary and the people to act on. */
export function countsToward(f: Pick<Finding, 'status'>): boolean {
  return f.status === 'counted' || f.status === 'regraded';
}

export interface PersonSummary {
  name: string;
  /** Findings that count, by final grade. */
  counts: Record<Grade, number>;
  /** The highest final grade of the findings that count; null when none counts. */
  highest: Grade | null;
  sanction: Localized | null;
  deductionYuan: number;
  /** Findings on this person that count for nothing, shown apart. */
  merged: number;
  withdrawn: number;
  reportedBefore: number;
}
