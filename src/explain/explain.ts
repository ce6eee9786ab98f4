/**
 * `duty-audit audit … --explain <target>` as a library call: runs the one audit pipeline
 * (prepareAudit → completeAudit, exactly what audit() runs), finds the target's records, and
 * for each judges every rule of its scope with the audit's own evaluator (src/evaluate/conditions.ts)
 * — fired or not, each condition's values, for a rule that did not fire the conditions that
 * stopped it and the fewest that would have to change (one: a near miss), and for a fired rule
 * its base grade, why, and its final grade from the graded finding. A person's name also lists
 * every finding against them with the path its grade took.
 */
import { completeAudit, prepareAudit, type AuditOptions } from '../audit/audit.js';
import type { AuditResult } from '../audit/types.js';
import type { RuleRun } from '../evaluate/evaluate.js';
import { judge } from '../evaluate/conditions.js';
import { builtNow } from '../facts/build.js';
import { judgedInPeriod, periodBounds } from '../facts/period.js';
import { factsForScope } from '../facts/catalogue.js';
import type { ScopeRecord, ScopeRecords } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import { findTarget, foldKey, sameRef } from './find-target.js';
import { gradeWhy } from './grade-why.js';
import type { ConditionLeaf, Explanation, FactEntry, GradeExplanation, PersonExplanation, PersonFinding, RecordExplanation, RuleVerdict, TreeNode } from './types.js';
import { byEventOrder } from '../grade/order.js';
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

/**
 * The fewest leaves whose outcome would have to change for `node` to come out `want`: an `all`
 * made true needs each child, an `any` made true its cheapest child (the first of equals), a
 * `not` its child the other way; and the same mirrored for false.
 */
export function changesFor(node: TreeNode, want: boolean): ConditionLeaf[] {
  if (node.kind === 'condition') return node.result === want ? [] : [node];
  if (node.kind === 'not') return node.children.length === 0 ? [] : changesFor(node.children[0]!, !want);
  const each = node.children.map((c) => changesFor(c, want));
  if (each.length === 0) return [];
  const everyChild = (node.kind === 'all') === want;
  return everyChild ? each.flat() : each.reduce((best, c) => (c.length < best.length ? c : best));
}

/** The leaves already as firing needs them: true, or false under an odd number of `not`s. */
function leavesHeld(node: TreeNode, want = true): ConditionLeaf[] {
  if (node.kind === 'condition') return node.result === want ? [node] : [];
  return node.children.flatMap((c) => leavesHeld(c, node.kind === 'not' ? !want : want));
}

/** A rule that did not fire with every condition held but one: one leaf to change, and another already held. */
export function isNearMiss(tree: TreeNode, toFire = changesFor(tree, true)): boolean {
  return toFire.length === 1 && leavesHeld(tree).some((leaf) => leaf !== toFire[0]);
}

/** Fired, near misses, the others not fired, not run. */
function statusRank(v: RuleVerdict): number {
  if (v.status === 'fired') return 0;
  if (v.status === 'not-fired') return v.nearMiss ? 1 : 2;
  return v.status === 'other-period' ? 3 : 4;
}

function byStatusThenId(a: RuleVerdict, b: RuleVerdict): number {
  return statusRank(a) - statusRank(b) || compareText(a.ruleId, b.ruleId);
}

function gradeOf(rule: Rule, facts: ScopeRecord['facts'], finding: Finding): GradeExplanation {
  return {
    findingId: finding.id,
    subject: finding.subject,
    base: finding.baseGrade,
    why: gradeWhy(rule, facts),
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
  if (run && !run.ran) {
    const reason = run.reason;
    if (reason?.code === 'column-absent') return { ...head, status: 'not-run', absentColumns: { sheet: reason.sheet, columns: reason.columns } };
    return { ...head, status: 'not-run', absentSheets: reason?.sheets ?? [] };
  }
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
    out.toFire = changesFor(tree, true);
    out.nearMiss = isNearMiss(tree, out.toFire);
    return out;
  }
  const finding = findings.find((f) => f.ruleId === rule.id && sameRef(f.ref, record.ref));
  if (finding) out.grade = gradeOf(rule, record.facts, finding);
  return out;
}

/** `focus`: the rule of the finding named by the target, shown first. */
function explainOne(record: ScopeRecord, rules: readonly Rule[], result: AuditResult, focus?: string): RecordExplanation {
  const runs = new Map(result.rules.map((r) => [r.id, r]));
  const verdicts = rules.filter((r) => r.scope === record.scope).map((rule) => verdict(rule, runs.get(rule.id), record, result.findings, result.period));
  verdicts.sort((a, b) => Number(b.ruleId === focus) - Number(a.ruleId === focus) || byStatusThenId(a, b));
  return { scope: record.scope, ref: { ...record.ref }, date: record.date, facts: recordFacts(record), rules: verdicts };
}

/**
 * The person's findings in the order repeat escalation counts them (date, sheet, row: byEventOrder),
 * each graded as the audit graded it: base grade and why from the record's facts, escalation,
 * final grade, deduction.
 */
function personOf(name: string, records: ScopeRecords, rules: readonly Rule[], result: AuditResult): PersonExplanation {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const own = result.findings
    .filter((f) => f.subject.kind === 'staff' && foldKey(f.subject.name) === foldKey(name))
    // Escalation's own order (a person's findings on one day on two sheets: the ledger's sheet order first).
    .sort(byEventOrder);
  const findings: PersonFinding[] = own.flatMap((f) => {
    const rule = ruleById.get(f.ruleId);
    if (!rule) return [];
    const record = (records[f.scope] ?? []).find((r) => sameRef(r.ref, f.ref));
    return [{ ruleId: f.ruleId, clause: f.clause, title: f.title, ref: { ...f.ref }, date: f.date, facts: { ...f.facts }, grade: gradeOf(rule, record?.facts ?? f.facts, f) }];
  });
  const person: PersonExplanation = { name, findings };
  const summary = result.people.find((p) => foldKey(p.name) === foldKey(name));
  if (summary) person.summary = summary;
  return person;
}

/** The explanation and the audit it came from. */
export async function explainAuditRun(input: string, target: string, options: ExplainOptions = {}): Promise<ExplainedAudit> {
  const prepared = await prepareAudit(input, options);
  const result = await completeAudit(prepared, options);
  const built = builtNow(prepared.records);
  const found = findTarget(target, built, result.findings, prepared.ctx.ledger, result.period);
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
  if (found.person !== undefined) explanation.person = personOf(found.person, built, prepared.ruleSet.rules, result);
  return { explanation, result };
}

export async function explainAudit(input: string, target: string, options: ExplainOptions = {}): Promise<Explanation> {
  return (await explainAuditRun(input, target, options)).explanation;
}
