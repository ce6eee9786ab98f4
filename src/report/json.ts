/**
 * The report as JSON for other systems (docs/report.md). Field names and nesting are the contract;
 * extra fields (periodInferred, district, policy, sanction, conditions, ...) are additions.
 *
 * The JSON is a pure function of the inputs: the same ledger, rules and options give the same
 * bytes. That is why it carries no `generatedAt` — the wall-clock time lives only in the
 * workbook's Run sheet. Keys are written in a fixed order; facts in code-point order.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AuditResult } from '../audit/types.js';
import type { RuleRun } from '../evaluate/evaluate.js';
import type { Decision, Finding, PersonSummary } from '../findings/types.js';
import { GRADES, type Grade } from '../grade-scale.js';
import type { DataIssue } from '../ledger/types.js';
import type { Warning } from '../audit/warnings.js';
import { ruleNotRunText, ruleRunNote, statusText, WARNING_LABELS } from './labels.js';
import { maskText } from './mask.js';
import { renderFinding, renderIssueMessage, renderIssueValue, type RenderOptions } from './render.js';
import { writeFileAtomically } from '../output/atomic-file.js';

export type ReportJsonOptions = RenderOptions;

function gradeCounts(counts: Record<Grade, number>): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((g) => [g, counts[g] ?? 0])) as Record<Grade, number>;
}

function findingJson(f: Finding, o: RenderOptions) {
  const r = renderFinding(f, o);
  return {
    id: f.id,
    ruleId: f.ruleId,
    clause: f.clause,
    title: r.title,
    subject: { kind: f.subject.kind, name: f.subject.name },
    ref: f.ref.caseId === undefined ? { sheet: f.ref.sheet, row: f.ref.row, key: f.ref.key } : { sheet: f.ref.sheet, row: f.ref.row, key: f.ref.key, caseId: f.ref.caseId },
    date: f.date,
    facts: r.facts,
    message: r.message,
    baseGrade: f.baseGrade,
    grade: f.grade,
    escalation: r.escalation,
    escalationDetail: f.escalation,
    deductionYuan: f.deductionYuan,
    status: f.status,
    ...(f.mergedInto === undefined ? {} : { mergedInto: f.mergedInto }),
    ...(f.reportedIn === undefined ? {} : { reportedIn: f.reportedIn }),
    ...(f.chargedBeforeYuan === undefined ? {} : { chargedBeforeYuan: f.chargedBeforeYuan }),
    ...(f.decision === undefined ? {} : { decision: decisionJson(f.decision) }),
    statusText: statusText(f, o.lang),
    rows: f.rows ?? [],
    conditions: r.conditions.map((c) => ({
      fact: c.fact,
      operator: c.operator,
      expected: c.expected,
      actual: c.actual,
      result: c.result,
      ...(c.param === undefined ? {} : { param: c.param }),
    })),
  };
}

function decisionJson(d: Decision) {
  return {
    verdict: d.verdict.kind,
    ...(d.verdict.kind === 'regraded' ? { grade: d.verdict.grade } : {}),
    reason: d.reason,
    reviewer: d.reviewer,
    date: d.date,
  };
}

function personJson(p: PersonSummary, o: RenderOptions) {
  return {
    name: p.name,
    counts: gradeCounts(p.counts),
    highest: p.highest,
    deductionYuan: p.deductionYuan,
    sanction: p.sanction === null ? null : p.sanction[o.lang],
    merged: p.merged,
    withdrawn: p.withdrawn,
    reportedBefore: p.reportedBefore,
  };
}

function warningJson(w: Warning, o: RenderOptions) {
  return {
    kind: w.kind,
    kindText: WARNING_LABELS[w.kind][o.lang],
    ref: { sheet: w.ref.sheet, row: w.ref.row, key: w.ref.key },
    subject: { kind: w.subject.kind, name: w.subject.name },
    date: w.date,
    dueOn: w.dueOn,
    workingDaysLeft: w.workingDaysLeft,
    findingId: w.findingId,
    ...(w.extensionReason === undefined ? {} : { extensionReason: o.mask ? maskText(w.extensionReason) : w.extensionReason }),
  };
}

function issueJson(i: DataIssue, o: RenderOptions) {
  return {
    file: i.file,
    sheet: i.sheet,
    row: i.row,
    column: i.column,
    value: renderIssueValue(i, o),
    code: i.code,
    message: renderIssueMessage(i, o),
    sheetName: i.sheetName,
    header: i.header,
  };
}

function ruleJson(r: RuleRun, o: RenderOptions) {
  return {
    id: r.id,
    clause: r.clause,
    hits: r.hits,
    ran: r.ran,
    reason: ruleNotRunText(r, o.lang),
    note: ruleRunNote(r, o.lang),
    title: r.title[o.lang],
    version: r.version,
    ...(r.reason?.code === 'sheet-absent' ? { missingSheets: r.reason.sheets } : {}),
    ...(r.reason?.code === 'column-absent' ? { missingColumns: { sheet: r.reason.sheet, columns: r.reason.columns } } : {}),
  };
}

export function toReportJson(result: AuditResult, o: ReportJsonOptions) {
  return reportJsonWith(result, o, result.findings.map((f) => findingJson(f, o)));
}

/** The report with `findings` in its place, so reportJsonPieces can stand a mark there. */
function reportJsonWith<F>(result: AuditResult, o: ReportJsonOptions, findings: F[]) {
  const s = result.summary;
  return {
    tool: { name: result.tool.name, version: result.tool.version },
    center: result.center,
    ...(result.district === undefined ? {} : { district: result.district }),
    period: result.period,
    periodInferred: result.periodInferred,
    asOf: result.asOf,
    lang: o.lang,
    masked: o.mask,
    inputs: result.inputs.map((i) => ({ file: i.file, sha256: i.sha256 })),
    rulesHash: result.rulesHash,
    policy: result.policy,
    history: result.history ?? null,
    decisions: result.decisions ?? null,
    summary: {
      byGrade: gradeCounts(s.byGrade),
      byClause: { ...s.byClause },
      byStatus: { ...s.byStatus },
      byWarning: { ...s.byWarning },
      rowsRead: s.rowsRead,
      rowsEvaluated: s.rowsEvaluated,
      rowsSetAside: s.rowsSetAside,
      bySheet: s.bySheet,
    },
    findings,
    people: result.people.map((p) => personJson(p, o)),
    warnings: result.warnings.map((w) => warningJson(w, o)),
    service: { people: result.service.people.map((p) => ({ ...p })), center: { ...result.service.center } },
    dataIssues: result.dataIssues.map((i) => issueJson(i, o)),
    rules: result.rules.map((r) => ruleJson(r, o)),
  };
}

export type ReportJson = ReturnType<typeof toReportJson>;

/** The text written by --json: two-space indented, one trailing newline. */
export function reportJsonText(result: AuditResult, o: ReportJsonOptions): string {
  return [...reportJsonPieces(result, o)].join('');
}

/**
 * The JSON report written to `file` (atomically), piece by piece (reportJsonPieces); resolves to
 * the SHA-256 (hex) of the text written, which the upload service compares to tell a changed report.
 */
export async function writeReportJson(result: AuditResult, file: string, o: ReportJsonOptions): Promise<string> {
  const hash = createHash('sha256');
  function* hashed(): Generator<string> {
    for (const piece of reportJsonPieces(result, o)) {
      hash.update(piece);
      yield piece;
    }
  }
  await writeFileAtomically(file, (path) => pipeline(Readable.from(hashed()), createWriteStream(path)));
  return hash.digest('hex');
}

/** Pieces are handed on once they reach this many characters. */
const PIECE_CHARS = 64 * 1024;
/** Stands in the findings array while the rest of the report is written as one text. */
const FINDINGS_MARK = '\u0000findings\u0000';
/** The mark as the JSON text holds it. */
const FINDINGS_MARK_TEXT = JSON.stringify(FINDINGS_MARK);
/** Where the mark stands: only the report's own `findings` key is written so (a quote or line break in data is escaped). */
const FINDINGS_AT = `\n  "findings": [\n    ${FINDINGS_MARK_TEXT}`;

/**
 * reportJsonText's text in pieces, the findings rendered one at a time: the same characters as
 * JSON.stringify(toReportJson(result, o), null, 2) and a newline. A month whose every case
 * fires has as many findings as cases: at the 150,000-row limit (bench/hostile.ts, csv-150k,
 * 142,501 findings) the text is ~226 million characters, and making it whole took the
 * process from 407 to 981 MB.
 */
export function* reportJsonPieces(result: AuditResult, o: ReportJsonOptions): Generator<string> {
  if (result.findings.length === 0) {
    yield `${JSON.stringify(reportJsonWith(result, o, []), null, 2)}\n`;
    return;
  }
  const text = JSON.stringify(reportJsonWith(result, o, [FINDINGS_MARK]), null, 2);
  const at = text.indexOf(FINDINGS_AT) + FINDINGS_AT.length - FINDINGS_MARK_TEXT.length;
  let piece = text.slice(0, at);
  for (const [i, f] of result.findings.entries()) {
    // An element of the findings array: indented four spaces deeper than written alone.
    piece += (i === 0 ? '' : ',\n    ') + JSON.stringify(findingJson(f, o), null, 2).replace(/\n/g, '\n    ');
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${text.slice(at + FINDINGS_MARK_TEXT.length)}\n`;
}
