/**
 * Appeals settled: 维持 keeps a finding counted with the decision attached, 撤销 withdraws it
 * (no occurrence: later findings re-escalate), 改为 regrades it (only lower). A decision that
 * names no finding, or one that does not count, is an error at its place.
 */
import { describe, expect, it } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import type { Verdict } from '../../src/findings/types.js';
import { findingIdBase } from '../../src/grade/finding-id.js';
import type { DecisionEntry } from '../../src/grade/settle.js';
import { lateness, PERIOD, POLICY, rawOf, settle } from './helpers.js';

let line = 0;
function decide(target: DecisionEntry['target'], verdict: Verdict, reason = '经复核'): DecisionEntry {
  line += 1;
  return { target, verdict, reason, reviewer: '周主任', date: '2026-11-05', file: '/x/decisions.json', at: `decisions.json:${line}:5` };
}

function error(run: () => unknown): DutyAuditError {
  try {
    run();
  } catch (err) {
    if (err instanceof DutyAuditError) return err;
    throw err;
  }
  throw new Error('expected a DutyAuditError');
}

const idOf = (f: Parameters<typeof findingIdBase>[0]) => findingIdBase(f, PERIOD);

describe('decisions', () => {
  it('维持: the finding stays counted, with the decision attached', () => {
    const raw = lateness(1);
    const { findings } = settle(raw, POLICY, { decisions: [decide({ id: idOf(raw[0]!) }, { kind: 'upheld' }, '考勤机记录属实')] });
    expect(findings[0]).toMatchObject({
      status: 'counted',
      grade: 'reminder',
      decision: { verdict: { kind: 'upheld' }, reason: '考勤机记录属实', reviewer: '周主任', date: '2026-11-05' },
    });
  });

  it('撤销: withdrawn, counts for nothing, and later findings of the clause re-escalate without it', () => {
    const raw = lateness(3);
    expect(settle(raw).findings.map((f) => f.grade)).toEqual(['reminder', 'reminder', 'criticism']);
    const { findings, people } = settle(raw, POLICY, { decisions: [decide({ id: idOf(raw[0]!) }, { kind: 'withdrawn' }, '当日系公务外出')] });
    expect(findings.map((f) => [f.status, f.grade])).toEqual([
      ['withdrawn', 'reminder'],
      ['counted', 'reminder'],
      ['counted', 'reminder'],
    ]);
    expect(findings[0]!.decision).toMatchObject({ verdict: { kind: 'withdrawn' }, reason: '当日系公务外出' });
    expect(people[0]).toMatchObject({ counts: { reminder: 2, criticism: 0, notice: 0, deduction: 0 }, withdrawn: 1 });
  });

  it('撤销 of a deduction gives its yuan back to the cap for the later ones', () => {
    const raw = lateness(4, '李敏', 'deduction');
    expect(settle(raw).findings.map((f) => f.deductionYuan)).toEqual([200, 200, 100, 0]);
    const { findings } = settle(raw, POLICY, { decisions: [decide({ id: idOf(raw[1]!) }, { kind: 'withdrawn' })] });
    expect(findings.map((f) => f.deductionYuan)).toEqual([200, 0, 200, 100]);
  });

  it('改为: regraded, counting at the decided grade (and deducting nothing below deduction)', () => {
    const raw = lateness(4, '李敏', 'deduction');
    const { findings, people } = settle(raw, POLICY, { decisions: [decide({ id: idOf(raw[0]!) }, { kind: 'regraded', grade: 'notice' }, '损失已由本人追回')] });
    expect(findings.map((f) => [f.status, f.grade, f.deductionYuan])).toEqual([
      ['regraded', 'notice', 0],
      ['counted', 'deduction', 200],
      ['counted', 'deduction', 200],
      ['counted', 'deduction', 100],
    ]);
    expect(people[0]!.counts).toEqual({ reminder: 0, criticism: 0, notice: 1, deduction: 3 });
  });

  it('a regraded finding is still an occurrence', () => {
    const raw = lateness(3);
    const { findings } = settle(raw, POLICY, { decisions: [decide({ id: idOf(raw[0]!) }, { kind: 'regraded', grade: 'reminder' })] });
    expect(findings.map((f) => f.grade)).toEqual(['reminder', 'reminder', 'criticism']);
  });

  it('改为 may lower an escalated grade to the base grade or below it', () => {
    const raw = lateness(3);
    const { findings } = settle(raw, POLICY, { decisions: [decide({ id: idOf(raw[2]!) }, { kind: 'regraded', grade: 'reminder' })] });
    expect(findings[2]).toMatchObject({ status: 'regraded', grade: 'reminder', escalation: { kind: 'repeat', occurrence: 3 } });
  });

  it('改为 a higher grade is an error at its place', () => {
    const raw = lateness(1);
    const e = error(() => settle(raw, POLICY, { decisions: [decide({ id: idOf(raw[0]!) }, { kind: 'regraded', grade: 'notice' })] }));
    expect(e.code).toBe('bad-decisions');
    expect(e.message).toMatch(/^decisions\.json:\d+:5: 改为通报批评 would raise F-[0-9a-f]{12} above its grade this month \(提醒\)/);
    expect(e.hint).toMatch(/维持/);
  });

  it('names a finding by rule id and record key', () => {
    const raw = lateness(2);
    const { findings } = settle(raw, POLICY, { decisions: [decide({ ruleId: 'attendance-late', key: raw[1]!.ref.key }, { kind: 'withdrawn' })] });
    expect(findings.map((f) => f.status)).toEqual(['counted', 'withdrawn']);
  });

  it('accepts an id written in another case', () => {
    const raw = lateness(1);
    const id = idOf(raw[0]!).replace('F-', 'f-').toUpperCase().replace(/^F-/, 'f-');
    expect(settle(raw, POLICY, { decisions: [decide({ id }, { kind: 'withdrawn' })] }).findings[0]!.status).toBe('withdrawn');
  });

  it('a decision naming no finding of this audit is an error with its place and the id it names', () => {
    const e = error(() => settle(lateness(1), POLICY, { decisions: [decide({ id: 'F-000000000000' }, { kind: 'withdrawn' })] }));
    expect(e.message).toMatch(/^decisions\.json:\d+:5: the decision names F-000000000000, which is no finding of this audit$/);
    expect(e.file).toBe('/x/decisions.json');
    const byKey = error(() => settle(lateness(1), POLICY, { decisions: [decide({ ruleId: 'attendance-late', key: '李敏@2026-10-01' }, { kind: 'withdrawn' })] }));
    expect(byKey.message).toMatch(/names rule attendance-late on record 李敏@2026-10-01, which is no finding of this audit/);
  });

  it('a rule id and key matching two findings is ambiguous', () => {
    const two = [rawOf({ key: 'K', row: 2 }), rawOf({ key: 'K', row: 3, name: '李敏' })];
    const e = error(() => settle(two, POLICY, { decisions: [decide({ ruleId: 'attendance-late', key: 'K' }, { kind: 'withdrawn' })] }));
    expect(e.message).toMatch(/matches 2 findings \(F-[0-9a-f]{12}, F-[0-9a-f]{12}\)/);
    expect(e.hint).toMatch(/问题编号/);
  });

  it('two decisions for one finding are an error naming both places', () => {
    const raw = lateness(1);
    const first = decide({ id: idOf(raw[0]!) }, { kind: 'upheld' });
    const second = decide({ ruleId: 'attendance-late', key: raw[0]!.ref.key }, { kind: 'withdrawn' });
    const e = error(() => settle(raw, POLICY, { decisions: [first, second] }));
    expect(e.message).toContain(`${second.at}: a second decision for ${idOf(raw[0]!)}`);
    expect(e.message).toContain(`the first is at ${first.at}`);
  });

  it('a decision on a merged finding is an error naming the finding that counts', () => {
    const policy = { ...POLICY, overlaps: [['notice-missing', 'repeated-visits']] as [string, string][] };
    const onCase = (ruleId: string) => rawOf({ ruleId, scope: 'case', ref: { sheet: 'cases', row: 4, key: 'SL-4' }, baseGrade: 'criticism' });
    const [winner, merged] = [onCase('notice-missing'), onCase('repeated-visits')];
    const e = error(() => settle([winner, merged], policy, { decisions: [decide({ id: idOf(merged) }, { kind: 'withdrawn' })] }));
    expect(e.message).toMatch(new RegExp(`${idOf(merged)} is merged into ${idOf(winner)}`));
    expect(e.hint).toBe(`decide on ${idOf(winner)}, the finding that counts`);
  });

  it('a decision on a finding reported before is an error naming the month it was reported', () => {
    const raw = lateness(1);
    const history = new Map([[idOf(raw[0]!), { highestBase: 'reminder' as const, chargedYuan: 0, reportedIn: '2026-09' }]]);
    const e = error(() => settle(raw, POLICY, { history, decisions: [decide({ id: idOf(raw[0]!) }, { kind: 'withdrawn' })] }));
    expect(e.message).toMatch(/was reported in 2026-09 and counts for nothing this month/);
    expect(e.hint).toMatch(/2026-09/);
  });
});
