/**
 * The answer key: every planted violation with the ref a finding must carry (docs/report.md
 * ref.sheet, ref.row, ref.key) and the status settlement must give it with the history report
 * and the decisions file, every near miss (a record the listed rules must not fire on), every
 * planted bad cell with its data-issue place, and every warning a planted record raises.
 */
import type { SheetKey } from '../ledger/types.js';
import { SHEET_KEYS } from '../ledger/types.js';
import type { CasePlan } from './case-plan.js';
import { FIRST_DATA_ROW } from './case-plan.js';
import { clauseOf, RULE_CLAUSES } from './catalogue.js';
import { errorsGrade } from './ladders.js';
import { columnLetter } from './render.js';
import { STAFF } from './roster.js';
import type { Plant, Planted, PlantedDataIssue, PlantedNearMiss, PlantedViolation, PlantedWarning, SampleRecord, SampleWarning } from './types.js';

interface PlantedInput {
  center: string;
  period: string;
  asOf: string;
  seed: number;
  cases: number;
  plan: CasePlan;
  /** The small sheets' records in row order (cases come from the plan). */
  sheets: { [K in SheetKey]?: SampleRecord[] };
  headers: Record<string, { keys: string[]; headers: string[] }>;
  /** File names written beside the sample: the history report and the decisions file. */
  history: string;
  decisions: string;
}

/** A planted violation with what settlement makes of it (the plant's `settled`, else counted). */
function violation(plant: Plant, sheet: SheetKey, key: string, row: number, values: SampleRecord['values']): PlantedViolation {
  const v: PlantedViolation = { ruleId: plant.ruleId, clause: clauseOf(plant.ruleId), sheet, key, row, baseGrade: plant.baseGrade, note: plant.note, status: 'counted' };
  const s = plant.settled;
  if (!s) return v;
  v.status = s.status;
  if (s.status === 'merged') v.mergedInto = s.onCase ? { ruleId: s.into, sheet: 'cases', key: String(values.case_id) } : { ruleId: s.into, sheet, key };
  else if ('reportedIn' in s) v.reportedIn = s.reportedIn;
  else v.decision = s.decision;
  return v;
}

const WARNING_ORDER: readonly SampleWarning['kind'][] = ['due-soon', 'overdue-open', 'pending-complaint'];

/** ref.key of a record (docs/report.md). */
function recordKey(sheet: SheetKey, v: SampleRecord['values']): string {
  switch (sheet) {
    case 'cases':
      return String(v.case_id);
    case 'complaints':
      return String(v.complaint_id);
    case 'attendance':
    case 'other':
      return `${String(v.staff)}@${String(v.date)}`;
    case 'handovers':
      return `${String(v.absent_staff)}@${String(v.date)}`;
    case 'staff':
      return String(v.name);
    case 'items':
      return String(v.item);
    case 'center':
      return 'center';
  }
}

export function plantedList(input: PlantedInput): Planted {
  const violations: PlantedViolation[] = [];
  const nearMisses: PlantedNearMiss[] = [];
  const dataIssues: PlantedDataIssue[] = [];
  const warnings: PlantedWarning[] = [];
  const issue = (sheet: SheetKey, row: number, column: string, value: string, code: PlantedDataIssue['code'], note: string): void => {
    const { keys, headers } = input.headers[sheet]!;
    const index = keys.indexOf(column);
    dataIssues.push({ sheet, row, column: columnLetter(index + 1), header: headers[index]!, value, code, note });
  };

  for (const p of input.plan.placed) {
    for (const plant of p.fixed.plants) violations.push(violation(plant, 'cases', p.caseId, p.row, p.fixed.values));
    if (p.fixed.warning) warnings.push({ ...p.fixed.warning, sheet: 'cases', key: p.caseId, row: p.row });
    if (p.fixed.nearMiss) nearMisses.push({ ...p.fixed.nearMiss, sheet: 'cases', key: p.caseId, row: p.row });
    if (p.fixed.bad) issue('cases', p.row, p.fixed.bad.column, p.fixed.bad.raw, p.fixed.bad.code, p.fixed.bad.note);
    if (p.fixed.duplicateOfPrevious) issue('cases', p.row, 'case_id', p.caseId, 'duplicate-key', `受理编号 ${p.caseId} repeats the row above`);
  }

  for (const sheet of SHEET_KEYS) {
    for (const [i, r] of (input.sheets[sheet] ?? []).entries()) {
      const row = FIRST_DATA_ROW + i;
      for (const plant of r.plants) violations.push(violation(plant, sheet, recordKey(sheet, r.values), row, r.values));
      if (r.warning) warnings.push({ ...r.warning, sheet, key: recordKey(sheet, r.values), row });
      if (r.nearMiss) nearMisses.push({ ...r.nearMiss, sheet, key: recordKey(sheet, r.values), row });
      if (r.bad) issue(sheet, row, r.bad.column, r.bad.raw, r.bad.code, r.bad.note);
    }
  }

  violations.push(...staffScope(input));

  for (const sheet of SHEET_KEYS) {
    const rows = dataIssues.filter((d) => d.sheet === sheet).map((d) => d.row);
    if (rows.length === 0) continue;
    violations.push({
      ruleId: 'ledger-incomplete', clause: clauseOf('ledger-incomplete'), sheet, key: sheet, row: Math.min(...rows), baseGrade: 'reminder',
      note: `rows ${rows.join(', ')} of this sheet cannot be read`, status: 'counted',
    });
  }

  const ruleOrder = Object.keys(RULE_CLAUSES);
  violations.sort((a, b) => SHEET_KEYS.indexOf(a.sheet) - SHEET_KEYS.indexOf(b.sheet) || a.row - b.row || ruleOrder.indexOf(a.ruleId) - ruleOrder.indexOf(b.ruleId));
  dataIssues.sort((a, b) => SHEET_KEYS.indexOf(a.sheet) - SHEET_KEYS.indexOf(b.sheet) || a.row - b.row);
  nearMisses.sort((a, b) => SHEET_KEYS.indexOf(a.sheet) - SHEET_KEYS.indexOf(b.sheet) || a.row - b.row);
  warnings.sort((a, b) => WARNING_ORDER.indexOf(a.kind) - WARNING_ORDER.indexOf(b.kind) || SHEET_KEYS.indexOf(a.sheet) - SHEET_KEYS.indexOf(b.sheet) || a.row - b.row);
  return {
    center: input.center, period: input.period, asOf: input.asOf, seed: input.seed, cases: input.cases,
    violations, nearMisses, dataIssues, warnings, history: input.history, decisions: input.decisions,
  };
}

/**
 * Staff-scope plants that no single row carries: 二.3 (errors counted over the month's cases)
 * and a handler missing from the staff board. Background cases never have 差错 and are handled
 * by board members, so the hand-placed cases decide both.
 */
function staffScope(input: PlantedInput): PlantedViolation[] {
  const out: PlantedViolation[] = [];
  const errors = new Map<string, number>();
  const firstRow = new Map<string, number>();
  for (const p of input.plan.placed) {
    if (p.fixed.bad || p.fixed.duplicateOfPrevious) continue;
    const v = p.fixed.values;
    const handler = String(v.handler);
    if (!firstRow.has(handler) || p.row < firstRow.get(handler)!) firstRow.set(handler, p.row);
    // A 差错 is dated by the 办结日期, or as-of while the case is open (src/facts/events.ts).
    const dated = v.completed_on !== undefined && String(v.completed_on) <= input.asOf ? String(v.completed_on) : input.asOf;
    if (v.error === true && dated.startsWith(input.period)) errors.set(handler, (errors.get(handler) ?? 0) + 1);
  }
  const boardRow = (name: string): number => FIRST_DATA_ROW + STAFF.findIndex((s) => s.name === name);
  for (const [name, count] of errors) {
    if (count < 3) continue;
    out.push({ ruleId: 'repeated-errors', clause: clauseOf('repeated-errors'), sheet: 'staff', key: name, row: boardRow(name), baseGrade: errorsGrade(count), note: `${count} cases with 差错 in the month`, status: 'counted' });
  }
  for (const [name, row] of firstRow) {
    if (STAFF.some((s) => s.name === name)) continue;
    out.push({ ruleId: 'handler-not-on-board', clause: clauseOf('handler-not-on-board'), sheet: 'cases', key: name, row, baseGrade: 'reminder', note: `${name} handles cases but is not on the staff board`, status: 'counted' });
  }
  return out;
}
