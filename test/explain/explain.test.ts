/**
 * explainAudit on the sample month: a planted overdue case (deadline, overdue working days,
 * ladder step), a clean case (every case rule not firing, with the failing condition), a
 * finding id, a staff member, unknown keys.
 */
import { byEventOrder } from '../../src/grade/order.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import { DutyAuditError } from '../../src/errors.js';
import { explainAudit, explainAuditRun } from '../../src/explain/explain.js';
import type { Explanation } from '../../src/explain/types.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import type { Ledger } from '../../src/ledger/types.js';
import type { Rule } from '../../src/rules/types.js';
import { factOf, leaves, PLANTED, SAMPLE_XLSX, shippedRules, verdictOf } from './sample.js';

let ledger: Ledger;
let rules: Rule[];
let full: AuditResult;
let overdue: Explanation;

const OVERDUE_KEY = 'SL-2026-10-0003';
const explain = (target: string) => explainAudit(SAMPLE_XLSX, target, { ledger });

beforeAll(async () => {
  ledger = await readLedger(SAMPLE_XLSX);
  rules = await shippedRules();
  const run = await explainAuditRun(SAMPLE_XLSX, OVERDUE_KEY, { ledger });
  overdue = run.explanation;
  full = run.result;
});

const PLACEHOLDERS = ['无', '没有', '暂无', '/', '／', '-', '－', '—', '——', 'N/A', 'n/a', 'NA', '空'];
const ruleIdsOf = (scope: string) => rules.filter((r) => r.scope === scope).map((r) => r.id).sort();

describe('explainAudit: a planted overdue case', () => {
  const planted = PLANTED.find((p) => p.key === OVERDUE_KEY)!;

  it('is a planted case-overdue violation of the sample', () => {
    expect(planted).toMatchObject({ ruleId: 'case-overdue', sheet: 'cases', baseGrade: 'deduction' });
  });

  it('resolves the 受理编号 to its one case record', () => {
    expect(overdue).toMatchObject({ target: OVERDUE_KEY, targetKind: 'record-key', period: '2026-10', asOf: '2026-10-31', alsoMatches: [] });
    expect(overdue.records).toHaveLength(1);
    expect(overdue.records[0]).toMatchObject({ scope: 'case', ref: { sheet: 'cases', row: planted.row, key: OVERDUE_KEY }, date: '2026-10-08' });
  });

  it('shows the deadline and the overdue working days in the header block', () => {
    const record = overdue.records[0]!;
    // Received Thu 2026-10-08 with 3 working days: 10-09, Sat 10-10 (a make-up working day), Mon 10-12.
    expect(factOf(record, 'deadline')).toBe('2026-10-12');
    const plantedDays = Number(/(\d+) working days overdue/.exec(planted.note)![1]);
    expect(factOf(record, 'overdue_days')).toBe(plantedDays);
    expect(record.facts.find((f) => f.name === 'deadline')!.origin).toBe('derived');
    expect(record.facts.find((f) => f.name === 'promised_days')).toEqual({ name: 'promised_days', value: 3, origin: 'column' });
  });

  it('shows case-overdue fired with each condition and the param that supplied its threshold', () => {
    const v = verdictOf(overdue.records[0]!, 'case-overdue');
    expect(v.status).toBe('fired');
    expect(leaves(v.tree)).toEqual([
      { kind: 'condition', fact: 'overdue_days', operator: 'greaterThanInclusive', expected: 1, actual: 14, result: true, param: 'minOverdueDays' },
      { kind: 'condition', fact: 'extension_reason', operator: 'isEmpty', expected: true, actual: null, result: true },
      { kind: 'condition', fact: 'extension_reason', operator: 'in', expected: PLACEHOLDERS, actual: null, result: false, param: 'placeholderReasons' },
    ]);
  });

  it('names the ladder step chosen and the final grade from the graded finding', () => {
    const grade = verdictOf(overdue.records[0]!, 'case-overdue').grade!;
    const finding = full.findings.find((f) => f.ruleId === 'case-overdue' && f.ref.key === OVERDUE_KEY)!;
    expect(grade).toMatchObject({ findingId: finding.id, base: 'deduction', final: finding.grade, escalation: finding.escalation, subject: finding.subject });
    expect(grade.why).toMatchObject({ kind: 'ladder', fact: 'overdue_days', value: 14, base: 'reminder', grade: 'deduction' });
    if (grade.why.kind !== 'ladder') throw new Error('not a ladder');
    expect(grade.why.chosen).toEqual({ min: 11, grade: 'deduction', param: 'deductionFrom', reached: true });
    expect(grade.why.steps.map((s) => [s.param, s.min, s.reached])).toEqual([
      ['criticismFrom', 3, true],
      ['noticeFrom', 6, true],
      ['deductionFrom', 11, true],
    ]);
    expect(grade.deductionYuan).toBe(finding.deductionYuan);
  });

  it('lists every case-scope rule once, fired first', () => {
    const record = overdue.records[0]!;
    expect(record.rules.map((r) => r.ruleId).sort()).toEqual(ruleIdsOf('case'));
    expect(record.rules[0]!.status).toBe('fired');
    const firedIds = record.rules.filter((r) => r.status === 'fired').map((r) => r.ruleId).sort();
    const findingIds = full.findings.filter((f) => f.ref.sheet === 'cases' && f.ref.key === OVERDUE_KEY).map((f) => f.ruleId).sort();
    expect(firedIds).toEqual(findingIds);
  });
});

describe('explainAudit: a planted overdue case by its finding id', () => {
  it('resolves to the same record and puts the finding’s rule first', async () => {
    const planted = PLANTED.find((p) => p.ruleId === 'case-overdue' && p.baseGrade === 'notice')!;
    const finding = full.findings.find((f) => f.ruleId === 'case-overdue' && f.ref.key === planted.key)!;
    const byId = await explain(finding.id);
    const byKey = await explain(planted.key);
    expect(byId).toMatchObject({ targetKind: 'finding-id', findingId: finding.id });
    expect(byId.records.map((r) => r.ref)).toEqual(byKey.records.map((r) => r.ref));
    const first = byId.records[0]!.rules[0]!;
    expect(first.ruleId).toBe('case-overdue');
    expect(first.grade!.why).toMatchObject({ kind: 'ladder', chosen: { param: 'noticeFrom', min: 6, grade: 'notice' } });
    expect(first.grade!.final).toBe(finding.grade);
    expect(first.grade!.escalation).toEqual(finding.escalation);
    // Upper-case hex and surrounding spaces name the same finding.
    expect((await explain(` ${finding.id.toUpperCase()} `)).findingId).toBe(finding.id);
  });
});

describe('explainAudit: a clean case', () => {
  it('shows every case rule not firing, each with the condition that failed', async () => {
    const flagged = new Set(full.findings.filter((f) => f.ref.sheet === 'cases').map((f) => f.ref.key));
    const clean = ledger.sheets.cases!.map((r) => r.record.case_id).find((id) => id.startsWith('SL-2026-10') && !flagged.has(id))!;
    const e = await explain(clean);
    const record = e.records[0]!;
    expect(record.scope).toBe('case');
    expect(record.rules.map((r) => r.ruleId).sort()).toEqual(ruleIdsOf('case'));
    for (const v of record.rules) {
      expect(v.status, v.ruleId).toBe('not-fired');
      expect(v.tree!.result, v.ruleId).toBe(false);
      expect(v.grade, v.ruleId).toBeUndefined();
      expect(v.failedBy!.length, v.ruleId).toBeGreaterThan(0);
      for (const leaf of v.failedBy!) expect(leaves(v.tree)).toContainEqual(leaf);
    }
    // A plain all-of rule fails exactly by its false leaves.
    const visitsVerdict = verdictOf(record, 'repeated-visits');
    expect(visitsVerdict.failedBy).toEqual(leaves(visitsVerdict.tree).filter((l) => !l.result));
  });
});

describe('explainAudit: other scopes', () => {
  it('a staff name explains the staff record with every staff-scope rule, and lists the person’s dated records', async () => {
    const name = ledger.sheets.staff!.map((r) => r.record.name).find((n) => (ledger.sheets.attendance ?? []).some((a) => a.record.staff === n))!;
    const e = await explain(name);
    expect(e.targetKind).toBe('person');
    expect(e.person!.name).toBe(name);
    expect(e.records).toHaveLength(1);
    const record = e.records[0]!;
    expect(record).toMatchObject({ scope: 'staff', ref: { sheet: 'staff', key: name } });
    expect(record.rules.map((r) => r.ruleId).sort()).toEqual(ruleIdsOf('staff'));
    expect(factOf(record, 'on_board')).toBe(true);
    expect(typeof factOf(record, 'error_count')).toBe('number');
    expect(e.alsoMatches.length).toBeGreaterThan(0);
    for (const ref of e.alsoMatches) expect(ref.key.startsWith(`${name}@`)).toBe(true);
  });

  it('an attendance key 姓名@YYYY-MM-DD and the center', async () => {
    const att = await explain(full.findings.find((f) => f.ref.sheet === 'attendance')!.ref.key);
    expect(att.records[0]!.scope).toBe('attendance');
    expect(att.records[0]!.rules.map((r) => r.ruleId).sort()).toEqual(ruleIdsOf('attendance'));
    expect(att.records[0]!.rules.some((r) => r.status === 'fired')).toBe(true);
    const center = await explain('center');
    expect(center.records[0]).toMatchObject({ scope: 'center', ref: { sheet: 'center', key: 'center' } });
  });
});

describe('explainAudit: a person', () => {
  const withFindings = () => {
    const counts = new Map<string, number>();
    for (const f of full.findings) if (f.subject.kind === 'staff') counts.set(f.subject.name, (counts.get(f.subject.name) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };

  it('lists every finding against the person, in the order escalation counts them, each with its grade path', async () => {
    const name = withFindings();
    const e = await explain(name);
    const own = full.findings.filter((f) => f.subject.kind === 'staff' && f.subject.name === name);
    expect(e.person!.findings.map((f) => f.grade.findingId).sort()).toEqual(own.map((f) => f.id).sort());
    // Escalation's order: by date, then sheet in the ledger's order (not by its name), row, rule id.
    const order = e.person!.findings.map((f) => f.grade.findingId);
    expect(order).toEqual([...own].sort(byEventOrder).map((f) => f.id));
    const byClause = new Map<string, number[]>();
    for (const pf of e.person!.findings) {
      const escalation = pf.grade.escalation;
      if (escalation.kind === 'repeat') byClause.set(pf.clause, [...(byClause.get(pf.clause) ?? []), escalation.occurrence]);
    }
    for (const occurrences of byClause.values()) expect(occurrences).toEqual([...occurrences].sort((a, b) => a - b));
    for (const pf of e.person!.findings) {
      const f = own.find((x) => x.id === pf.grade.findingId)!;
      expect(pf).toMatchObject({ ruleId: f.ruleId, clause: f.clause, ref: f.ref, date: f.date });
      expect(pf.grade).toMatchObject({ base: f.baseGrade, final: f.grade, escalation: f.escalation, deductionYuan: f.deductionYuan });
      expect(pf.grade.why.grade).toBe(f.baseGrade);
    }
    expect(e.person!.summary).toEqual(full.people.find((p) => p.name === name));
  });

  it('shows a ladder step and a repeat escalation on the way to the final grade (the planted overdue cases)', async () => {
    const escalated = full.findings.find((f) => f.ruleId === 'case-overdue' && f.escalation.kind === 'repeat' && f.grade !== f.baseGrade)!;
    const e = await explain(escalated.subject.name);
    const pf = e.person!.findings.find((f) => f.grade.findingId === escalated.id)!;
    expect(pf.grade.why).toMatchObject({ kind: 'ladder', fact: 'overdue_days' });
    expect(pf.grade.escalation).toMatchObject({ kind: 'repeat', steps: 1 });
    expect(pf.grade.final).not.toBe(pf.grade.base);
  });

  it('a name that only findings and dated records carry is a person too; any other name is not', async () => {
    const e = await explain(withFindings());
    expect(e.targetKind).toBe('person');
    await expect(explain('无此人')).rejects.toBeInstanceOf(DutyAuditError);
  });
});

describe('explainAudit: near misses', () => {
  it('marks the rules one condition short of firing, puts them after the fired ones, and names the condition', () => {
    const record = overdue.records[0]!;
    const near = record.rules.filter((r) => r.nearMiss);
    expect(near.length).toBeGreaterThan(0);
    const statuses = record.rules.map((r) => (r.status === 'fired' ? 0 : r.nearMiss ? 1 : r.status === 'not-fired' ? 2 : 3));
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    for (const v of near) {
      expect(v.status).toBe('not-fired');
      expect(v.toFire).toHaveLength(1);
      expect(leaves(v.tree)).toContainEqual(v.toFire![0]);
      expect(leaves(v.tree).filter((l) => l.result).length).toBeGreaterThan(0);
    }
    // promise-missing: a 承诺件 with its 承诺时限 filled is short only of the empty 承诺时限.
    expect(verdictOf(record, 'promise-missing')).toMatchObject({ nearMiss: true, toFire: [{ fact: 'promised_days', operator: 'isEmpty' }] });
    // materials-lost has one condition: failing it is not "all but one held".
    expect(verdictOf(record, 'materials-lost')).toMatchObject({ nearMiss: false, toFire: [{ fact: 'materials_lost' }] });
  });
});

describe('explainAudit: targets that name nothing', () => {
  async function usageError(target: string): Promise<DutyAuditError> {
    const err = await explain(target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).code).toBe('bad-usage');
    return err as DutyAuditError;
  }

  it('an unknown key: the hint shows how keys look and the nearest keys', async () => {
    const err = await usageError('SL-2026-10-009');
    expect(err.message).toContain('SL-2026-10-009');
    expect(err.hint).toMatch(/受理编号 \(SL-/);
    expect(err.hint).toMatch(/姓名@YYYY-MM-DD/);
    expect(err.hint).toMatch(/nearest keys here: SL-2026-10-0009/);
  });

  it('an unknown finding id', async () => {
    const err = await usageError('F-000000000000');
    expect(err.message).toContain('no finding F-000000000000');
  });

  it('an empty target', async () => {
    await usageError('  ');
  });
});
