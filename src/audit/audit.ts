/**
 * The pipeline API (ARCHITECTURE): read the ledger, fix the period and as-of, load calendar and
 * rules, build the fact records once, evaluate, grade, and gather everything a report shows.
 * The CLI, the batch and the upload service all call this; tests call it directly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalendar } from '../calendar/load.js';
import { scopeRecordSources } from '../facts/build.js';
import { screenForAudit } from '../facts/calendar-screen.js';
import { serviceFigures } from '../facts/service-figures.js';
import { evaluate } from '../evaluate/evaluate.js';
import { readDecisions, type DecisionsFile } from '../decisions/read-decisions.js';
import { crossChecked } from '../evaluate/reference.js';
import { settleFindings, type SettlementInput } from '../grade/settle.js';
import { loadHistory, type History } from '../history/read-history.js';
import { readLedger, type ReadLedgerOptions } from '../ledger/read-ledger.js';
import type { ScopeRecordSources, AuditContext } from '../facts/types.js';
import type { Ledger } from '../ledger/types.js';
import { DEFAULT_RULES_DIR } from '../paths.js';
import { loadValidRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { dutyWindows } from '../rules/windows.js';
import type { RuleLimits } from '../rules/limits.js';
import { centerOf } from '../ledger/center.js';
import { inputFiles } from './inputs.js';
import { resolvePeriod } from './period.js';
import { summarise } from './summary.js';
import { toolInfo } from './tool.js';
import type { AuditResult } from './types.js';
import { warningRules, warningsOf } from './warnings.js';

export interface AuditOptions {
  /** YYYY-MM; default: the month holding most 受理日期. */
  period?: string;
  /** YYYY-MM-DD; default: the last day of the period. */
  asOf?: string;
  /** Rules folder; default: the rules shipped with the tool. Its `calendar/` is used when present. */
  rulesDir?: string;
  /** Overrides package.json's version (tests, embedding). */
  toolVersion?: string;
  /** The clock for `generatedAt` (the one wall-clock value of a report). */
  now?: () => Date;
  /**
   * An already loaded rule set (the batch loads it once per worker). When given, `rulesDir` still
   * names where its calendar comes from.
   */
  ruleSet?: RuleSet;
  /** Called after each pipeline stage with its wall time (benchmarks, progress). */
  onStage?: (stage: AuditStage, ms: number) => void;
  /**
   * The ledger already read from `input` (readLedger): `rules diff` audits one workbook under two
   * rule sets and reads it once. Not mutated by the audit.
   */
  ledger?: Ledger;
  /**
   * `--history`: a folder (or one file) of earlier JSON reports of the same center; an act one
   * of them already charged is not charged again (src/history).
   */
  history?: string;
  /** The batch's output folder holds every center's reports: pass over the others' silently. */
  historySameCenterOnly?: boolean;
  /** `--decisions`: reviewed appeals, JSON or xlsx (src/decisions). */
  decisions?: string;
  /**
   * `reference`: also evaluate with json-rules-engine and stop with an error if it finds anything
   * else (src/evaluate/reference.ts); the findings are the same either way. Default `evaluator`.
   */
  engine?: AuditEngine;
  /** How much of the ledger is read before it is refused (src/ledger/limits.ts; defaults when absent). */
  limits?: ReadLedgerOptions;
  /** Rule file size and nesting limits (src/rules/limits.ts; defaults when absent). */
  ruleLimits?: Partial<RuleLimits>;
}

export type AuditEngine = 'evaluator' | 'reference';

/**
 * The stages reported through `onStage`, in the order they run; together they are the whole
 * audit, so a benchmark's sum of stages is its wall time:
 * - `rules`: load and validate the rule set (not when `ruleSet` is given);
 * - `read`: read the ledger (not when `ledger` is given);
 * - `period`: fix the period and as-of, load the calendar, set aside the rows dated after as-of
 *   and the cases with a counted date no calendar covers;
 * - `history`: read `--history` and `--decisions` (only when either is given);
 * - `facts`: the lookups and sheet-wide scopes (src/facts/build.ts);
 * - `evaluate`: build the records as they are walked and run the rules;
 * - `grade`: settle the findings (overlaps, escalation, history, decisions);
 * - `figures`: gather what the report shows besides the findings: warnings, service figures,
 *   the summary, the tool and the SHA-256 of every input file.
 */
export type AuditStage = 'rules' | 'read' | 'period' | 'history' | 'facts' | 'evaluate' | 'grade' | 'figures';

/** Runs one stage and reports its wall time. */
async function timed<T>(stage: AuditStage, options: AuditOptions, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await work();
  options.onStage?.(stage, performance.now() - start);
  return value;
}

/** The pipeline up to the fact records: what evaluation runs over (also used by `--explain`). */
export interface PreparedAudit {
  ruleSet: RuleSet;
  ctx: AuditContext;
  /** Built as walked (scopeRecordSources): evaluation builds the case records as it goes. */
  records: ScopeRecordSources;
  periodInferred: boolean;
  history?: History;
  decisions?: DecisionsFile;
}

/** Loads the rules, reads the ledger, fixes period and as-of, and builds the fact records once. */
export async function prepareAudit(input: string, options: AuditOptions = {}): Promise<PreparedAudit> {
  const rulesDir = options.rulesDir ?? DEFAULT_RULES_DIR;
  const ruleSet = options.ruleSet ?? (await timed('rules', options, () => loadValidRuleSet(rulesDir, rulesDir, { limits: options.ruleLimits ?? {} })));
  const read = options.ledger ?? (await timed('read', options, () => readLedger(input, options.limits)));
  const { ctx, periodInferred } = await timed('period', options, () => {
    const { period, periodInferred, asOf } = resolvePeriod(read, options);
    const calendar = loadCalendar(calendarDir(rulesDir));
    const ledger = screenForAudit(read, calendar, asOf);
    return { ctx: { ledger, calendar, period, asOf, windows: dutyWindows(ruleSet.rules) } satisfies AuditContext, periodInferred };
  });
  // Both read before evaluation, so a bad history or decisions file stops the audit at once.
  const { history, decisions } =
    options.history === undefined && options.decisions === undefined
      ? {}
      : await timed('history', options, async () => ({
          history: options.history === undefined ? undefined : loadHistory(options.history, { center: centerOf(ctx.ledger).center, period: ctx.period }, historyOptions(options)),
          decisions: options.decisions === undefined ? undefined : await readDecisions(options.decisions),
        }));
  const records = await timed('facts', options, () => scopeRecordSources(ctx));
  return { ruleSet, ctx, records, periodInferred, ...(history ? { history } : {}), ...(decisions ? { decisions } : {}) };
}

function historyOptions(options: AuditOptions): { sameCenterOnly?: boolean } {
  return options.historySameCenterOnly ? { sameCenterOnly: true } : {};
}

/**
 * The complaints naming each case (关联受理编号), for the complaint ↔ case overlap across months:
 * an earlier report's finding on one of them is the act a case finding repeats. (A complaint
 * finding names its own case in its ref: RecordRef.caseId.)
 */
function complaintLinks(ledger: Ledger): Pick<SettlementInput, 'complaintsOfCase'> {
  const byCase = new Map<string, string[]>();
  for (const row of ledger.sheets.complaints ?? []) {
    const caseId = row.record.case_id;
    if (caseId) byCase.set(caseId, [...(byCase.get(caseId) ?? []), row.record.complaint_id]);
  }
  return { complaintsOfCase: (caseId) => byCase.get(caseId) ?? [] };
}

/** Evaluates and grades prepared records and gathers everything a report shows. */
export async function completeAudit(prepared: PreparedAudit, options: AuditOptions = {}): Promise<AuditResult> {
  const { ruleSet, ctx, records, periodInferred, history, decisions } = prepared;
  const { ledger, period, asOf } = ctx;
  const { raw, runs } = await timed('evaluate', options, () =>
    options.engine === 'reference' ? crossChecked(ruleSet.rules, records, ctx) : evaluate(ruleSet.rules, records, ctx),
  );
  const { findings, people } = await timed('grade', options, () =>
    settleFindings(raw, {
      policy: ruleSet.policy,
      period,
      ...(history ? { history: history.findings } : {}),
      ...(decisions ? { decisions: decisions.decisions } : {}),
      ...complaintLinks(ledger),
    }),
  );

  return timed('figures', options, async (): Promise<AuditResult> => {
    const warnings = warningsOf(ctx, warningRules(ruleSet.rules, ruleSet.policy), findings);
    const tool = toolInfo();
    return {
      tool: { name: tool.name, version: options.toolVersion ?? tool.version },
      ...centerOf(ledger),
      period,
      periodInferred,
      asOf,
      generatedAt: (options.now ?? (() => new Date()))().toISOString(),
      inputs: await inputFiles(ledger.source),
      rulesHash: ruleSet.hash,
      policy: ruleSet.policy,
      summary: summarise(findings, runs, ledger, warnings),
      findings,
      people,
      warnings,
      service: serviceFigures(ctx),
      dataIssues: ledger.dataIssues,
      rules: runs,
      ...(history ? { history: { source: history.source, reports: history.reports, ignored: history.ignored } } : {}),
      ...(decisions ? { decisions: { file: decisions.file, sha256: decisions.sha256, count: decisions.decisions.length } } : {}),
    };
  });
}

export async function audit(input: string, options: AuditOptions = {}): Promise<AuditResult> {
  return completeAudit(await prepareAudit(input, options), options);
}

function calendarDir(rulesDir: string): string {
  const own = join(rulesDir, 'calendar');
  return existsSync(own) ? own : join(DEFAULT_RULES_DIR, 'calendar');
}
