/**
 * A rule as loaded from `rules/**\/*.json` (schema: `schemas/rule.schema.json`).
 * The file format is documented in `rules/FORMAT.md`.
 */
import type { Grade } from '../grade-scale.js';
import type { Scope } from '../facts/scopes.js';
import type { SheetKey } from '../ledger/types.js';
import type { Message } from '../messages/catalogue.js';
import type { Localized } from '../text.js';

/** Whom a finding holds responsible: a staff member named by a fact, or the center. */
export type SubjectSpec = { kind: 'staff'; fact: string } | { kind: 'center' };

export interface ParamSpec {
  value: number | string | boolean | (number | string)[];
  description: Localized;
}

/** A threshold in a grade ladder: a literal or `{ "param": name }`. */
export type Threshold = number | { param: string };

export type GradeSpec =
  /** A fixed grade. */
  | { base: Grade; ladder?: undefined }
  /** `base`, raised to the highest step whose `min` the fact reaches. */
  | { base: Grade; ladder: { fact: string; steps: { min: Threshold; grade: Grade }[] } }
  /** The grade chosen by a fact's value (e.g. 是 → criticism, 待查 → reminder). */
  | { byValue: { fact: string; map: Record<string, Grade> } }
  /** The grade is itself a fact (二.10: the grade the inspector entered). */
  | { fromFact: string };

/** A record a rule must fire on (with `grade`) or must not fire on. */
export interface RuleCase {
  description: string;
  /** The record under test: the scope's ledger columns by English key, dates as YYYY-MM-DD. */
  record: Record<string, unknown>;
  /** Other sheets' rows the record needs (e.g. handovers for 二.9, cases for staff scope). */
  with?: { [K in SheetKey]?: Record<string, unknown>[] };
  /** "Today" for the case; defaults to the policy's test as-of (the end of the record's month). */
  asOf?: string;
  /** Required on `fire` cases. */
  grade?: Grade;
  /**
   * Staff and item scopes only: `false` when the person / item is not a row of the staff board /
   * items sheet (it appears only in `with.cases`); the record then just names it. Default true.
   */
  recordOnSheet?: boolean;
  /** Unreadable rows of the test ledger (scope `ledger`): each becomes a data issue. */
  dataIssues?: { sheet: SheetKey; row: number; column?: string; code?: string; value?: string }[];
}

export interface RuleFile {
  $schema?: string;
  id: string;
  version: number;
  title: Localized;
  clause: string;
  clauseText: string;
  scope: Scope;
  subject: SubjectSpec;
  /**
   * The date fact of the rule's scope that places its event in a month: the rule is judged on
   * a record only in the period holding that date (src/facts/period.ts), and a finding is dated
   * by it (docs/grading.md, "Each act is judged once").
   */
  event: string;
  params: Record<string, ParamSpec>;
  /** json-rules-engine `TopLevelCondition`; values may be `{ "param": name }`. */
  conditions: unknown;
  grade: GradeSpec;
  evidence: Localized;
  cases: { fire: RuleCase[]; pass: RuleCase[] };
}

/** A validated rule ready to evaluate: params substituted into conditions and ladder. */
export interface Rule extends RuleFile {
  /** Path relative to the rules folder, for messages. */
  file: string;
  /** Conditions with every `{param}` replaced by its value (what the engine runs). */
  resolvedConditions: unknown;
  /** Sheets that must be present for the rule to run (scope sheet + facts' sheets). */
  requires: SheetKey[];
  /**
   * Optional columns of the scope's sheet that its conditions, grade and subject read (the facts'
   * readsColumns): on a sheet whose header lacks one, the rule does not run. Set by the loader.
   */
  requiresColumns: string[];
  /**
   * Sheets the rule's facts read when present and do without otherwise, with what is left out
   * (one entry per distinct text). Set by the loader.
   */
  readsIfPresent?: { sheet: SheetKey; without: Localized }[];
  /** SHA-256 of the file's bytes; part of the rule-set hash. */
  sha256: string;
  /**
   * Which param supplied a leaf condition's `value`, keyed by the leaf's JSON pointer inside
   * `conditions` (e.g. `/all/0`, `/any/1/not`), so evidence can name the threshold's param.
   * Set by the loader.
   */
  paramOf?: Record<string, string>;
  /** `grade` with every ladder `min` resolved to a number (params substituted). Set by the loader. */
  resolvedGrade?: ResolvedGradeSpec;
}

export type ResolvedGradeSpec =
  | { base: Grade; ladder?: { fact: string; steps: { min: number; grade: Grade; param?: string }[] } }
  | { byValue: { fact: string; map: Record<string, Grade> } }
  | { fromFact: string };

export interface RuleSet {
  dir: string;
  rules: Rule[];
  policy: Policy;
  /** SHA-256 over every rule file, the policy and the calendars, in path order. */
  hash: string;
}

export interface Policy {
  /** The same person and clause: +1 grade every this many occurrences (3rd and 4th +1, 5th +2 at 2). */
  escalate_every: number;
  /** Escalation never goes above this grade. */
  escalate_cap: Grade;
  /** Yuan deducted per finding graded `deduction`. */
  deduction_yuan: number;
  /** A person's deductions in one month are capped at this. */
  monthly_cap_yuan: number;
  /** Suggested sanction wording per highest grade. */
  sanctions: Record<Grade, Localized>;
  /** 预警: open cases due within this many working days after as-of are listed as due-soon. Absent: 2. */
  due_soon_days?: number;
  /**
   * Pairs of rule ids that can hold one person responsible for one act; only the more severe
   * finding of a pair counts (docs/grading.md, "One act, one finding"). Absent: none.
   */
  overlaps?: [string, string][];
}

/** A problem found while loading rules, policy or calendars: `file:line:col  message`. */
export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  code: RuleProblemCode;
  /** What is wrong and what to write instead, as a message of the catalogue (src/messages). */
  message: Message;
}

export type RuleProblemCode =
  | 'bad-json'
  | 'schema'
  | 'unknown-fact'
  | 'unknown-operator'
  | 'undeclared-param'
  | 'unused-param'
  | 'unknown-clause'
  | 'duplicate-id'
  | 'id-not-file-name'
  | 'missing-cases'
  | 'unknown-rule'
  | 'bad-overlap'
  /** `event` names a fact of the scope that is not a date. */
  | 'bad-event'
  /** A grade map or fromFact that some admitted value would find no grade in (value-check.ts). */
  | 'grade-gap'
  /** A ladder on a non-number fact, or steps that do not rise. */
  | 'bad-ladder'
  /** A condition value or param of the wrong shape for its operator, or a fact of the wrong type. */
  | 'param-type'
  /** A value compared with a fact of listed values that is not one of them. */
  | 'impossible-value'
  /** A file over maxRuleFileBytes (src/rules/limits.ts): not read. */
  | 'too-large'
  /** Objects and lists nested deeper than maxRuleNesting: not parsed. */
  | 'too-deep'
  /** A file that is not UTF-8 (GBK, UTF-16). */
  | 'bad-encoding'
  /** A broken symbolic link, or one leading to a file or folder read already. */
  | 'bad-link';
