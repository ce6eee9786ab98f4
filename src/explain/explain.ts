/**
 * `duty-audit audit … --explain <target>` as a library call: runs the one audit pipeline
 * (prepareAudit → completeAudit, exactly what audit() runs), finds the target's records, and
 * for each explains every rule of its scope — fired or not, each condition's values, and for
 * a fired rule its base grade, why, and its final grade from the graded finding.
 */
import { completeAudit, prepareAudit, type AuditOptions } from '../audit/audit.js';
import type { AuditResult, RuleRun } from '../audit/types.js';
import type { ConditionNode } from '../evaluate/condition-tree.js';
import { explainRecord } from '../evaluate/explain.js';
import { builtNow } from '../facts/build.js';
import type { ScopeRecord } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { failedBy } from './failed-by.js';
import { findTarget, sameRef } from './find-target.js';
import { withExpectedFacts } from './expected-facts.js';
import { gradeWhy } from './grade-why.js';
import { recordFacts } from './record-facts.js';
import type { Explanation, GradeExplanation, RecordExplanation, RuleStatus, RuleVerdict } from './types.js';

export type ExplainOptions = AuditOptions;

export interface ExplainedAudit {
  explanation: Explanation;
  /** The full audit the explanation was taken from (`--out` writes its report). */
  result: AuditResult;
}

const STATUS_ORDER: Record<RuleStatus, number> = { fired: 0, 'not-fired': 1, 'not-run': 2 };

function byStatusThenId(a: RuleVerdict, b: RuleVerdict): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function gradeOf(rule: Rule, record: ScopeRecord, finding: Finding): GradeExplanation {
  return {
    findingId: finding.id,
    subject: finding.subject,
    base: finding.baseGrade,
    why: gradeWhy(rule, record.facts),
    final: finding.grade,
    escalation: finding.escalation,
    deductionYuan: finding.deductionYuan,
    message: finding.message,
    settlement: settlementOf(finding),
  };
}

function settlementOf(f: Finding): GradeExplanation['settlement'] {
  const { status, mergedInto, reportedIn, chargedBeforeYuan, decision } = f;
  return {
    status,
    ...(mergedInto === undefined ? {} : { mergedInto }),
    ...(reportedIn === undefined ? {} : { reportedIn }),
    ...(chargedBeforeYuan === undefined ? {} : { chargedBeforeYuan }),
    ...(decision === undefined ? {} : { decision }),
  };
}

async function verdict(rule: Rule, run: RuleRun | undefined, record: ScopeRecord, findings: readonly Finding[]): Promise<RuleVerdict> {
  const head = { ruleId: rule.id, clause: rule.clause, title: rule.title };
  if (run && !run.ran) return { ...head, status: 'not-run', absentSheets: run.reason?.sheets ?? [] };
  const explained = await explainRecord(rule, record);
  const fired = explained.fired;
  const tree = withExpectedFacts(explained.tree, rule.resolvedConditions as ConditionNode);
  const out: RuleVerdict = { ...head, status: fired ? 'fired' : 'not-fired', tree };
  if (!fired) {
    out.failedBy = failedBy(tree);
    return out;
  }
  const finding = findings.find((f) => f.ruleId === rule.id && sameRef(f.ref, record.ref));
  if (finding) out.grade = gradeOf(rule, record, finding);
  return out;
}

/** `focus`: the rule of the finding named by the target, shown first. */
async function explainOne(record: ScopeRecord, rules: readonly Rule[], result: AuditResult, focus?: string): Promise<RecordExplanation> {
  const runs = new Map(result.rules.map((r) => [r.id, r]));
  const verdicts: RuleVerdict[] = [];
  // One at a time: json-rules-engine runs must not overlap (LIBRARY-NOTES).
  for (const rule of rules.filter((r) => r.scope === record.scope)) {
    verdicts.push(await verdict(rule, runs.get(rule.id), record, result.findings));
  }
  verdicts.sort((a, b) => Number(b.ruleId === focus) - Number(a.ruleId === focus) || byStatusThenId(a, b));
  return { scope: record.scope, ref: { ...record.ref }, date: record.date, facts: recordFacts(record), rules: verdicts };
}

/** The explanation and the audit it came from. */
export async function explainAuditRun(input: string, target: string, options: ExplainOptions = {}): Promise<ExplainedAudit> {
  const prepared = await prepareAudit(input, options);
  const result = await completeAudit(prepared, options);
  const found = findTarget(target, builtNow(prepared.records), result.findings, prepared.ctx.ledger, result.period);
  const records: RecordExplanation[] = [];
  for (const record of found.records) records.push(await explainOne(record, prepared.ruleSet.rules, result, found.finding?.ruleId));
  const explanation: Explanation = {
    target,
    targetKind: found.kind,
    center: result.center,
    period: result.period,
    periodInferred: result.periodInferred,
    asOf: result.asOf,
    records,
    alsoMatches: found.alsoMatches,
  };
  if (found.finding) explanation.findingId = found.finding.id;
  return { explanation, result };
}

export async function explainAudit(input: string, target: string, options: ExplainOptions = {}): Promise<Explanation> {
  return (await explainAuditRun(input, target, options)).explanation;
}
