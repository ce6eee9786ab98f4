/** compareFindings and the groupings, on hand-built findings (no audit). */
import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../src/diff/compare.js';
import { changesByPerson, changesByRule, countChanges, sortChanges } from '../../src/diff/group.js';
import { editedRules, policyChanged } from '../../src/diff/edited-rules.js';
import type { Finding } from '../../src/findings/types.js';
import type { Grade } from '../../src/grade-scale.js';
import type { Policy, Rule, RuleSet } from '../../src/rules/types.js';

function finding(id: string, ruleId: string, name: string, baseGrade: Grade, grade: Grade = baseGrade, kind: 'staff' | 'center' = 'staff'): Finding {
  return {
    id, ruleId, clause: `失职追究制/${ruleId}`, title: { zh: ruleId, en: ruleId }, scope: 'case',
    subject: { kind, name }, ref: { sheet: 'cases', row: Number(id.slice(1)), key: id }, date: '2026-10-01',
    facts: {}, conditions: [], message: { zh: '', en: '' }, baseGrade, baseReason: { kind: 'base' },
    grade, escalation: { kind: 'none' }, deductionYuan: 0, status: 'counted',
  };
}

const side = { workbook: 'a.xlsx', center: '城东', period: '2026-10' };

describe('compareFindings', () => {
  const before = [finding('F1', 'r1', '张三', 'reminder'), finding('F2', 'r1', '李四', 'criticism'), finding('F3', 'r2', '张三', 'notice'), finding('F4', 'r2', '王五', 'reminder', 'criticism')];
  const after = [finding('F1', 'r1', '张三', 'reminder'), finding('F2', 'r1', '李四', 'notice'), finding('F4', 'r2', '王五', 'reminder', 'notice'), finding('F5', 'r3', '李四', 'reminder')];
  const changes = compareFindings(before, after, side);

  it('keeps the added, removed and regraded findings and leaves the unchanged out', () => {
    expect(changes.map((c) => [c.kind, c.id]).sort()).toEqual([['added', 'F5'], ['regraded', 'F2'], ['regraded', 'F4'], ['removed', 'F3']]);
  });

  it('a change of base grade is a regrade', () => {
    const f2 = changes.find((c) => c.id === 'F2')!;
    expect(f2.before).toEqual({ baseGrade: 'criticism', grade: 'criticism', status: 'counted' });
    expect(f2.after).toEqual({ baseGrade: 'notice', grade: 'notice', status: 'counted' });
  });

  it('a change of final grade alone (escalation moved) is a regrade', () => {
    const f4 = changes.find((c) => c.id === 'F4')!;
    expect(f4.before).toEqual({ baseGrade: 'reminder', grade: 'criticism', status: 'counted' });
    expect(f4.after).toEqual({ baseGrade: 'reminder', grade: 'notice', status: 'counted' });
  });

  it('added has no before, removed has no after, and both carry the workbook', () => {
    const f5 = changes.find((c) => c.id === 'F5')!;
    const f3 = changes.find((c) => c.id === 'F3')!;
    expect(f5.before).toBeUndefined();
    expect(f3.after).toBeUndefined();
    expect(f5).toMatchObject(side);
  });

  it('counts by kind, rule and person', () => {
    expect(countChanges(changes)).toEqual({ added: 1, removed: 1, regraded: 2, status: 0 });
    expect(changesByRule(changes).map((r) => [r.ruleId, r.added, r.removed, r.regraded])).toEqual([['r1', 0, 0, 1], ['r2', 0, 1, 1], ['r3', 1, 0, 0]]);
    expect(changesByPerson(changes).map((p) => [p.subject.name, p.added, p.removed, p.regraded])).toEqual([['张三', 0, 1, 0], ['李四', 1, 0, 1], ['王五', 0, 0, 1]]);
  });

  it('the same grades counted differently are a status change, with both statuses', () => {
    const counted = finding('F7', 'r1', '张三', 'criticism');
    const merged: Finding = { ...counted, status: 'merged', mergedInto: 'F6' };
    const [c] = compareFindings([counted], [merged], side);
    expect(c).toMatchObject({ kind: 'status', id: 'F7', before: { status: 'counted' }, after: { status: 'merged', mergedInto: 'F6' } });
    expect(countChanges([c!])).toEqual({ added: 0, removed: 0, regraded: 0, status: 1 });
    expect(compareFindings([counted], [{ ...counted }], side)).toEqual([]);
  });

  it('the same name in two centers is two people; the center comes after staff', () => {
    const other = compareFindings([], [finding('F9', 'r1', '张三', 'reminder'), finding('F8', 'r1', '城东中心', 'reminder', 'reminder', 'center')], { ...side, center: '城西' });
    const people = changesByPerson([...changes, ...other]);
    expect(people.filter((p) => p.subject.name === '张三').map((p) => p.center)).toEqual(['城东', '城西']);
    expect(people.at(-1)!.subject).toEqual({ kind: 'center', name: '城东中心' });
  });

  it('sorts by workbook, kind, rule, subject, date, row, id whatever the input order', () => {
    const sorted = sortChanges([...changes].reverse(), ['a.xlsx']);
    expect(sorted.map((c) => c.id)).toEqual(['F5', 'F3', 'F2', 'F4']);
    expect(sortChanges(changes, ['a.xlsx'])).toEqual(sorted);
  });
});

describe('editedRules / policyChanged', () => {
  const policy: Policy = { escalate_every: 2, escalate_cap: 'deduction', deduction_yuan: 200, monthly_cap_yuan: 600, sanctions: {} as Policy['sanctions'] };
  const rule = (id: string, sha256: string, version = 1) => ({ id, sha256, version }) as Rule;
  const set = (rules: Rule[], p: Policy = policy): RuleSet => ({ dir: '', rules, policy: p, hash: '' });

  it('names added, removed and changed rules by id, sorted', () => {
    const old = set([rule('b', '1'), rule('a', '2'), rule('c', '3')]);
    const now = set([rule('a', '2'), rule('c', '4', 2), rule('d', '5')]);
    expect(editedRules(old, now)).toEqual([
      { id: 'b', change: 'removed', oldVersion: 1 },
      { id: 'c', change: 'changed', oldVersion: 1, newVersion: 2 },
      { id: 'd', change: 'added', newVersion: 1 },
    ]);
  });

  it('sees a policy edit', () => {
    expect(policyChanged(set([]), set([]))).toBe(false);
    expect(policyChanged(set([]), set([], { ...policy, escalate_every: 3 }))).toBe(true);
  });
});
