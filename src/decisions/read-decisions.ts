/**
 * `--decisions FILE`: reviewed appeals (申诉复核, docs/grading.md "Appeals"), as JSON or as an
 * xlsx sheet. One decision per row or object: the finding (its id, or its rule id and record
 * key), the decision 维持 / 撤销 / 改为<grade>, the reason, the reviewer and the date.
 *
 * Every problem is an error at its place — `decisions.json:4:5`, `decisions.xlsx 申诉复核!D3` —
 * with the fix: a sanction list must be traceable to who decided what, so nothing is guessed.
 * Whether a decision names a finding of this audit is settled later (src/grade/settle.ts),
 * at the same place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { displayPath } from '../display-path.js';
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';
import type { Verdict } from '../findings/types.js';
import { parseGrade } from '../grade-scale.js';
import type { DecisionEntry } from '../grade/settle.js';
import { parseDate } from '../ledger/cells/date.js';
import type { RawValue } from '../ledger/raw-value.js';
import { locate, parseJsonSource, type JsonSource } from '../rules/json-source.js';
import { readDecisionSheet } from './xlsx-rows.js';

export interface DecisionsFile {
  /** As the user would name it. */
  file: string;
  sha256: string;
  decisions: DecisionEntry[];
}

/** The fields of one decision, by the English key; the Chinese headers are aliases. */
export const DECISION_FIELDS = {
  id: ['id', '问题编号', '编号'],
  ruleId: ['ruleId', 'rule', '规则'],
  key: ['key', 'record', '记录', '记录编号'],
  decision: ['decision', '决定', '复核决定'],
  reason: ['reason', '理由', '复核理由'],
  reviewer: ['reviewer', '复核人'],
  date: ['date', '日期', '复核日期'],
} as const;

export type DecisionField = keyof typeof DECISION_FIELDS;

/** A field name as written (key or header) → the field, after trimming and ignoring case. */
export function decisionField(name: string): DecisionField | undefined {
  const wanted = name.trim().toLowerCase();
  for (const [field, names] of Object.entries(DECISION_FIELDS)) {
    if (names.some((n) => n.toLowerCase() === wanted)) return field as DecisionField;
  }
  return undefined;
}

/** One decision as written: each field's value and where it is. */
export interface WrittenDecision {
  values: Partial<Record<DecisionField, RawValue>>;
  /** Where each field is (or, for a missing field, where the decision is). */
  at: (field: DecisionField | 'row') => string;
}

const HINT_FORMAT = msg('decisions.format.hint');

function problem(file: string, where: string, what: Message, hint: Message = HINT_FORMAT): DutyAuditError {
  return new DutyAuditError('bad-decisions', msg('decisions.at', { at: where, what }), { file, hint });
}

function text(value: RawValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const UPHELD = /^(维持|upheld|uphold)$/i;
const WITHDRAWN = /^(撤销|withdrawn|withdraw)$/i;
const REGRADED = /^(?:改为|改成|regraded?\s*(?:to)?|changed?\s*to)\s*[::]?\s*(.+)$/i;

export function parseVerdict(written: string): Verdict | undefined {
  const v = written.trim();
  if (UPHELD.test(v)) return { kind: 'upheld' };
  if (WITHDRAWN.test(v)) return { kind: 'withdrawn' };
  const m = REGRADED.exec(v);
  const grade = m ? parseGrade(m[1]!) : undefined;
  return grade ? { kind: 'regraded', grade } : undefined;
}

/** A written decision → a DecisionEntry, or an error at the field that is wrong. */
export function toDecision(w: WrittenDecision, file: string, date1904 = false): DecisionEntry {
  const id = text(w.values.id);
  const ruleId = text(w.values.ruleId);
  const key = text(w.values.key);
  let target: DecisionEntry['target'];
  let at: string;
  if (id !== '') {
    target = { id };
    at = w.at('id');
  } else if (ruleId !== '' && key !== '') {
    target = { ruleId, key };
    at = w.at('ruleId');
  } else {
    throw problem(file, w.at(ruleId !== '' ? 'key' : 'row'), msg('decisions.noTarget'), msg('decisions.noTarget.hint'));
  }
  const decisionText = text(w.values.decision);
  const verdict = parseVerdict(decisionText);
  if (!verdict) {
    throw problem(
      file,
      w.at('decision'),
      decisionText === '' ? msg('decisions.emptyVerdict') : msg('decisions.badVerdict', { text: decisionText }),
      msg('decisions.verdict.hint'),
    );
  }
  const reason = text(w.values.reason);
  if (reason === '') throw problem(file, w.at('reason'), msg('decisions.emptyReason'), msg('decisions.emptyReason.hint'));
  const reviewer = text(w.values.reviewer);
  if (reviewer === '') throw problem(file, w.at('reviewer'), msg('decisions.emptyReviewer'), msg('decisions.emptyReviewer.hint'));
  const rawDate = w.values.date ?? null;
  const date = rawDate === null || rawDate === '' ? undefined : parseDate(rawDate, { date1904 });
  if (!date?.ok) {
    throw problem(file, w.at('date'), date ? msg('decisions.badDate', { text: text(rawDate) }) : msg('decisions.emptyDate'), msg('decisions.date.hint'));
  }
  return { target, verdict, reason, reviewer, date: date.value, file, at };
}

function jsonDecisions(source: JsonSource, file: string, shown: string): DecisionEntry[] {
  const root = source.value;
  const listPointer = Array.isArray(root) ? '' : '/decisions';
  const list = Array.isArray(root) ? root : (root as Record<string, unknown> | null)?.['decisions'];
  if (!Array.isArray(list)) {
    const pos = locate(source, '');
    throw problem(file, `${shown}:${pos.line}:${pos.column}`, msg('decisions.notList'));
  }
  return list.map((item, n) => {
    const pointer = `${listPointer}/${n}`;
    const where = (p: string) => {
      const pos = locate(source, p);
      return `${shown}:${pos.line}:${pos.column}`;
    };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw problem(file, where(pointer), msg('decisions.notObject'));
    const values: WrittenDecision['values'] = {};
    const keys: Partial<Record<DecisionField, string>> = {};
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      const field = decisionField(name);
      if (!field) throw problem(file, where(`${pointer}/${name}`), msg('decisions.unknownField', { name }));
      if (value !== null && typeof value === 'object') throw problem(file, where(`${pointer}/${name}`), msg('decisions.notText', { name }));
      values[field] = value as RawValue;
      keys[field] = name;
    }
    return toDecision({ values, at: (field) => where(field === 'row' || !keys[field] ? pointer : `${pointer}/${keys[field]}`) }, file);
  });
}

/** Reads and checks a decisions file (.json, or .xlsx with a sheet whose header has 决定). */
export async function readDecisions(path: string, cwd: string = process.cwd()): Promise<DecisionsFile> {
  const shown = displayPath(path, cwd);
  if (!existsSync(path)) {
    throw new DutyAuditError('file-not-found', msg('decisions.notFound', { file: shown }), { file: path, hint: msg('decisions.notFound.hint') });
  }
  if (statSync(path).isDirectory()) {
    throw new DutyAuditError('bad-decisions', msg('decisions.isFolder', { file: shown }), { file: path, hint: msg('decisions.notFound.hint') });
  }
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ext = extname(path).toLowerCase();
  let decisions: DecisionEntry[];
  if (ext === '.xlsx') {
    const sheet = await readDecisionSheet(path, shown, decisionField);
    decisions = sheet.rows.map((w) => toDecision(w, path, sheet.date1904));
  } else if (ext === '.json') {
    const parsed = parseJsonSource(bytes.toString('utf8'));
    if (!parsed.ok) throw problem(path, `${shown}:${parsed.position.line}:${parsed.position.column}`, msg('decisions.badJson', { reason: parsed.reason }));
    decisions = jsonDecisions(parsed.source, path, shown);
  } else {
    throw new DutyAuditError('bad-decisions', msg('decisions.wrongKind', { file: shown }), { file: path, hint: HINT_FORMAT });
  }
  return { file: shown, sha256, decisions };
}
