/**
 * `--history`: earlier JSON reports of the same center, so an act an earlier month already
 * charged is not charged again (docs/grading.md, "Each act is judged once, across months").
 *
 * Only reports of earlier periods are read, the latest one per period (the later as-of, then the
 * later file name); a report of this period or a later one is set aside and listed, never used.
 * Each report used is listed with its SHA-256, so the report can be traced to what it relied on.
 *
 * Given by a person (`audit --history DIR`), every JSON file there must be a duty-audit report of
 * this center: anything else is an error naming the file. The batch passes its output folder,
 * which holds other centers' reports and its manifest: those are passed over (`sameCenterOnly`).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate } from '../calendar/dates.js';
import { displayPath } from '../display-path.js';
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';
import { compareText } from '../text.js';
import { FINDING_STATUSES, type FindingStatus } from '../findings/types.js';
import { isGrade, type Grade } from '../grade-scale.js';
import { findingIdBase } from '../grade/finding-id.js';
import { combinePriors, type PriorFinding } from '../grade/settle.js';

export interface HistoryReport {
  /** As the user would name it (relative to the working folder when inside it). */
  file: string;
  sha256: string;
  period: string;
  asOf: string;
}

export type IgnoredReason = 'same-period' | 'later-period' | 'superseded';

export interface IgnoredReport {
  file: string;
  period: string;
  reason: IgnoredReason;
}

export interface History {
  /** The folder (or file) given, as the user would name it. */
  source: string;
  /** Used, in period order. */
  reports: HistoryReport[];
  ignored: IgnoredReport[];
  /** What the reports used hold of each finding id. */
  findings: Map<string, PriorFinding>;
}

export interface HistoryTarget {
  center: string;
  period: string;
}

export interface HistoryOptions {
  /** Pass over files that are not reports of this center instead of stopping (the batch). */
  sameCenterOnly?: boolean;
  /** Where paths are shown from (default: the working folder). */
  cwd?: string;
}

/** One finding of an earlier report, as much of it as history needs. */
interface ReportedFinding {
  id: string;
  baseGrade: Grade;
  deductionYuan: number;
  status: FindingStatus;
  reportedIn?: string;
  /**
   * A complaint finding that names its case (ref.caseId): the id its rule's finding would have
   * on that case. A case finding this month looks its overlap partners up by such ids, so a
   * 拖压卡 complaint reported last month and the overdue finding on its case now are one act,
   * though this month's ledger no longer lists the complaint.
   */
  caseAlias?: string;
}

interface ParsedReport {
  path: string;
  bytes: Buffer;
  center: string;
  period: string;
  asOf: string;
  findings: ReportedFinding[];
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const HINT = msg('history.hint');

/**
 * The JSON files of a folder (not its subfolders, not hidden files such as the batch's
 * half-written `.partial-…` reports), or the one file given.
 */
export function historyFiles(source: string): string[] {
  if (!existsSync(source)) {
    throw new DutyAuditError('file-not-found', msg('history.notFound', { source }), { file: source, hint: HINT });
  }
  if (!statSync(source).isDirectory()) return [source];
  return readdirSync(source, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name.toLowerCase().endsWith('.json'))
    .map((e) => join(source, e.name))
    .sort();
}

/** A report's `center` is its second key; its first few KB tell whether it is worth reading whole. */
const PEEK_BYTES = 4096;
const CENTER_KEY = /"center"\s*:\s*("(?:[^"\\]|\\.)*")/;

/** A report's first PEEK_BYTES as text: where its tool, center, period and as-of are. */
function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(PEEK_BYTES);
    return head.subarray(0, readSync(fd, head, 0, PEEK_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The center a report's head names; undefined when the head does not say. A batch folder holds
 * every center's months, and each audit needs only its own.
 */
function centerInHead(head: string): string | undefined {
  const m = CENTER_KEY.exec(head);
  if (!m) return undefined;
  try {
    return (JSON.parse(m[1]!) as string).trim();
  } catch {
    return undefined;
  }
}

/** Why a file is not a usable duty-audit report, or its content. */
function parseReport(path: string, bytes: Buffer): ParsedReport | Message {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
  } catch (err) {
    return msg('history.notJson', { reason: (err as Error).message });
  }
  const r = value as Record<string, unknown> | null;
  const tool = r?.['tool'] as Record<string, unknown> | undefined;
  if (typeof r !== 'object' || r === null || Array.isArray(r) || tool?.['name'] !== 'duty-audit') return msg('history.notReport');
  const { center, period, asOf, findings } = r as Record<string, unknown>;
  if (typeof center !== 'string' || center.trim() === '') return msg('history.noCenter');
  if (typeof period !== 'string' || !PERIOD.test(period)) return msg('history.badPeriod');
  if (typeof asOf !== 'string' || !isIsoDate(asOf)) return msg('history.badAsOf');
  if (!Array.isArray(findings)) return msg('history.noFindings');
  const out: ReportedFinding[] = [];
  for (const [n, item] of findings.entries()) {
    const f = item as Record<string, unknown> | null;
    const status = f?.['status'] ?? 'counted';
    if (typeof f?.['id'] !== 'string' || !isGrade(f['baseGrade']) || !(FINDING_STATUSES as readonly unknown[]).includes(status)) {
      return msg('history.badFinding', { n });
    }
    const yuan = f['deductionYuan'] ?? 0;
    if (typeof yuan !== 'number' || !(yuan >= 0)) return msg('history.badYuan', { n });
    const reported: ReportedFinding = { id: f['id'], baseGrade: f['baseGrade'], deductionYuan: yuan, status: status as FindingStatus };
    if (typeof f['reportedIn'] === 'string') reported.reportedIn = f['reportedIn'];
    const alias = caseAliasOf(f);
    if (alias !== undefined) reported.caseAlias = alias;
    out.push(reported);
  }
  return { path, bytes, center: center.trim(), period, asOf, findings: out };
}

/** ReportedFinding.caseAlias: undefined unless the finding is on a complaint that names its case. */
function caseAliasOf(f: Record<string, unknown>): string | undefined {
  const ref = f['ref'] as Record<string, unknown> | undefined;
  const subject = f['subject'] as Record<string, unknown> | undefined;
  const { ruleId } = f;
  if (ref?.['sheet'] !== 'complaints' || typeof ref['caseId'] !== 'string' || typeof ruleId !== 'string') return undefined;
  if ((subject?.['kind'] !== 'staff' && subject?.['kind'] !== 'center') || typeof subject['name'] !== 'string') return undefined;
  // A finding on a case record is dated: its id does not hash the period.
  return findingIdBase({ ruleId, ref: { sheet: 'cases', row: 0, key: ref['caseId'] }, subject: { kind: subject['kind'], name: subject['name'] }, scope: 'case' }, '');
}

/** The month an earlier report tells us the act was charged (or, failing that, shown). */
function monthCharged(f: ReportedFinding, report: ParsedReport): string {
  return f.status === 'reported-before' && f.reportedIn !== undefined ? f.reportedIn : report.period;
}

function addPrior(into: Map<string, PriorFinding>, f: ReportedFinding, report: ParsedReport): void {
  const prior: PriorFinding = { highestBase: f.baseGrade, chargedYuan: f.deductionYuan, reportedIn: monthCharged(f, report) };
  into.set(f.id, combinePriors(into.get(f.id), prior));
  if (f.caseAlias !== undefined) into.set(f.caseAlias, combinePriors(into.get(f.caseAlias), prior));
}

/**
 * The report that stands for each period: the later as-of, then the later file name. Returns
 * them in period order, and the ones they set aside. readHistory and HistoryFolder both choose
 * by it, so the batch's history key names the very reports an audit reads.
 */
function latestPerPeriod<T extends { path: string; period: string; asOf: string }>(reports: readonly T[]): { latest: T[]; superseded: T[] } {
  const latest = new Map<string, T>();
  const superseded: T[] = [];
  for (const report of reports) {
    const held = latest.get(report.period);
    const later = !held || report.asOf > held.asOf || (report.asOf === held.asOf && report.path > held.path);
    if (held) superseded.push(later ? held : report);
    if (later) latest.set(report.period, report);
  }
  return { latest: [...latest.values()].sort((a, b) => compareText(a.period, b.period)), superseded };
}

export function readHistory(files: readonly string[], source: string, target: HistoryTarget, options: HistoryOptions = {}): History {
  const shown = (path: string) => displayPath(path, options.cwd);
  const earlier: ParsedReport[] = [];
  const ignored: IgnoredReport[] = [];
  for (const path of files) {
    if (options.sameCenterOnly) {
      const center = centerInHead(readHead(path));
      if (center !== undefined && center !== target.center.trim()) continue;
    }
    const bytes = readFileSync(path);
    const parsed = parseReport(path, bytes);
    if (!('findings' in parsed)) {
      if (options.sameCenterOnly) continue;
      throw new DutyAuditError('bad-history', msg('history.badFile', { file: shown(path), reason: parsed }), { file: path, hint: HINT });
    }
    if (parsed.center !== target.center.trim()) {
      if (options.sameCenterOnly) continue;
      throw new DutyAuditError('bad-history', msg('history.otherCenter', { file: shown(path), center: parsed.center, target: target.center }), { file: path, hint: HINT });
    }
    if (parsed.period >= target.period) {
      ignored.push({ file: shown(path), period: parsed.period, reason: parsed.period === target.period ? 'same-period' : 'later-period' });
      continue;
    }
    earlier.push(parsed);
  }
  const { latest: used, superseded } = latestPerPeriod(earlier);
  for (const report of superseded) ignored.push({ file: shown(report.path), period: report.period, reason: 'superseded' });
  const findings = new Map<string, PriorFinding>();
  for (const report of used) for (const f of report.findings) addPrior(findings, f, report);
  return {
    source: shown(source),
    reports: used.map((r) => ({ file: shown(r.path), sha256: createHash('sha256').update(r.bytes).digest('hex'), period: r.period, asOf: r.asOf })),
    ignored: ignored.sort((a, b) => compareText(a.file, b.file)),
    findings,
  };
}

/**
 * What an audit's history amounts to: the SHA-256 of the reports it used, in period order ('' for
 * none). The batch keeps it in its manifest, so an unchanged input is audited again when the
 * reports it would read as history have changed.
 */
export function historyKey(reports: readonly Pick<HistoryReport, 'sha256'>[]): string {
  return reports.length === 0 ? '' : createHash('sha256').update(reports.map((r) => r.sha256).join('\n')).digest('hex');
}

/** A report's head: enough to tell which audits would read it as history. */
interface ReportHead {
  path: string;
  center: string;
  period: string;
  asOf: string;
}

const HEAD_KEYS = { tool: /"tool"\s*:\s*\{\s*"name"\s*:\s*"duty-audit"/, period: /"period"\s*:\s*"(\d{4}-\d{2})"/, asOf: /"asOf"\s*:\s*"(\d{4}-\d{2}-\d{2})"/ };

function peekHead(path: string): ReportHead | undefined {
  const text = readHead(path);
  const center = centerInHead(text);
  const period = HEAD_KEYS.period.exec(text)?.[1];
  const asOf = HEAD_KEYS.asOf.exec(text)?.[1];
  if (center === undefined || !HEAD_KEYS.tool.test(text) || period === undefined || asOf === undefined) return undefined;
  return { path, center, period, asOf };
}

/**
 * The batch's output folder as history: each report's head read once, so that for any center
 * and period the key of the reports its audit would read (readHistory's choice: the latest of
 * each earlier period) is found without parsing them. A report written since is read again with
 * `refresh`. A file whose head looks like a report but whose body is not only makes a key differ,
 * and an audit run again is the safe side.
 */
export class HistoryFolder {
  private readonly heads = new Map<string, ReportHead>();
  private readonly hashes = new Map<string, string>();

  constructor(dir: string) {
    for (const path of historyFiles(dir)) this.refresh(path);
  }

  refresh(path: string): void {
    this.hashes.delete(path);
    const head = existsSync(path) ? peekHead(path) : undefined;
    if (head) this.heads.set(path, head);
    else this.heads.delete(path);
  }

  keyFor(center: string, period: string): string {
    const earlier = [...this.heads.values()].filter((h) => h.center === center.trim() && h.period < period);
    return historyKey(latestPerPeriod(earlier).latest.map((h) => ({ sha256: this.sha256(h.path) })));
  }

  private sha256(path: string): string {
    let hash = this.hashes.get(path);
    if (hash === undefined) this.hashes.set(path, (hash = createHash('sha256').update(readFileSync(path)).digest('hex')));
    return hash;
  }
}

/** `--history DIR` (or one file) for one audit. */
export function loadHistory(source: string, target: HistoryTarget, options: HistoryOptions = {}): History {
  return readHistory(historyFiles(source), source, target, options);
}
