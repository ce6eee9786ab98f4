/**
 * Which records `--explain <target>` means: a finding id names its finding's record; otherwise
 * the target is a record key (docs/report.md, `ref.key`). A name with no staff record falls back
 * to that person's `姓名@日期` records. No match is a usage error whose hint shows how keys look
 * in this ledger and the nearest keys ("did you mean …"): keys are compared after NFKC folding
 * (full-width → half-width) and lower-casing, and ranked by edit distance.
 */
import { DutyAuditError } from '../errors.js';
import { SCOPES } from '../facts/scopes.js';
import type { ScopeRecord, ScopeRecords, RecordRef } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import type { Ledger } from '../ledger/types.js';
import type { TargetKind } from './types.js';
import { compareText } from '../text.js';

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
  alsoMatches: RecordRef[];
}

/** A person's records are listed rather than explained when there are more than this. */
export const MAX_NAME_RECORDS = 12;

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
    throw new DutyAuditError('bad-usage', `no finding ${id.replace(/^f/, 'F')} in this audit`, {
      hint:
        'finding ids come from the 问题编号 / ID column of a report of the same ledger, period and rules' +
        (near.length > 0 ? `; nearest ids here: ${near.join(', ')}` : '; or name the record by its key (e.g. its 受理编号)'),
    });
  }
  const record = (records[finding.scope] ?? []).find((r) => sameRef(r.ref, finding.ref));
  if (!record) {
    throw new DutyAuditError('bad-usage', `finding ${finding.id} cites ${finding.ref.sheet} row ${finding.ref.row} (${finding.ref.key}), which is not an audited record`, {
      hint: 'explain it by its record key instead',
    });
  }
  return { kind: 'finding-id', records: [record], finding, alsoMatches: [] };
}

/** One example key per scope present, as the hint's "keys look like". */
function keyExamples(records: ScopeRecords): string[] {
  const labels: Partial<Record<string, string>> = {
    case: '受理编号',
    complaint: '登记编号',
    attendance: '姓名@YYYY-MM-DD',
    staff: 'a staff name',
    item: 'an item name',
    center: '',
    other: '姓名@YYYY-MM-DD (other)',
  };
  const out: string[] = [];
  for (const scope of SCOPES) {
    const first = records[scope]?.[0];
    const label = labels[scope];
    if (!first || label === undefined) continue;
    out.push(label === '' ? first.ref.key : `${label} (${first.ref.key})`);
  }
  return out;
}

/** Why a key found in the ledger has no audited record: set aside, or outside the period. */
function notAuditedReason(key: string, ledger: Ledger, period: string): string | undefined {
  const k = foldKey(key);
  const caseRow = ledger.sheets.cases?.find((r) => foldKey(r.record.case_id) === k);
  if (caseRow) return `受理编号 ${key} is on row ${caseRow.row} of ${ledger.sheetNames.cases ?? 'cases'} but is not audited in ${period} (audited: received in the period, or before it and still open or completed inside it)`;
  const complaintRow = ledger.sheets.complaints?.find((r) => foldKey(r.record.complaint_id) === k);
  if (complaintRow) return `登记编号 ${key} is on row ${complaintRow.row} of ${ledger.sheetNames.complaints ?? 'complaints'} but is not dated in ${period}`;
  const issue = ledger.dataIssues.find((i) => foldKey(i.value) === k);
  if (issue) return `${key} is on row ${issue.row} of ${issue.sheetName}, which was set aside: ${issue.message}`;
  return undefined;
}

function noMatch(target: string, records: ScopeRecords, findings: readonly Finding[], ledger: Ledger, period: string): DutyAuditError {
  const keys = allRecords(records).map((r) => r.ref.key);
  const near = nearKeys(target, target.toLowerCase().startsWith('f-') ? findings.map((f) => f.id) : keys);
  const why = notAuditedReason(target, ledger, period);
  return new DutyAuditError('bad-usage', why ?? `no record or finding is named ${JSON.stringify(target)} in this audit`, {
    hint:
      `name a finding id (F- and 12 hex digits) or a record key: ${keyExamples(records).join(', ')}` +
      (near.length > 0 ? `; nearest keys here: ${near.join(', ')}` : ''),
  });
}

export function findTarget(target: string, records: ScopeRecords, findings: readonly Finding[], ledger: Ledger, period: string): Target {
  const t = foldKey(target);
  if (t === '') {
    throw new DutyAuditError('bad-usage', '--explain needs a finding id or a record key', { hint: `e.g. --explain ${keyExamples(records)[0] ?? 'F-0123456789ab'}` });
  }
  if (FINDING_ID.test(t)) return byFindingId(t, records, findings);

  const all = allRecords(records);
  const exact = all.filter((r) => foldKey(r.ref.key) === t);
  const ofName = all.filter((r) => foldKey(r.ref.key).startsWith(`${t}@`));
  if (exact.length > 0) return { kind: 'record-key', records: exact, alsoMatches: ofName.map((r) => r.ref) };
  if (ofName.length === 0) throw noMatch(target, records, findings, ledger, period);
  if (ofName.length > MAX_NAME_RECORDS) {
    throw new DutyAuditError('bad-usage', `${target} names ${ofName.length} records; explain one at a time`, {
      hint: `name one as 姓名@YYYY-MM-DD: ${ofName.slice(0, 8).map((r) => r.ref.key).join(', ')}, …`,
    });
  }
  return { kind: 'name-prefix', records: ofName, alsoMatches: [] };
}
