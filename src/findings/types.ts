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

export interface Finding extends RawFinding {
  /** Stable: a hash of rule id and the record's identity, so re-audits give the same ids. */
  id: string;
  grade: Grade;
  escalation: EscalationReason;
  /** Yuan deducted for this finding after the monthly cap (0 unless grade is deduction). */
  deductionYuan: number;
}

export interface PersonSummary {
  name: string;
  counts: Record<Grade, number>;
  highest: Grade;
  sanction: Localized;
  deductionYuan: number;
}
