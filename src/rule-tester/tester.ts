/**
 * The RuleTester (like ESLint's): every rule runs on its own cases — records it must fire on
 * with a given grade, and records it must not fire on — through the real fact builder and
 * evaluator. It refuses weak tests: a rule without both kinds of case fails. Results are data;
 * the CLI and the catalogue test render them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditContext } from '../facts/types.js';
import { loadCalendar } from '../calendar/load.js';
import type { WorkCalendar } from '../calendar/types.js';
import { DutyAuditError } from '../errors.js';
import { conditionsOf, evidence } from '../evaluate/conditions.js';
import { evaluate } from '../evaluate/evaluate.js';
import { buildScopeRecords } from '../facts/build.js';
import type { ConditionEvidence } from '../findings/types.js';
import type { Grade } from '../grade-scale.js';
import type { Rule, RuleCase, RuleSet } from '../rules/types.js';
import { caseDates, caseLedger, recordKey } from './case-ledger.js';

export type CaseKind = 'fire' | 'pass';

/** One leaf condition as judged on the case's record: the same evidence a finding carries. */
export type CaseCondition = ConditionEvidence;

export interface CaseResult {
  ruleId: string;
  file: string;
  kind: CaseKind;
  /** 0-based index within cases.fire or cases.pass. */
  index: number;
  description: string;
  ok: boolean;
  record: Record<string, unknown>;
  expected: { fires: true; grade: Grade } | { fires: false };
  actual: {
    /** Findings of this rule on the case's record (base grades). */
    findings: { baseGrade: Grade; key: string; message: string }[];
    /** False when the rule did not run (a sheet it needs is absent from the case). */
    ran: boolean;
    notRunReason?: string;
    /** The case could not be run at all (e.g. a date outside the calendar). */
    error?: string;
  };
  /** Every leaf condition's values on the record; empty when the record was not audited. */
  conditions: CaseCondition[];
  /** Why the case failed, in a sentence; absent when ok. */
  failure?: string;
  asOf?: string;
}

export interface RuleTestResult {
  ruleId: string;
  file: string;
  clause: string;
  ok: boolean;
  cases: CaseResult[];
  /** Rule-level failures: a weak test (no fire or no pass case). */
  problems: string[];
}

export interface TestReport {
  ok: boolean;
  rules: RuleTestResult[];
  casesRun: number;
  casesFailed: number;
  rulesFailed: number;
}

function base(rule: Rule, kind: CaseKind, index: number, c: RuleCase): CaseResult {
  return {
    ruleId: rule.id,
    file: rule.file,
    kind,
    index,
    description: c.description,
    ok: false,
    record: c.record,
    expected: kind === 'fire' ? { fires: true, grade: c.grade! } : { fires: false },
    actual: { findings: [], ran: true },
    conditions: [],
  };
}

function judge(result: CaseResult): CaseResult {
  const { expected, actual } = result;
  const n = actual.findings.length;
  if (actual.error) result.failure = actual.error;
  else if (!actual.ran) result.failure = `the rule did not run: ${actual.notRunReason}`;
  else if (expected.fires && n === 0) result.failure = 'expected the rule to fire on the record, it did not';
  else if (expected.fires && n > 1) result.failure = `expected one finding on the record, got ${n}`;
  else if (expected.fires && actual.findings[0]!.baseGrade !== expected.grade) result.failure = `expected grade ${expected.grade}, got ${actual.findings[0]!.baseGrade}`;
  else if (!expected.fires && n > 0) result.failure = `expected no finding on the record, got ${n} (${actual.findings.map((f) => f.baseGrade).join(', ')})`;
  result.ok = result.failure === undefined;
  return result;
}

/** Runs one case of one rule through the fact builder and the evaluator. */
export function runCase(rule: Rule, kind: CaseKind, index: number, c: RuleCase, calendar: WorkCalendar): CaseResult {
  const result = base(rule, kind, index, c);
  const dates = caseDates(rule.scope, c);
  if (!dates) {
    result.actual.error = 'cannot tell the case\'s month: the record and its `with` rows carry no date; add "asOf"';
    return judge(result);
  }
  result.asOf = dates.asOf;
  const ledger = caseLedger(rule.scope, c, `${rule.file} cases.${kind}[${index}]`);
  const ctx: AuditContext = { ledger, calendar, period: dates.period, asOf: dates.asOf };
  try {
    const records = buildScopeRecords(ctx);
    const { raw, runs } = evaluate([rule], records, ctx);
    const run = runs.find((r) => r.id === rule.id);
    if (run && !run.ran) {
      result.actual.ran = false;
      result.actual.notRunReason = `sheet(s) ${run.reason?.sheets.join(', ')} absent from the case; add them under "with"`;
    }
    const key = recordKey(rule.scope, c.record);
    const mine = raw.filter((f) => f.ruleId === rule.id && (key === undefined || f.ref.key === key));
    result.actual.findings = mine.map((f) => ({ baseGrade: f.baseGrade, key: f.ref.key, message: f.message.en }));
    const record = records[rule.scope].find((r) => key === undefined || r.ref.key === key);
    if (record) result.conditions = evidence(conditionsOf(rule), record.facts);
    else if (kind === 'fire' && result.actual.ran) result.actual.notRunReason = 'the record is not among the audited records (outside the period, or after as-of?)';
  } catch (err) {
    result.actual.error = err instanceof DutyAuditError ? err.describe('en') : `the case could not run: ${err instanceof Error ? err.message : String(err)}`;
  }
  return judge(result);
}

/** A rule's cases; a rule without fire or pass cases fails outright (a weak test proves nothing). */
export function testRule(rule: Rule, calendar: WorkCalendar): RuleTestResult {
  const problems: string[] = [];
  if (!rule.cases?.fire?.length) problems.push('no fire case: the rule is never shown to fire');
  if (!rule.cases?.pass?.length) problems.push('no pass case: the rule is never shown to stay quiet');
  const cases: CaseResult[] = [];
  for (const [i, c] of (rule.cases?.fire ?? []).entries()) cases.push(runCase(rule, 'fire', i, c, calendar));
  for (const [i, c] of (rule.cases?.pass ?? []).entries()) cases.push(runCase(rule, 'pass', i, c, calendar));
  return { ruleId: rule.id, file: rule.file, clause: rule.clause, ok: problems.length === 0 && cases.every((c) => c.ok), cases, problems };
}

/** The rule set's own calendar folder when it has one, else the shipped calendar. */
export function calendarFor(ruleSet: Pick<RuleSet, 'dir'>): WorkCalendar {
  const own = join(ruleSet.dir, 'calendar');
  return existsSync(own) ? loadCalendar(own) : loadCalendar();
}

export function testRules(ruleSet: Pick<RuleSet, 'dir' | 'rules'>, calendar: WorkCalendar = calendarFor(ruleSet)): TestReport {
  const rules: RuleTestResult[] = [];
  for (const rule of ruleSet.rules) rules.push(testRule(rule, calendar));
  const cases = rules.flatMap((r) => r.cases);
  const casesFailed = cases.filter((c) => !c.ok).length;
  const rulesFailed = rules.filter((r) => !r.ok).length;
  return { ok: rulesFailed === 0, rules, casesRun: cases.length, casesFailed, rulesFailed };
}
