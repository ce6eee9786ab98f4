/**
 * Which records `--explain <target>` means: a finding id names its finding's record; otherwise
 * the target is a record key (docs/report.md, `ref.key`). A staff name, or a name that only dated
 * records (`姓名@日期`) or findings carry, names a person: their findings are explained, with the
 * staff record if there is one, and their dated records listed. No match is a usage error whose
 * hint shows how keys look in this ledger and the nearest keys ("did you mean …"): keys are
 * compared after NFKC folding (full-width → half-width) and lower-casing, and ranked by edit
 * distance.
 */
import { DutyAuditError } from '../errors.js';
import { SCOPES, type Scope } from '../facts/scopes.js';
import type { ScopeRecord, ScopeRecords, RecordRef } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import { sheetSpec } from '../ledger/columns.js';
import { renderIssueMessage } from '../ledger/issue-codes.js';
import type { Ledger, SheetKey } from '../ledger/types.js';
import { msg, type Message, type MessageParam } from '../messages/catalogue.js';
import type { TargetKind } from './types.js';
import { compareText, type Localized } from '../text.js';

export function foldKey(key: string): string {
  return key.normalize('NFKC').trim().toLowerCase();
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The keys closest to `target` by edit distance (one containing the other also counts as near), best first. */
export function nearKeys(target: string, keys: Iterable<string>, limit = 5): string[] {
  const t = foldKey(target);
  if (t === '') return [];
  const budget = Math.max(1, Math.round(t.length / 3));
  const scored: { key: string; score: number }[] = [];
  for (const key of new Set(keys)) {
    const k = foldKey(key);
    const contains = k.includes(t) || t.includes(k);
    const score = editDistance(t, k);
    if (contains || score <= budget) scored.push({ key, score });
  }
  scored.sort((a, b) => a.score - b.score || compareText(a.key, b.key));
  return scored.slice(0, limit).map((s) => s.key);
}

export interface Target {
  kind: TargetKind;
  records: ScopeRecord[];
  finding?: Finding;
  /** The person named, as the ledger spells the name. */
  person?: string;
  alsoMatches: RecordRef[];
}

const FINDING_ID = /^f-[0-9a-f]{12}(#\d+)?$/;

function allRecords(records: ScopeRecords): ScopeRecord[] {
  return SCOPES.flatMap((scope) => records[scope] ?? []);
}

export function sameRef(a: RecordRef, b: RecordRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.key === b.key;
}

function byFindingId(id: string, records: ScopeRecords, findings: readonly Finding[]): Target {
  const finding = findings.find((f) => f.id.toLowerCase() === id);
  if (!finding) {
    const near = nearKeys(id, findings.map((f) => f.id));
    throw new DutyAuditError('bad-usage', msg('explain.noFinding', { id: id.replace(/^f/, 'F') }), {
      hint: near.length > 0 ? msg('explain.noFinding.hintNear', { near }) : msg('explain.noFinding.hintKey'),
    });
  }
  const record = (records[finding.scope] ?? []).find((r) => sameRef(r.ref, finding.ref));
  if (!record) {
    const { sheet, row, key } = finding.ref;
    throw new DutyAuditError('bad-usage', msg('explain.findingNotAudited', { id: finding.id, sheet: sheetWords(sheet), row, key }), {
      hint: msg('explain.findingNotAudited.hint'),
    });
  }
  return { kind: 'finding-id', records: [record], finding, alsoMatches: [] };
}

/** A sheet in words: its Chinese name, or its key in English. */
function sheetWords(sheet: SheetKey): Localized {
  return { zh: sheetSpec(sheet).zh, en: sheet };
}

/** How a key of each scope looks, with the first key of the ledger; the center's key shows as itself. */
const KEY_EXAMPLES: Partial<Record<Scope, (key: string) => MessageParam>> = {
  case: (key) => msg('explain.example.case', { key }),
  complaint: (key) => msg('explain.example.complaint', { key }),
  attendance: (key) => msg('explain.example.attendance', { key }),
  staff: (key) => msg('explain.example.staff', { key }),
  item: (key) => msg('explain.example.item', { key }),
  center: (key) => key,
  other: (key) => msg('explain.example.other', { key }),
};

/** One example key per scope present, as the hint's "keys look like". */
function keyExamples(records: ScopeRecords): MessageParam[] {
  const out: MessageParam[] = [];
  for (const scope of SCOPES) {
    const first = records[scope]?.[0];
    const example = KEY_EXAMPLES[scope];
    if (first && example) out.push(example(first.ref.key));
  }
  return out;
}

/** Why a key found in the ledger has no audited record: set aside, or outside the period. */
function notAuditedReason(key: string, ledger: Ledger, period: string): Message | undefined {
  const k = foldKey(key);
  const caseRow = ledger.sheets.cases?.find((r) => foldKey(r.record.case_id) === k);
  if (caseRow) return msg('explain.caseNotAudited', { key, row: caseRow.row, sheet: ledger.sheetNames.cases ?? sheetWords('cases'), period });
  const complaintRow = ledger.sheets.complaints?.find((r) => foldKey(r.record.complaint_id) === k);
  if (complaintRow) return msg('explain.complaintNotAudited', { key, row: complaintRow.row, sheet: ledger.sheetNames.complaints ?? sheetWords('complaints'), period });
  const issue = ledger.dataIssues.find((i) => foldKey(i.value) === k);
  if (issue) {
    const reason = { zh: renderIssueMessage(issue, 'zh'), en: renderIssueMessage(issue, 'en') };
    return msg('explain.setAside', { key, row: issue.row, sheet: issue.sheetName, reason });
  }
  return undefined;
}

function noMatch(target: string, records: ScopeRecords, findings: readonly Finding[], ledger: Ledger, period: string): DutyAuditError {
  const keys = allRecords(records).map((r) => r.ref.key);
  const near = nearKeys(target, target.toLowerCase().startsWith('f-') ? findings.map((f) => f.id) : keys);
  const examples = keyExamples(records);
  return new DutyAuditError('bad-usage', notAuditedReason(target, ledger, period) ?? msg('explain.noMatch', { target }), {
    hint: near.length > 0 ? msg('explain.noMatch.hintNear', { examples, near }) : msg('explain.noMatch.hint', { examples }),
  });
}

export function findTarget(target: string, records: ScopeRecords, findings: readonly Finding[], ledger: Ledger, period: string): Target {
  const t = foldKey(target);
  if (t === '') {
    const example = allRecords(records)[0]?.ref.key ?? 'F-0123456789ab';
    throw new DutyAuditError('bad-usage', msg('explain.emptyTarget'), { hint: msg('explain.emptyTarget.hint', { example }) });
  }
  if (FINDING_ID.test(t)) return byFindingId(t, records, findings);

  const all = allRecords(records);
  const exact = all.filter((r) => foldKey(r.ref.key) === t);
  const ofName = all.filter((r) => foldKey(r.ref.key).startsWith(`${t}@`));
  const alsoMatches = ofName.map((r) => r.ref);
  const staff = exact.find((r) => r.scope === 'staff');
  if (staff) return { kind: 'person', records: exact, person: staff.ref.key, alsoMatches };
  if (exact.length > 0) return { kind: 'record-key', records: exact, alsoMatches };
  const subject = findings.find((f) => f.subject.kind === 'staff' && foldKey(f.subject.name) === t)?.subject.name;
  const named = subject ?? ofName[0]?.ref.key.slice(0, ofName[0].ref.key.lastIndexOf('@'));
  if (named === undefined) throw noMatch(target, records, findings, ledger, period);
  return { kind: 'person', records: [], person: named, alsoMatches };
}
