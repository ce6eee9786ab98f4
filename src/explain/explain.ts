/**
 * `duty-audit audit … --explain <target>` as a library call: runs the one audit pipeline
 * (prepareAudit → completeAudit, exactly what audit() runs), finds the target's records, and
 * for each judges every rule of its scope with the audit's own evaluator (src/evaluate/conditions.ts)
 * — fired or not, each condition's values, for a rule that did not fire the conditions that
 * stopped it, and for a fired rule its base grade, why, and its final grade from the graded finding.
 */
import { completeAudit, prepareAudit, type AuditOptions } from '../audit/audit.js';
import type { AuditResult } from '../audit/types.js';
import type { RuleRun } from '../evaluate/evaluate.js';
import { judge } from '../evaluate/conditions.js';
import { builtNow } from '../facts/build.js';
import { judgedInPeriod, periodBounds } from '../facts/period.js';
import { factsForScope } from '../facts/catalogue.js';
import type { ScopeRecord } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { findTarget, sameRef } from './find-target.js';
import { gradeWhy } from './grade-why.js';
import type { ConditionLeaf, Explanation, FactEntry, GradeExplanation, RecordExplanation, RuleStatus, RuleVerdict, TreeNode } from './types.js';
import { compareText } from '../text.js';

export type ExplainOptions = AuditOptions;

export interface ExplainedAudit {
  explanation: Explanation;
  /** The full audit the explanation was taken from (`--out` writes its report). */
  result: AuditResult;
}

/**
 * The header block of an explained record: every derived fact of its scope (deadline,
 * overdue_days, ...: the values rules test that the ledger does not show), then the record's
 * non-empty ledger columns.
 */
export function recordFacts(record: ScopeRecord): FactEntry[] {
  const defs = factsForScope(record.scope);
  const entry = (name: string, origin: FactEntry['origin']): FactEntry => ({ name, value: record.facts[name] ?? null, origin });
  const derived = defs.filter((d) => d.origin === 'derived').map((d) => entry(d.name, 'derived'));
  const columns = defs
    .filter((d) => d.origin === 'column')
    .map((d) => entry(d.name, 'column'))
    .filter((e) => e.value !== null && e.value !== '' && !(Array.isArray(e.value) && e.value.length === 0));
  return [...derived, ...columns];
}

/**
 * The leaves that decide a condition tree's outcome: for a rule that did not fire, the
 * conditions a reviewer would have to change. An `all` fails by its false children, an `any`
 * by all of them, a `not` by its child holding.
 */
export function decidingLeaves(node: TreeNode, outcome: boolean): ConditionLeaf[] {
  if (node.kind === 'condition') return node.result === outcome ? [node] : [];
  if (node.kind === 'not') return node.children.flatMap((c) => decidingLeaves(c, !outcome));
  // The children that alone decide: an all's false ones / an any's true ones; otherwise every child.
  const decisiveValue = node.kind === 'all' ? false : true;
  const children = outcome === decisiveValue ? node.children.filter((c) => c.result === outcome) : node.children;
  return children.flatMap((c) => decidingLeaves(c, outcome));
}

/** Why a rule did not fire: the leaves that made its conditions false. */
export function failedBy(tree: TreeNode): ConditionLeaf[] {
  return tree.result ? [] : decidingLeaves(tree, false);
}

const STATUS_ORDER: Record<RuleStatus, number> = { fired: 0, 'not-fired': 1, 'other-period': 2, 'not-run': 3 };

function byStatusThenId(a: RuleVerdict, b: RuleVerdict): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareText(a.ruleId, b.ruleId);
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

function verdict(rule: Rule, run: RuleRun | undefined, record: ScopeRecord, findings: readonly Finding[], period: string): RuleVerdict {
  const head = { ruleId: rule.id, clause: rule.clause, title: rule.title };
  if (run && !run.ran) return { ...head, status: 'not-run', absentSheets: run.reason?.sheets ?? [] };
  const tree = judge(rule, record.facts);
  // Conditions that hold on an event of another period (or one not come by as-of): not judged now.
  if (tree.result && !judgedInPeriod(record, rule.event, periodBounds(period))) {
    const date = record.facts[rule.event];
    return { ...head, status: 'other-period', tree, event: { fact: rule.event, date: typeof date === 'string' ? date : null } };
  }
  const fired = tree.result;
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
function explainOne(record: ScopeRecord, rules: readonly Rule[], result: AuditResult, focus?: string): RecordExplanation {
  const runs = new Map(result.rules.map((r) => [r.id, r]));
  const verdicts = rules.filter((r) => r.scope === record.scope).map((rule) => verdict(rule, runs.get(rule.id), record, result.findings, result.period));
  verdicts.sort((a, b) => Number(b.ruleId === focus) - Number(a.ruleId === focus) || byStatusThenId(a, b));
  return { scope: record.scope, ref: { ...record.ref }, date: record.date, facts: recordFacts(record), rules: verdicts };
}

/** The explanation and the audit it came from. */
export async function explainAuditRun(input: string, target: string, options: ExplainOptions = {}): Promise<ExplainedAudit> {
  const prepared = await prepareAudit(input, options);
  const result = await completeAudit(prepared, options);
  const found = findTarget(target, builtNow(prepared.records), result.findings, prepared.ctx.ledger, result.period);
  const records = found.records.map((record) => explainOne(record, prepared.ruleSet.rules, result, found.finding?.ruleId));
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
