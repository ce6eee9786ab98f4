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
import { msg, type Message } from '../messages/catalogue.js';
import type { Localized } from '../text.js';
import { conditionsOf, evidence } from '../evaluate/conditions.js';
import { evaluate } from '../evaluate/evaluate.js';
import { buildScopeRecords } from '../facts/build.js';
import { screenForAudit } from '../facts/calendar-screen.js';
import { renderIssueMessage } from '../ledger/issue-codes.js';
import { judgedInPeriod, periodBounds } from '../facts/period.js';
import type { ConditionEvidence } from '../findings/types.js';
import type { Grade } from '../grade-scale.js';
import type { Rule, RuleCase, RuleSet } from '../rules/types.js';
import { dutyWindows } from '../rules/windows.js';
import type { DutyWindows } from '../facts/events.js';
import { caseDates, caseLedger, RECORD_ROW, recordKey, recordSheet } from './case-ledger.js';

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
    findings: { baseGrade: Grade; key: string; message: Localized }[];
    /** False when the rule did not run (a sheet it needs is absent from the case). */
    ran: boolean;
    notRunReason?: Message;
    /** The case could not be run at all (e.g. a date outside the calendar). */
    error?: Message;
  };
  /** Every leaf condition's values on the record; empty when the record was not audited. */
  conditions: CaseCondition[];
  /** Why the case failed, in a sentence; absent when ok. */
  failure?: Message;
  asOf?: string;
}

export interface RuleTestResult {
  ruleId: string;
  file: string;
  clause: string;
  ok: boolean;
  cases: CaseResult[];
  /** Rule-level failures: a weak test (no fire or no pass case). */
  problems: Message[];
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
  else if (!actual.ran) result.failure = msg('test.failure.notRun', { reason: actual.notRunReason ?? '' });
  else if (expected.fires && n === 0) result.failure = actual.notRunReason ? msg('test.failure.didNotFireBecause', { reason: actual.notRunReason }) : msg('test.failure.didNotFire');
  else if (expected.fires && n > 1) result.failure = msg('test.failure.manyFindings', { n });
  else if (expected.fires && actual.findings[0]!.baseGrade !== expected.grade) result.failure = msg('test.failure.wrongGrade', { expected: expected.grade, actual: actual.findings[0]!.baseGrade });
  else if (!expected.fires && n > 0) result.failure = msg('test.failure.fired', { n, grades: actual.findings.map((f) => f.baseGrade) });
  result.ok = result.failure === undefined;
  return result;
}

/** Runs one case of one rule through the fact builder and the evaluator. */
/** `windows`: the rule set's duty windows (src/rules/windows.ts); default: the rule's own, else the defaults. */
export function runCase(rule: Rule, kind: CaseKind, index: number, c: RuleCase, calendar: WorkCalendar, windows: DutyWindows = dutyWindows([rule])): CaseResult {
  const result = base(rule, kind, index, c);
  const dates = caseDates(rule.scope, c);
  if (!dates) {
    result.actual.error = msg('test.noDate');
    return judge(result);
  }
  result.asOf = dates.asOf;
  const written = caseLedger(rule.scope, c, `${rule.file} cases.${kind}[${index}]`);
  const ledger = screenForAudit(written, calendar, dates.asOf);
  const setAside = ledger.dataIssues.slice(written.dataIssues.length).find((issue) => issue.sheet === recordSheet(rule.scope) && issue.row === RECORD_ROW);
  const ctx: AuditContext = { ledger, calendar, period: dates.period, asOf: dates.asOf, windows };
  try {
    const records = buildScopeRecords(ctx);
    const { raw, runs } = evaluate([rule], records, ctx);
    const run = runs.find((r) => r.id === rule.id);
    if (run && !run.ran) {
      result.actual.ran = false;
      result.actual.notRunReason = run.reason?.code === 'column-absent' ? msg('test.columnsAbsent', { columns: run.reason.columns }) : msg('test.sheetsAbsent', { sheets: run.reason?.sheets ?? [] });
    }
    const key = recordKey(rule.scope, c.record);
    const mine = raw.filter((f) => f.ruleId === rule.id && (key === undefined || f.ref.key === key));
    result.actual.findings = mine.map((f) => ({ baseGrade: f.baseGrade, key: f.ref.key, message: f.message }));
    const record = records[rule.scope].find((r) => key === undefined || r.ref.key === key);
    if (record) result.conditions = evidence(conditionsOf(rule), record.facts);
    else if (kind === 'fire' && result.actual.ran) {
      result.actual.notRunReason = setAside
        ? msg('test.setAside', { issue: { zh: renderIssueMessage(setAside, 'zh'), en: renderIssueMessage(setAside, 'en') } })
        : msg('test.notAudited');
    }
    if (record && kind === 'fire' && mine.length === 0 && !judgedInPeriod(record, rule.event, periodBounds(ctx.period))) {
      result.actual.notRunReason = msg('test.eventOutside', { event: rule.event, date: String(record.facts[rule.event] ?? '—'), period: ctx.period });
    }
  } catch (err) {
    result.actual.error = err instanceof DutyAuditError ? err.detail : msg('test.couldNotRun', { reason: err instanceof Error ? err.message : String(err) });
  }
  return judge(result);
}

/** A rule's cases; a rule without fire or pass cases fails outright (a weak test proves nothing). */
export function testRule(rule: Rule, calendar: WorkCalendar, windows: DutyWindows = dutyWindows([rule])): RuleTestResult {
  const problems: Message[] = [];
  if (!rule.cases?.fire?.length) problems.push(msg('test.noFireCase'));
  if (!rule.cases?.pass?.length) problems.push(msg('test.noPassCase'));
  const cases: CaseResult[] = [];
  for (const [i, c] of (rule.cases?.fire ?? []).entries()) cases.push(runCase(rule, 'fire', i, c, calendar, windows));
  for (const [i, c] of (rule.cases?.pass ?? []).entries()) cases.push(runCase(rule, 'pass', i, c, calendar, windows));
  return { ruleId: rule.id, file: rule.file, clause: rule.clause, ok: problems.length === 0 && cases.every((c) => c.ok), cases, problems };
}

/** The rule set's own calendar folder when it has one, else the shipped calendar. */
export function calendarFor(ruleSet: Pick<RuleSet, 'dir'>): WorkCalendar {
  const own = join(ruleSet.dir, 'calendar');
  return existsSync(own) ? loadCalendar(own) : loadCalendar();
}

export function testRules(ruleSet: Pick<RuleSet, 'dir' | 'rules'>, calendar: WorkCalendar = calendarFor(ruleSet)): TestReport {
  const rules: RuleTestResult[] = [];
  const windows = dutyWindows(ruleSet.rules);
  for (const rule of ruleSet.rules) rules.push(testRule(rule, calendar, windows));
  const cases = rules.flatMap((r) => r.cases);
  const casesFailed = cases.filter((c) => !c.ok).length;
  const rulesFailed = rules.filter((r) => !r.ok).length;
  return { ok: rulesFailed === 0, rules, casesRun: cases.length, casesFailed, rulesFailed };
}
