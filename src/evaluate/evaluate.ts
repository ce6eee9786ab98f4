/**
 * Evaluates a rule set over the records built by src/facts, one RawFinding per rule fired on a
 * record, each with its evidence (conditions.ts). A rule is judged on a record only when its
 * event (the date fact the rule names) falls in the audited period (src/facts/period.ts), so an
 * act is judged in one month; the finding is dated by that event. Order is deterministic: scope
 * order, then record order, then rule id. A rule that needs a sheet the ledger lacks does not
 * run, and its RuleRun says which sheets were absent (docs/ledger.md).
 */
import { centerOf } from '../ledger/center.js';
import { DutyAuditError } from '../errors.js';
import { judgedInPeriod, judgedInPeriodOf, periodBounds, type PeriodBounds } from '../facts/period.js';
import { SCOPE_LABELS, SCOPE_SHEET, SCOPES, type Scope } from '../facts/scopes.js';
import { readWithColumn, sheetSpec } from '../ledger/columns.js';
import { msg } from '../messages/catalogue.js';
import type { ScopeRecord, ScopeRecordSources, AuditContext } from '../facts/types.js';
import type { ConditionEvidence, RawFinding } from '../findings/types.js';
import type { Ledger, SheetKey } from '../ledger/types.js';
import type { Rule } from '../rules/types.js';
import { conditionsOf, evidence, verdictOf } from './conditions.js';
import { rawFinding } from './raw-finding.js';
import { compareText, type Localized } from '../text.js';

export interface Evaluation {
  raw: RawFinding[];
  runs: RuleRun[];
}

/** Whether a rule ran, and if not why (docs/ledger.md: an absent sheet turns rules off). */
export interface RuleRun {
  id: string;
  clause: string;
  title: Localized;
  version: number;
  hits: number;
  ran: boolean;
  /** Present when ran is false: a sheet it needs is absent, or a column it reads is not in its sheet's header. */
  reason?: { code: 'sheet-absent'; sheets: SheetKey[] } | { code: 'column-absent'; sheet: SheetKey; columns: string[] };
  /** Present when the rule ran without a sheet some of its facts read when present (what that leaves out). */
  partial?: { sheets: SheetKey[]; without: Localized[] };
}

export function absentSheets(rule: Pick<Rule, 'requires'>, ledger: Ledger): SheetKey[] {
  return rule.requires.filter((sheet) => ledger.sheets[sheet] === undefined);
}

/** The columns the rule reads that its scope's sheet was read without (docs/ledger.md). */
export function absentColumns(rule: Pick<Rule, 'scope' | 'requiresColumns'>, ledger: Ledger): string[] {
  return rule.requiresColumns.filter((key) => !readWithColumn(ledger, SCOPE_SHEET[rule.scope], key));
}

/** `ledger`: to tell which sheets the rule's facts read only when present are absent (the run's `partial`). */
function ruleRun(rule: Rule, absent: SheetKey[], ledger: Ledger): RuleRun {
  const missing = absent.length === 0 ? absentColumns(rule, ledger) : [];
  const run: RuleRun = { id: rule.id, clause: rule.clause, title: rule.title, version: rule.version, hits: 0, ran: absent.length === 0 && missing.length === 0 };
  if (absent.length > 0) run.reason = { code: 'sheet-absent', sheets: absent };
  if (missing.length > 0) run.reason = { code: 'column-absent', sheet: SCOPE_SHEET[rule.scope], columns: missing };
  const without = run.ran ? (rule.readsIfPresent ?? []).filter((r) => ledger.sheets[r.sheet] === undefined) : [];
  if (without.length > 0) run.partial = { sheets: [...new Set(without.map((w) => w.sheet))], without: without.map((w) => w.without) };
  return run;
}

function byId(a: Rule, b: Rule): number {
  return compareText(a.id, b.id);
}

/**
 * One evaluation being filled in, scope by scope: which rules run, and each fired rule's finding.
 * Shared with the reference engine (reference.ts) so that both build findings the same way.
 */
export class Findings {
  private readonly raw: RawFinding[] = [];
  private readonly runs: RuleRun[];
  private readonly runById: Map<string, RuleRun>;
  private readonly centerName: string;
  private readonly bounds: PeriodBounds;

  constructor(
    private readonly rules: readonly Rule[],
    ctx: AuditContext,
  ) {
    this.runs = rules.map((rule) => ruleRun(rule, absentSheets(rule, ctx.ledger), ctx.ledger));
    this.runById = new Map(this.runs.map((run) => [run.id, run]));
    this.centerName = centerOf(ctx.ledger).center;
    this.bounds = periodBounds(ctx.period);
  }

  /** The event (a rule's `event` fact) on the record falls in this period: rules of that event are judged on it now. */
  judges(event: string, record: ScopeRecord): boolean {
    return judgedInPeriod(record, event, this.bounds);
  }

  /** `judges` for one event, as a function of the record (the faster one, for a walk over many records). */
  judgesOf(event: string): (record: ScopeRecord) => boolean {
    return judgedInPeriodOf(event, this.bounds);
  }

  /** The scope's rules that run, by id. */
  running(scope: Scope): Rule[] {
    return this.rules.filter((r) => r.scope === scope && this.runById.get(r.id)!.ran).sort(byId);
  }

  fired(rule: Rule, record: ScopeRecord, evidence: ConditionEvidence[]): void {
    this.raw.push(rawFinding(rule, record, evidence, this.centerName));
    this.runById.get(rule.id)!.hits += 1;
  }

  result(): Evaluation {
    return { raw: this.raw, runs: this.runs };
  }
}

/** A rule that cannot be evaluated on a record (a fact it names is not there): bad-rules, naming the record. */
export function evaluationError(scope: Scope, record: ScopeRecord, cause: unknown): DutyAuditError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const { sheet, row, key } = record.ref;
  const where = { scope: { zh: SCOPE_LABELS[scope].zh, en: scope }, sheet: { zh: sheetSpec(sheet).zh, en: sheet }, row, key, reason };
  return new DutyAuditError('bad-rules', msg('rules.notEvaluable', where), {
    // `rules validate` checks every fact and value before an audit runs, so this is a gap it did
    // not foresee: say what to look at rather than send the reviewer back to it.
    hint: msg('rules.notEvaluable.hint'),
    cause,
  });
}

export function evaluate(rules: readonly Rule[], records: ScopeRecordSources, ctx: AuditContext): Evaluation {
  const findings = new Findings(rules, ctx);
  for (const scope of SCOPES) {
    const scopeRules = findings.running(scope);
    if (scopeRules.length === 0) continue;
    const verdicts = scopeRules.map(verdictOf);
    // Rules share events (17 case rules, 6 events): each event is placed in the period once per record.
    const events = [...new Set(scopeRules.map((rule) => rule.event))];
    const eventOf = scopeRules.map((rule) => events.indexOf(rule.event));
    const judgesEvent = events.map((event) => findings.judgesOf(event));
    const judged = events.map(() => false);
    for (const record of records[scope] ?? []) {
      const facts = record.facts;
      for (let e = 0; e < events.length; e++) judged[e] = judgesEvent[e]!(record);
      for (let i = 0; i < verdicts.length; i++) {
        if (!judged[eventOf[i]!]) continue;
        let fired: boolean;
        try {
          fired = verdicts[i]!(facts);
        } catch (cause) {
          throw evaluationError(scope, record, cause);
        }
        if (fired) findings.fired(scopeRules[i]!, record, evidence(conditionsOf(scopeRules[i]!), facts));
      }
    }
  }
  return findings.result();
}
