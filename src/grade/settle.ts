/**
 * Settlement: from the month's raw findings to what each person is charged with, each act once
 * (docs/grading.md, "Statuses and the order of settlement"). In this order:
 *
 *  1. ids — stable per act, so an earlier month's report names the same act by the same id;
 *  2. history — an act an earlier report already holds (`PriorFinding`);
 *  3. overlaps — two rules holding one person responsible for one act (`policy.overlaps`): the
 *     findings link into groups, the highest base grade counts (a tie goes to the rule listed
 *     first), the others are `merged` into it; a group whose act was reported before — by any
 *     of its findings, or by a partner rule's finding on the same act that does not recur this
 *     month (the notice missed in September, the third visit counted in October) — is judged
 *     against those reports as a whole ("a finding whose partner was reported is a repeat of it");
 *  4. an act already reported is `reported-before` and counts for nothing, unless its base grade
 *     is now higher than any earlier report gave it: then it is `counted` with `reportedIn`;
 *  5. decisions — reviewed appeals: 维持 keeps it counted, 撤销 `withdrawn`, 改为 `regraded`;
 *  6. escalation and deductions over the `counted` and `regraded` findings only, so a merged,
 *     repeated or withdrawn finding is no occurrence and later findings re-escalate without it.
 *
 * Only a person's findings that count feed the people summary's grades; the rest are counted apart.
 */
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';
import { countsToward, type Decision, type EscalationReason, type Finding, type FindingStatus, type PersonSummary, type RawFinding } from '../findings/types.js';
import type { RecordRef } from '../facts/types.js';
import type { Policy } from '../rules/types.js';
import { deductions } from './deduct.js';
import { escalate, NOT_ESCALATED, type Escalated } from './escalate.js';
import { assignFindingIds, findingIdBase } from './finding-id.js';
import { GRADE_LABELS, gradeRank, type Grade } from '../grade-scale.js';
import { byEventOrder } from './order.js';
import { summarisePeople } from './people.js';

/** What earlier reports (`--history`) hold of one finding id. */
export interface PriorFinding {
  /** The highest base grade it had in any earlier report. */
  highestBase: Grade;
  /** Yuan the earlier reports charged for it, together. */
  chargedYuan: number;
  /** The latest month (YYYY-MM) an earlier report charged it (or showed it, when none charged it). */
  reportedIn: string;
}

/** One reviewed appeal as read from a decisions file, with where it is written. */
export interface DecisionEntry extends Decision {
  /** The finding named: by id, or by rule id and record key (ref.key). */
  target: { id: string } | { ruleId: string; key: string };
  /** The decisions file. */
  file: string;
  /** Where in it, as a person finds it: `decisions.json:4:5`, `decisions.xlsx 申诉复核!A3`. */
  at: string;
}

export interface SettlementInput {
  policy: Policy;
  /** YYYY-MM: hashed into the ids of findings on no dated record. */
  period: string;
  /** Earlier reports' findings by id. */
  history?: ReadonlyMap<string, PriorFinding>;
  decisions?: readonly DecisionEntry[];
  /** The complaints (登记编号) about a case (受理编号): where a case finding's complaint partners were reported. */
  complaintsOfCase?: (caseId: string) => readonly string[];
}

export interface Settled {
  findings: Finding[];
  people: PersonSummary[];
}

/** A finding while it is being settled. */
interface Working {
  raw: RawFinding;
  id: string;
  status: FindingStatus;
  prior?: PriorFinding;
  mergedInto?: string;
  decision?: DecisionEntry;
}

export function settleFindings(raw: readonly RawFinding[], input: SettlementInput): Settled {
  const ordered = [...raw].sort(byEventOrder);
  const ids = assignFindingIds(ordered, input.period);
  const work: Working[] = ordered.map((f, i) => ({ raw: f, id: ids[i]!, status: 'counted' }));
  const pairs = input.policy.overlaps ?? [];
  const merged = mergeOverlaps(work, pairs);
  if (input.history) {
    const partners = partnersOf(pairs);
    for (const act of actsOf(work.length, merged)) findPrior(work, act, input.history, partners, input);
  }
  judgeRepeats(work);
  applyDecisions(work, input.decisions ?? []);
  const findings = gradeCounted(work, input.policy);
  return { findings, people: summarisePeople(findings, input.policy) };
}

// ---------------------------------------------------------------- overlaps

function ownAct(f: RawFinding): string {
  return `${f.ref.sheet}\u0000${f.ref.key}`;
}

function subjectKey(f: RawFinding): string {
  return `${f.subject.kind}\u0000${f.subject.name}`;
}

/**
 * The case a complaint finding is about (关联受理编号), keyed like a case finding's own record,
 * so a 拖压卡 complaint and the overdue finding on that case are one act. Two complaints about
 * one case stay two acts: a complaint's case is only ever matched against a case finding's record.
 */
function caseAct(f: RawFinding): string | undefined {
  const caseId = f.ref.sheet === 'complaints' ? f.ref.caseId : undefined;
  return caseId === undefined ? undefined : `cases\u0000${caseId}`;
}

/** Union–find over indexes into `work`. */
function findRoot(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One act's findings, the one that counts first. */
type Act = readonly number[];

/**
 * Merges each group of overlapping findings into the one that counts and returns those groups;
 * every other finding is an act alone (actsOf). A month can hold 100,000 findings of rules in no
 * overlap: they get no group of their own here.
 */
function mergeOverlaps(work: Working[], pairs: readonly [string, string][]): Act[] {
  if (pairs.length === 0) return [];
  // A rule's precedence in a tie: its first place in the overlaps list.
  const precedence = new Map<string, number>();
  pairs.flat().forEach((id, n) => {
    if (!precedence.has(id)) precedence.set(id, n);
  });
  const byRule = new Map<string, number[]>();
  work.forEach((w, i) => {
    if (precedence.has(w.raw.ruleId)) push(byRule, w.raw.ruleId, i);
  });
  const parent = work.map((_, i) => i);
  const link = (i: number, j: number): void => {
    if (i !== j) parent[findRoot(parent, j)] = findRoot(parent, i);
  };
  for (const [a, b] of pairs) {
    // The second rule's findings by person and act (their own record; a complaint's case too),
    // so each finding of the first rule finds its partners by lookup, not by a scan.
    const byOwn = new Map<string, number[]>();
    const byCase = new Map<string, number[]>();
    for (const j of byRule.get(b) ?? []) {
      const f = work[j]!.raw;
      push(byOwn, `${subjectKey(f)}\u0000${ownAct(f)}`, j);
      const about = caseAct(f);
      if (about !== undefined) push(byCase, `${subjectKey(f)}\u0000${about}`, j);
    }
    for (const i of byRule.get(a) ?? []) {
      const f = work[i]!.raw;
      const own = `${subjectKey(f)}\u0000${ownAct(f)}`;
      for (const j of byOwn.get(own) ?? []) link(i, j);
      for (const j of byCase.get(own) ?? []) link(i, j);
      const about = caseAct(f);
      if (about !== undefined) for (const j of byOwn.get(`${subjectKey(f)}\u0000${about}`) ?? []) link(i, j);
    }
  }
  const groups = new Map<number, number[]>();
  // Only findings of a rule in a pair can be linked; each is in its own rule's list once.
  for (const members of byRule.values()) for (const i of members) push(groups, findRoot(parent, i), i);
  const acts: Act[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // Highest base grade; a tie goes to the rule listed first, then to output order.
    const [winner, ...others] = [...members].sort(
      (x, y) =>
        gradeRank(work[y]!.raw.baseGrade) - gradeRank(work[x]!.raw.baseGrade) ||
        precedence.get(work[x]!.raw.ruleId)! - precedence.get(work[y]!.raw.ruleId)! ||
        x - y,
    );
    const counting = work[winner!]!;
    for (const k of others) {
      const w = work[k]!;
      w.status = 'merged';
      w.mergedInto = counting.id;
    }
    acts.push([winner!, ...others]);
  }
  return acts;
}

/** Every act: the groups of overlapping findings, then each other finding alone. */
function* actsOf(count: number, groups: readonly Act[]): Generator<Act> {
  const grouped = new Uint8Array(count);
  for (const group of groups) {
    for (const i of group) grouped[i] = 1;
    yield group;
  }
  for (let i = 0; i < count; i++) if (grouped[i] === 0) yield [i];
}

// ---------------------------------------------------------------- history

/** The rules each rule is paired with in `overlaps`. */
function partnersOf(pairs: readonly [string, string][]): Map<string, string[]> {
  const partners = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    push(partners, a, b);
    push(partners, b, a);
  }
  return partners;
}

/**
 * The ids a partner rule's finding on the same act would have had: on the same record, on the
 * case a complaint names, on the complaints naming a case. Ids hash the rule, the record and the
 * person, so an id no report holds is simply not found.
 */
function partnerIds(f: RawFinding, partners: readonly string[], period: string, links: Pick<SettlementInput, 'complaintsOfCase'>): string[] {
  const refs: Pick<RecordRef, 'sheet' | 'key'>[] = [f.ref];
  if (f.ref.sheet === 'complaints' && f.ref.caseId !== undefined) refs.push({ sheet: 'cases', key: f.ref.caseId });
  if (f.ref.sheet === 'cases') for (const key of links.complaintsOfCase?.(f.ref.key) ?? []) refs.push({ sheet: 'complaints', key });
  return partners.flatMap((ruleId) => refs.map((ref) => findingIdBase({ ruleId, ref: { ...ref, row: 0 }, subject: f.subject, scope: f.scope }, period)));
}

/**
 * What earlier reports hold of the act: of each of its findings this month, and of each partner
 * rule's finding on it that does not recur this month. Held by the finding that counts.
 */
function findPrior(work: Working[], act: Act, history: ReadonlyMap<string, PriorFinding>, partners: ReadonlyMap<string, string[]>, input: SettlementInput): void {
  const ids = new Set(act.map((i) => work[i]!.id));
  for (const i of act) {
    const f = work[i]!.raw;
    for (const id of partnerIds(f, partners.get(f.ruleId) ?? [], input.period, input)) ids.add(id);
  }
  let prior: PriorFinding | undefined;
  for (const id of ids) {
    const found = history.get(id);
    if (found) prior = combinePriors(prior, found);
  }
  if (prior) work[act[0]!]!.prior = prior;
}

/** The act's earlier reports together: its highest base grade, all yuan charged, the latest month. */
export function combinePriors(a: PriorFinding | undefined, b: PriorFinding): PriorFinding {
  if (!a) return b;
  return {
    highestBase: gradeRank(b.highestBase) > gradeRank(a.highestBase) ? b.highestBase : a.highestBase,
    chargedYuan: a.chargedYuan + b.chargedYuan,
    reportedIn: b.reportedIn > a.reportedIn ? b.reportedIn : a.reportedIn,
  };
}

/** An act reported before counts again only at a higher base grade (an open case that kept slipping). */
function judgeRepeats(work: Working[]): void {
  for (const w of work) {
    if (w.status !== 'counted' || !w.prior) continue;
    if (gradeRank(w.raw.baseGrade) <= gradeRank(w.prior.highestBase)) w.status = 'reported-before';
  }
}

// ---------------------------------------------------------------- decisions

function targetText(d: DecisionEntry): string {
  return 'id' in d.target ? d.target.id : `${d.target.ruleId} ${d.target.key}`;
}

function decisionError(d: DecisionEntry, what: Message, hint: Message): DutyAuditError {
  return new DutyAuditError('bad-decisions', msg('decisions.at', { at: d.at, what }), { file: d.file, hint });
}

/** `f-3A9C…` as written by hand is `F-3a9c…`: ids are `F-` and lower-case hex. */
function canonicalId(id: string): string {
  const text = id.trim();
  return /^f-/i.test(text) ? `F-${text.slice(2).toLowerCase()}` : text;
}

function matchDecision(d: DecisionEntry, work: Working[], byId: Map<string, Working>): Working {
  if ('id' in d.target) {
    const found = byId.get(canonicalId(d.target.id));
    if (found) return found;
    throw decisionError(d, msg('decisions.unknownId', { id: d.target.id }), msg('decisions.unknownId.hint'));
  }
  const { ruleId, key } = d.target;
  const found = work.filter((w) => w.raw.ruleId === ruleId && w.raw.ref.key === key);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw decisionError(d, msg('decisions.unknownRecord', { ruleId, key }), msg('decisions.unknownRecord.hint'));
  }
  throw decisionError(d, msg('decisions.ambiguous', { ruleId, key, n: found.length, ids: found.map((w) => w.id) }), msg('decisions.ambiguous.hint'));
}

function applyDecisions(work: Working[], decisions: readonly DecisionEntry[]): void {
  if (decisions.length === 0) return;
  const byId = new Map(work.map((w) => [w.id, w]));
  for (const d of decisions) {
    const w = matchDecision(d, work, byId);
    if (w.decision) {
      throw decisionError(d, msg('decisions.second', { id: w.id, target: targetText(d), first: w.decision.at }), msg('decisions.second.hint'));
    }
    if (w.status === 'merged') {
      throw decisionError(d, msg('decisions.merged', { id: w.id, into: w.mergedInto! }), msg('decisions.merged.hint', { into: w.mergedInto! }));
    }
    if (w.status === 'reported-before') {
      throw decisionError(d, msg('decisions.reportedBefore', { id: w.id, month: w.prior!.reportedIn }), msg('decisions.reportedBefore.hint', { month: w.prior!.reportedIn }));
    }
    w.decision = d;
    if (d.verdict.kind === 'withdrawn') w.status = 'withdrawn';
    if (d.verdict.kind === 'regraded') w.status = 'regraded';
  }
}

// ---------------------------------------------------------------- escalation and deductions

function gradeCounted(work: Working[], policy: Policy): Finding[] {
  const counting = work.filter((w) => countsToward(w));
  const raw = counting.map((w) => w.raw);
  const escalated = escalate(raw, policy);
  const grades = counting.map((w, i) => finalGrade(w, escalated[i]!));
  const amounts = deductions(raw, grades, policy, counting.map((w) => w.prior?.chargedYuan ?? 0));
  // Findings that count are in `counting` in work order: walked alongside, no map from one to the other.
  let next = 0;
  return work.map((w) => {
    if (counting[next] !== w) return toFinding(w, w.raw.baseGrade, NOT_ESCALATED, 0);
    const i = next++;
    return toFinding(w, grades[i]!, escalated[i]!.escalation, amounts[i]!);
  });
}

/** 改为 sets the final grade, and may only lower the grade the finding would have had. */
function finalGrade(w: Working, escalated: Escalated): Grade {
  const verdict = w.decision?.verdict;
  if (verdict?.kind !== 'regraded') return escalated.grade;
  if (gradeRank(verdict.grade) > gradeRank(escalated.grade)) {
    const d = w.decision!;
    const current = GRADE_LABELS[escalated.grade].zh;
    throw decisionError(d, msg('decisions.raises', { grade: GRADE_LABELS[verdict.grade].zh, id: w.id, current }), msg('decisions.raises.hint', { current }));
  }
  return verdict.grade;
}

function toFinding(w: Working, grade: Grade, escalation: EscalationReason, deductionYuan: number): Finding {
  const f: Finding = { id: w.id, ...w.raw, grade, escalation, deductionYuan, status: w.status };
  if (w.mergedInto !== undefined) f.mergedInto = w.mergedInto;
  if (w.prior && w.status !== 'merged') {
    f.reportedIn = w.prior.reportedIn;
    if (w.status !== 'reported-before') f.chargedBeforeYuan = w.prior.chargedYuan;
  }
  if (w.decision) f.decision = { verdict: w.decision.verdict, reason: w.decision.reason, reviewer: w.decision.reviewer, date: w.decision.date };
  return f;
}
