/**
 * Matches two audits' findings by id (a hash of rule id and record, so the same record found by
 * the same rule has the same id under both rule sets) and keeps what differs.
 */
import type { Finding } from '../findings/types.js';
import type { ChangeKind, FindingChange, Grades } from './types.js';

export interface AuditSide {
  workbook: string;
  center: string;
  period: string;
}

function change(kind: ChangeKind, side: AuditSide, shown: Finding, before?: Finding, after?: Finding): FindingChange {
  const c: FindingChange = {
    kind,
    ...side,
    id: shown.id,
    ruleId: shown.ruleId,
    clause: shown.clause,
    title: shown.title,
    subject: shown.subject,
    ref: shown.ref,
    date: shown.date,
    message: shown.message,
  };
  if (before) c.before = gradesOf(before);
  if (after) c.after = gradesOf(after);
  return c;
}

function gradesOf(f: Finding): Grades {
  return { baseGrade: f.baseGrade, grade: f.grade, status: f.status, ...(f.mergedInto === undefined ? {} : { mergedInto: f.mergedInto }) };
}

function regraded(before: Finding, after: Finding): boolean {
  return before.baseGrade !== after.baseGrade || before.grade !== after.grade;
}

function restatused(before: Finding, after: Finding): boolean {
  return before.status !== after.status || before.mergedInto !== after.mergedInto;
}

/** Added, removed, regraded and differently counted findings; unchanged ones are left out. */
export function compareFindings(before: Finding[], after: Finding[], side: AuditSide): FindingChange[] {
  const old = new Map(before.map((f) => [f.id, f]));
  const now = new Map(after.map((f) => [f.id, f]));
  const out: FindingChange[] = [];
  for (const f of after) {
    const was = old.get(f.id);
    if (!was) out.push(change('added', side, f, undefined, f));
    else if (regraded(was, f)) out.push(change('regraded', side, f, was, f));
    else if (restatused(was, f)) out.push(change('status', side, f, was, f));
  }
  for (const f of before) if (!now.has(f.id)) out.push(change('removed', side, f, f, undefined));
  return out;
}
