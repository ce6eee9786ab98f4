/**
 * The batch library API: discover inputs, settle what needs no audit (missing, wrong kind, too
 * large, unchanged since the manifest's run), audit the rest on a worker pool, name and place
 * the reports, write the manifest and the district summary. A bad input is one failed entry;
 * it never stops the others (docs/cli.md, issue 6). The CLI is a thin shell over this.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';
import type { Grade } from '../grade-scale.js';
import { DEFAULT_RULES_DIR } from '../paths.js';
import type { ReadLedgerOptions } from '../ledger/read-ledger.js';
import { loadValidRuleSet } from '../rules/load.js';
import type { RuleLimits } from '../rules/limits.js';
import { compareText, type Lang } from '../text.js';
import { sweepIfStopped } from '../output/stop-cleanup.js';
import { writeOutput } from '../output/write-output.js';
import { lockOutFolder } from './out-folder-lock.js';
import { discoverInputs } from './discover.js';
import { displayPath } from '../display-path.js';
import { HistoryFolder } from '../history/read-history.js';
import { auditLaterMonthsAgain, type MonthReport } from './later-months.js';
import { reaches, writeDistrictSummary } from './district-summary.js';
import { forget, optionsKey, readManifest, recordRun, writeManifest, type Manifest } from './manifest.js';
import { createWorkerPool, dispatch, type Fresh, type WorkerPool } from './pool.js';
import { placeReports } from './report-names.js';
import { isPending, notFound, triage, type Pending } from './triage.js';
import type { BatchEntry, BatchInput, BatchResult, TaskOutcome, TaskRunner } from './types.js';

export interface BatchOptions {
  out: string;
  /** Parallel audits; default: the number of cores. */
  jobs?: number;
  period?: string;
  asOf?: string;
  rulesDir?: string;
  lang?: Lang;
  /** Mask phone numbers in reports (default true). */
  mask?: boolean;
  /** Audit every input even when the manifest shows it unchanged. */
  force?: boolean;
  failOn?: Grade;
  /** Inputs larger than this many MB are listed as failed (default 50). */
  maxMb?: number;
  /** Ledger limits for every audit (src/ledger/limits.ts; defaults when absent). */
  limits?: ReadLedgerOptions;
  /** Rule file limits (src/rules/limits.ts; defaults when absent). */
  ruleLimits?: Partial<RuleLimits>;
  /** Where relative inputs are resolved and shown from (default: process.cwd()). */
  cwd?: string;
  progress?: BatchProgress;
  /** Runs one audit; default: a worker pool of `jobs` threads. A caller may run in-process (auditToReport). */
  runner?: TaskRunner;
  /** The pool's worker module (tests: a worker that crashes on purpose). */
  workerFile?: string | URL;
}

/** Told of each input as it is settled (pre-check failures and unchanged inputs first). */
export interface BatchProgress {
  start(total: number): void;
  settled(entry: BatchEntry, done: number, total: number): void;
  stop(): void;
}

export async function runBatch(inputs: string[], options: BatchOptions): Promise<BatchResult> {
  if (inputs.length === 0) throw usage(msg('batch.noInputs'));
  const cwd = resolve(options.cwd ?? process.cwd());
  const outDir = resolve(cwd, options.out);
  const jobs = Math.max(1, Math.floor(options.jobs ?? availableParallelism()));
  const lang = options.lang ?? 'zh';
  const mask = options.mask ?? true;
  const rulesDir = resolve(cwd, options.rulesDir ?? DEFAULT_RULES_DIR);

  // Loaded once, before any worker starts: bad rules stop the whole batch (every report would
  // be wrong), unlike a bad input. Each worker loads the set again for its own audits.
  const rulesHash = (await loadValidRuleSet(rulesDir, rulesDir, { limits: options.ruleLimits ?? {} })).hash;
  await writeOutput(outDir, msg('cli.what.outFolder'), 'out', () => mkdir(outDir, { recursive: true }));
  const unlock = await lockOutFolder(outDir);
  const endSweep = sweepIfStopped(outDir);
  try {
    return await runLocked(inputs, options, { cwd, outDir, jobs, lang, mask, rulesDir, rulesHash });
  } finally {
    endSweep();
    await unlock();
  }
}

interface RunContext {
  cwd: string;
  outDir: string;
  jobs: number;
  lang: Lang;
  mask: boolean;
  rulesDir: string;
  rulesHash: string;
}

async function runLocked(inputs: string[], options: BatchOptions, { cwd, outDir, jobs, lang, mask, rulesDir, rulesHash }: RunContext): Promise<BatchResult> {
  const found = await discoverInputs(inputs, { cwd, exclude: [outDir] });
  const total = found.inputs.length + found.unmatched.length + found.refused.length;
  if (total === 0) throw usage(msg('batch.nothingToAudit', { inputs }));

  const manifest = readManifest(outDir);
  const runKey = { rulesHash, options: optionsKey({ period: options.period, asOf: options.asOf, lang, mask }) };
  const entries = new Map<string, BatchEntry>();
  let done = 0;
  const settle = (entry: BatchEntry): void => {
    entries.set(entry.input.path, entry);
    options.progress?.settled(entry, ++done, total);
  };
  options.progress?.start(total);

  for (const arg of found.unmatched) {
    settle({ status: 'failed', input: { path: resolve(cwd, arg), display: arg, kind: 'other' }, failure: notFound(arg), fromManifest: false });
  }
  for (const { input, failure } of found.refused) settle({ status: 'failed', input, failure, fromManifest: false });
  const pending: Pending[] = [];
  // An unchanged input is kept only if the earlier reports it would read as history are unchanged too.
  const history = Object.keys(manifest.entries).length > 0 ? new HistoryFolder(outDir) : undefined;
  const triageCtx = { manifest, ...runKey, outDir, maxBytes: (options.maxMb ?? 50) * 1024 * 1024, force: options.force ?? false, ...(history ? { history } : {}) };
  for (const input of found.inputs) {
    const t = await triage(input, triageCtx);
    if (isPending(t)) pending.push(t);
    else {
      if (t.status === 'failed' && !t.fromManifest) forget(manifest, input.path);
      settle(t);
    }
  }

  // Workers start when the first audit needs one (a run of unchanged inputs may need none).
  let pool: WorkerPool | undefined;
  const run: TaskRunner = options.runner ?? ((t) => (pool ??= createWorkerPool({ jobs, ...(options.workerFile ? { workerFile: options.workerFile } : {}) })).run(t));
  // The out folder's JSON reports are each center's history (earlier months are not charged again).
  const task = {
    rulesDir,
    lang,
    mask,
    historyDir: outDir,
    ...(options.period ? { period: options.period } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.ruleLimits ? { ruleLimits: options.ruleLimits } : {}),
  };
  const keptNames = [...entries.values()].flatMap((e) => (e.status === 'skipped' ? [e.report] : []));
  let fresh: Fresh[] = [];
  let reports = new Map<string, string>();
  let again = new Map<string, TaskOutcome>();
  try {
    fresh = await dispatch(pending, { run, jobs, outDir, task, settled: settle });
    reports = await writeOutput(outDir, msg('cli.what.reports'), 'out', () => placeReports(fresh, keptNames, outDir, lang));
    const months = monthReports(fresh, reports, entries, manifest);
    again = await auditLaterMonthsAgain(months, { run, outDir, task, inputOf: (input) => displayPath(input.path, process.cwd()) });
  } finally {
    await pool?.close();
    options.progress?.stop();
  }
  for (const f of fresh) {
    f.outcome = again.get(f.input.path) ?? f.outcome;
    const entry = entries.get(f.input.path);
    const report = reports.get(f.input.path);
    if (entry?.status !== 'audited' || report === undefined) continue;
    if (f.outcome.ok) entries.set(f.input.path, { ...entry, report, summary: f.outcome.summary });
    else {
      reports.delete(f.input.path);
      entries.set(f.input.path, { status: 'failed', input: f.input, sha256: f.sha256, failure: f.outcome.failure, fromManifest: false });
    }
  }
  // Inputs kept as unchanged whose earlier months' reports changed were audited again.
  const keptAgain: { input: BatchInput; sha256: string; outcome: TaskOutcome }[] = [];
  for (const [path, outcome] of again) {
    const entry = entries.get(path);
    if (entry?.status !== 'skipped') continue;
    keptAgain.push({ input: entry.input, sha256: entry.sha256, outcome });
    if (outcome.ok) {
      entries.set(path, { status: 'audited', input: entry.input, sha256: entry.sha256, report: entry.report, summary: outcome.summary });
      reports.set(path, entry.report);
    } else {
      entries.set(path, { status: 'failed', input: entry.input, sha256: entry.sha256, failure: outcome.failure, fromManifest: false });
    }
  }
  recordRun(manifest, [...fresh, ...keptAgain], reports, runKey);
  const manifestFile = await writeOutput(outDir, msg('cli.what.manifest'), 'out', () => writeManifest(outDir, manifest));

  const ordered = [...entries.values()].sort(byInputPath);
  const period = options.period ?? commonestPeriod(ordered);
  const summaryFile = join(outDir, `district-summary-${period}${lang === 'zh' ? '' : `-${lang}`}.xlsx`);
  await writeOutput(summaryFile, msg('cli.what.districtSummary'), 'out', () => writeDistrictSummary(ordered, summaryFile, { lang, period }));

  const counts = { audited: 0, skipped: 0, failed: 0 };
  for (const e of ordered) counts[e.status] += 1;
  return { entries: ordered, outDir, summaryFile, manifestFile, rulesHash, period, counts, exitCode: exitCodeOf(ordered, options.failOn) };
}

/** Every month with a report in the folder after this run: audited now, or kept from the last run. */
function monthReports(fresh: readonly Fresh[], reports: ReadonlyMap<string, string>, entries: ReadonlyMap<string, BatchEntry>, manifest: Manifest): MonthReport[] {
  const months: MonthReport[] = [];
  for (const f of fresh) {
    const report = reports.get(f.input.path);
    if (f.outcome.ok && report !== undefined) months.push({ input: f.input, report, summary: f.outcome.summary, history: f.outcome.history ?? '' });
  }
  for (const e of entries.values()) {
    if (e.status !== 'skipped') continue;
    const previous = manifest.entries[e.input.path];
    months.push({ input: e.input, report: e.report, summary: e.summary, history: previous?.status === 'audited' ? previous.history : undefined });
  }
  return months;
}

function usage(detail: Message): DutyAuditError {
  return new DutyAuditError('bad-usage', detail, { hint: msg('batch.usage.hint') });
}

// ---- what a finished batch amounts to: its exit code and the period its summary is named after ----

/**
 * 3 when some input could not be audited (the batch ran, the district summary lists it), else 1
 * when a center reaches --fail-on, else 0. 2 is left to a batch that could not run at all (bad
 * rules, nothing to audit, bad usage), which throws instead (docs/cli.md).
 */
export const EXIT_INPUTS_FAILED = 3;

export function exitCodeOf(entries: BatchEntry[], failOn: Grade | undefined): 0 | 1 | 3 {
  if (entries.some((e) => e.status === 'failed')) return EXIT_INPUTS_FAILED;
  if (failOn && entries.some((e) => e.status !== 'failed' && reaches(e.summary, failOn))) return 1;
  return 0;
}

/** The month most audited inputs cover (earliest on a tie), or `unknown` when none was audited. */
export function commonestPeriod(entries: BatchEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.status !== 'failed') counts.set(e.summary.period, (counts.get(e.summary.period) ?? 0) + 1);
  let best = 'unknown';
  let bestCount = 0;
  for (const [period, n] of [...counts].sort(([a], [b]) => compareText(a, b))) {
    if (n > bestCount) [best, bestCount] = [period, n];
  }
  return best;
}

export function byInputPath(a: BatchEntry, b: BatchEntry): number {
  return compareText(a.input.path, b.input.path);
}
