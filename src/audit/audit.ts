/**
 * The pipeline API (ARCHITECTURE): read the ledger, fix the period and as-of, load calendar and
 * rules, build the fact records once, evaluate, grade, and gather everything a report shows.
 * The CLI, the batch and the upload service all call this; tests call it directly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalendar } from '../calendar/load.js';
import { scopeRecordSources } from '../facts/build.js';
import { serviceFigures } from '../facts/service-figures.js';
import { evaluate } from '../evaluate/evaluate.js';
import { crossChecked } from '../evaluate/reference.js';
import { gradeFindings } from '../grade/grade.js';
import { applyAsOf } from '../ledger/as-of.js';
import { readLedger, type ReadLedgerOptions } from '../ledger/read-ledger.js';
import type { ScopeRecordSources, AuditContext } from '../facts/types.js';
import type { Ledger } from '../ledger/types.js';
import { DEFAULT_RULES_DIR } from '../paths.js';
import { loadValidRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { centerOf } from '../ledger/center.js';
import { inputFiles } from './inputs.js';
import { resolvePeriod } from './period.js';
import { summarise } from './summary.js';
import { toolInfo } from './tool.js';
import type { AuditResult } from './types.js';

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
   * `reference`: also evaluate with json-rules-engine and stop with an error if it finds anything
   * else (src/evaluate/reference.ts); the findings are the same either way. Default `evaluator`.
   */
  engine?: AuditEngine;
  /** How much of the ledger is read before it is refused (src/ledger/limits.ts; defaults when absent). */
  limits?: ReadLedgerOptions;
}

export type AuditEngine = 'evaluator' | 'reference';

export type AuditStage = 'rules' | 'read' | 'facts' | 'evaluate' | 'grade';

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
}

/** Loads the rules, reads the ledger, fixes period and as-of, and builds the fact records once. */
export async function prepareAudit(input: string, options: AuditOptions = {}): Promise<PreparedAudit> {
  const rulesDir = options.rulesDir ?? DEFAULT_RULES_DIR;
  const ruleSet = options.ruleSet ?? (await timed('rules', options, () => loadValidRuleSet(rulesDir)));
  const read = options.ledger ?? (await timed('read', options, () => readLedger(input, options.limits)));
  const { period, periodInferred, asOf } = resolvePeriod(read, options);
  const ledger = applyAsOf(read, asOf);
  const calendar = loadCalendar(calendarDir(rulesDir));
  const ctx: AuditContext = { ledger, calendar, period, asOf };
  const records = await timed('facts', options, () => scopeRecordSources(ctx));
  return { ruleSet, ctx, records, periodInferred };
}

/** Evaluates and grades prepared records and gathers everything a report shows. */
export async function completeAudit(prepared: PreparedAudit, options: AuditOptions = {}): Promise<AuditResult> {
  const { ruleSet, ctx, records, periodInferred } = prepared;
  const { ledger, period, asOf } = ctx;
  const { raw, runs } = await timed('evaluate', options, () =>
    options.engine === 'reference' ? crossChecked(ruleSet.rules, records, ctx) : evaluate(ruleSet.rules, records, ctx),
  );
  const { findings, people } = await timed('grade', options, () => gradeFindings(raw, ruleSet.policy));

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
    summary: summarise(findings, runs, ledger),
    findings,
    people,
    service: serviceFigures(ctx),
    dataIssues: ledger.dataIssues,
    rules: runs,
  };
}

export async function audit(input: string, options: AuditOptions = {}): Promise<AuditResult> {
  return completeAudit(await prepareAudit(input, options), options);
}

function calendarDir(rulesDir: string): string {
  const own = join(rulesDir, 'calendar');
  return existsSync(own) ? own : join(DEFAULT_RULES_DIR, 'calendar');
}
