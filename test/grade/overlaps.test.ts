/**
 * One act, one finding: two rules of an `overlaps` pair holding one person responsible for one
 * act leave one finding that counts; the other is merged into it and is no occurrence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import type { RecordRef } from '../../src/facts/types.js';
import type { Finding, RawFinding } from '../../src/findings/types.js';
import type { Grade } from '../../src/grade-scale.js';
import { POLICY, rawOf, settle } from './helpers.js';

/** The pairs rules/policy.json ships (test/rules/overlaps.test.ts pins the list itself). */
const SHIPPED_PAIRS = (JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'policy.json'), 'utf8')) as { overlaps: [string, string][] }).overlaps;
const WITH_PAIRS = { ...POLICY, overlaps: SHIPPED_PAIRS };

const CLAUSES: Record<string, string> = {
  'notice-missing': '一次性告知制/二',
  'repeated-visits': '失职追究制/二.2',
  'case-overdue': '失职追究制/二.6',
  'complaint-delay': '失职追究制/二.6',
  'agency-fee': '工作人员守则/五',
  'fee-above-standard': '办事公开制/三',
  'complaint-fee': '工作人员守则/七',
  'absence-not-approved': 'AB岗工作制/一',
  'absence-without-handover': '失职追究制/二.9',
};

function onCase(ruleId: string, caseId: string, baseGrade: Grade, more: Partial<RawFinding> & { name?: string } = {}): RawFinding {
  const row = Number(caseId.slice(-2));
  return rawOf({ ruleId, clause: CLAUSES[ruleId]!, scope: 'case', ref: { sheet: 'cases', row, key: caseId }, date: `2026-10-${String(row).padStart(2, '0')}`, baseGrade, ...more });
}

/** A complaint finding; `caseId` its 关联受理编号, when it names a case. */
function complaint(ruleId: string, complaintId: string, row: number, baseGrade: Grade, caseId?: string, name = '王芳'): RawFinding {
  const ref: RecordRef = caseId === undefined ? { sheet: 'complaints', row, key: complaintId } : { sheet: 'complaints', row, key: complaintId, caseId };
  return rawOf({ ruleId, clause: CLAUSES[ruleId]!, scope: 'complaint', name, ref, date: '2026-10-20', baseGrade });
}

function byRule(findings: Finding[]): Map<string, Finding> {
  return new Map(findings.map((f) => [`${f.ruleId} ${f.ref.key}`, f]));
}

describe('overlapping rules on one act', () => {
  it('notice-missing and repeated-visits on one case: a tie at criticism goes to the rule listed first', () => {
    const { findings } = settle([onCase('repeated-visits', 'SL-10', 'criticism'), onCase('notice-missing', 'SL-10', 'criticism')], WITH_PAIRS);
    const f = byRule(findings);
    const counted = f.get('notice-missing SL-10')!;
    expect(counted).toMatchObject({ status: 'counted' });
    expect(f.get('repeated-visits SL-10')).toMatchObject({ status: 'merged', mergedInto: counted.id, grade: 'criticism', deductionYuan: 0 });
  });

  it('the higher base grade counts whichever rule is listed first', () => {
    const { findings } = settle([onCase('repeated-visits', 'SL-10', 'notice'), onCase('notice-missing', 'SL-10', 'criticism')], WITH_PAIRS);
    const f = byRule(findings);
    expect(f.get('repeated-visits SL-10')!.status).toBe('counted');
    expect(f.get('notice-missing SL-10')).toMatchObject({ status: 'merged', mergedInto: f.get('repeated-visits SL-10')!.id });
  });

  it('agency-fee and fee-above-standard on one fee: one counted finding', () => {
    const { findings, people } = settle([onCase('agency-fee', 'SL-12', 'notice'), onCase('fee-above-standard', 'SL-12', 'notice')], WITH_PAIRS);
    expect(findings.filter((f) => f.status === 'counted').map((f) => f.ruleId)).toEqual(['agency-fee']);
    expect(people[0]).toMatchObject({ counts: { reminder: 0, criticism: 0, notice: 1, deduction: 0 }, merged: 1 });
  });

  it('absence-not-approved and absence-without-handover on one absence: the criticism counts', () => {
    const day = { scope: 'attendance' as const, ref: { sheet: 'attendance' as const, row: 5, key: '王芳@2026-10-13' }, date: '2026-10-13' };
    const { findings } = settle(
      [
        rawOf({ ruleId: 'absence-not-approved', clause: CLAUSES['absence-not-approved']!, baseGrade: 'reminder', ...day }),
        rawOf({ ruleId: 'absence-without-handover', clause: CLAUSES['absence-without-handover']!, baseGrade: 'criticism', ...day }),
      ],
      WITH_PAIRS,
    );
    expect(findings.map((f) => `${f.ruleId} ${f.status}`)).toEqual(['absence-not-approved merged', 'absence-without-handover counted']);
  });

  it('a 拖压卡 complaint about an overdue case (关联受理编号) merges with the overdue finding on that case', () => {
    const raw = [
      onCase('case-overdue', 'SL-15', 'criticism'),
      complaint('complaint-delay', 'TS-1', 3, 'criticism', 'SL-15'),
      complaint('complaint-delay', 'TS-2', 4, 'criticism', 'SL-99'), // about another case
      complaint('complaint-delay', 'TS-3', 5, 'criticism'), // names no case
    ];
    const { findings } = settle(raw, WITH_PAIRS);
    const f = byRule(findings);
    const overdue = f.get('case-overdue SL-15')!;
    expect(overdue.status).toBe('counted');
    expect(f.get('complaint-delay TS-1')).toMatchObject({ status: 'merged', mergedInto: overdue.id });
    expect(f.get('complaint-delay TS-2')!.status).toBe('counted');
    expect(f.get('complaint-delay TS-3')!.status).toBe('counted');
  });

  it('a 乱收费 complaint about a case merges with the fee findings on that case: agency-fee, fee-above-standard and complaint-fee are one act', () => {
    const raw = [
      onCase('agency-fee', 'SL-12', 'notice'),
      onCase('fee-above-standard', 'SL-12', 'notice'),
      complaint('complaint-fee', 'TS-6', 6, 'notice', 'SL-12'),
      onCase('fee-above-standard', 'SL-13', 'notice'),
      complaint('complaint-fee', 'TS-7', 7, 'notice', 'SL-13'),
      complaint('complaint-fee', 'TS-8', 8, 'notice'), // names no case: its own act
    ];
    const { findings, people } = settle(raw, WITH_PAIRS);
    const f = byRule(findings);
    const agency = f.get('agency-fee SL-12')!;
    expect(agency.status).toBe('counted');
    expect(f.get('fee-above-standard SL-12')).toMatchObject({ status: 'merged', mergedInto: agency.id });
    expect(f.get('complaint-fee TS-6')).toMatchObject({ status: 'merged', mergedInto: agency.id });
    // A tie at notice goes to the case's rule, listed before complaint-fee.
    expect(f.get('fee-above-standard SL-13')!.status).toBe('counted');
    expect(f.get('complaint-fee TS-7')).toMatchObject({ status: 'merged', mergedInto: f.get('fee-above-standard SL-13')!.id });
    expect(f.get('complaint-fee TS-8')!.status).toBe('counted');
    expect(people[0]).toMatchObject({ counts: { notice: 3 }, merged: 3 });
  });

  it('merges only findings on the same person and the same record', () => {
    const { findings } = settle(
      [
        onCase('notice-missing', 'SL-10', 'criticism'),
        onCase('repeated-visits', 'SL-10', 'criticism', { name: '李敏' }),
        onCase('repeated-visits', 'SL-11', 'criticism'),
      ],
      WITH_PAIRS,
    );
    expect(findings.every((f) => f.status === 'counted')).toBe(true);
  });

  it('merges nothing without overlaps in the policy', () => {
    const { findings } = settle([onCase('repeated-visits', 'SL-10', 'criticism'), onCase('notice-missing', 'SL-10', 'criticism')]);
    expect(findings.map((f) => f.status)).toEqual(['counted', 'counted']);
  });

  it('pairs sharing a rule link into one group; the highest base grade counts and a tie goes to the rule listed first', () => {
    const policy = { ...POLICY, overlaps: [['b-rule', 'c-rule'], ['a-rule', 'b-rule']] as [string, string][] };
    const raw = ['a-rule', 'b-rule', 'c-rule'].map((ruleId, i) => onCase(ruleId, 'SL-10', (['reminder', 'criticism', 'criticism'] as const)[i]!, { clause: `x/${i}` }));
    const { findings } = settle(raw, policy);
    const f = byRule(findings);
    const winner = f.get('b-rule SL-10')!;
    expect(winner.status).toBe('counted');
    expect(f.get('a-rule SL-10')).toMatchObject({ status: 'merged', mergedInto: winner.id });
    expect(f.get('c-rule SL-10')).toMatchObject({ status: 'merged', mergedInto: winner.id });
  });

  it('a merged finding is no occurrence: the later findings of its clause re-escalate without it', () => {
    // 王芳's repeated-visits on SL-10, SL-11, SL-12: occurrences 1–3, the third raised to notice.
    const visits = ['SL-10', 'SL-11', 'SL-12'].map((id) => onCase('repeated-visits', id, 'criticism'));
    expect(settle(visits, WITH_PAIRS).findings.map((f) => f.grade)).toEqual(['criticism', 'criticism', 'notice']);
    // The first is also notice-missing on SL-10, which counts instead: SL-12 is now only the 2nd.
    const { findings } = settle([...visits, onCase('notice-missing', 'SL-10', 'criticism')], WITH_PAIRS);
    const f = byRule(findings);
    expect(f.get('repeated-visits SL-10')!.status).toBe('merged');
    expect(f.get('repeated-visits SL-11')).toMatchObject({ status: 'counted', grade: 'criticism', escalation: { kind: 'none' } });
    expect(f.get('repeated-visits SL-12')).toMatchObject({ status: 'counted', grade: 'criticism', escalation: { kind: 'repeat', occurrence: 2, steps: 0 } });
  });

  it('a merged finding deducts nothing and the one that counts deducts once', () => {
    const { findings, people } = settle([onCase('agency-fee', 'SL-12', 'deduction'), onCase('fee-above-standard', 'SL-12', 'deduction')], WITH_PAIRS);
    expect(findings.map((f) => [f.status, f.deductionYuan])).toEqual([
      ['counted', 200],
      ['merged', 0],
    ]);
    expect(people[0]!.deductionYuan).toBe(200);
  });
});
