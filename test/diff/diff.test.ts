/**
 * diffRuleSets on the sample month: a threshold edit adds exactly the findings it should, a
 * ladder edit regrades exactly the planted case it should, and nothing else moves. Expected sets
 * are computed from the ledger and samples/planted.json, not from the diff code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffRuleSets } from '../../src/diff/diff.js';
import { diffTerminal } from '../../src/diff/terminal.js';
import type { DiffResult } from '../../src/diff/types.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { DEFAULT_RULES_DIR, SAMPLES_DIR } from '../../src/paths.js';
import { CASE_OVERDUE, copyRules, paramOf, REPEATED_ERRORS, SAMPLE, setParam } from './helpers.js';

interface Planted {
  period: string;
  violations: { ruleId: string; key: string; baseGrade: string }[];
}
const planted = JSON.parse(readFileSync(join(SAMPLES_DIR, 'planted.json'), 'utf8')) as Planted;

/** Handlers with exactly `n` cases marked 差错 among the readable cases received in the period. */
async function handlersWithErrors(n: number): Promise<string[]> {
  const ledger = await readLedger(SAMPLE);
  const counts = new Map<string, number>();
  for (const { record } of ledger.sheets.cases ?? []) {
    if (record.error === true && record.received_on.startsWith(planted.period)) counts.set(record.handler, (counts.get(record.handler) ?? 0) + 1);
  }
  return [...counts].filter(([, c]) => c === n).map(([name]) => name).sort();
}

describe('diffRuleSets: repeated-errors minErrors 3 → 2', () => {
  let diff: DiffResult;
  let dir: string;

  beforeAll(async () => {
    dir = copyRules();
    expect(paramOf(dir, REPEATED_ERRORS, 'minErrors')).toBe(3);
    setParam(dir, REPEATED_ERRORS, 'minErrors', 2);
    diff = await diffRuleSets(DEFAULT_RULES_DIR, dir, [SAMPLE]);
  });

  it('the sample has someone with exactly two error cases (else this test proves nothing)', async () => {
    expect((await handlersWithErrors(2)).length).toBeGreaterThan(0);
  });

  it('adds exactly one 二.3 finding per person with exactly two error cases, at the base grade', async () => {
    const expected = await handlersWithErrors(2);
    const added = diff.changes.filter((c) => c.kind === 'added');
    expect(added.map((c) => c.subject.name).sort()).toEqual(expected);
    for (const c of added) {
      expect(c.ruleId).toBe('repeated-errors');
      expect(c.clause).toBe('失职追究制/二.3');
      expect(c.ref.key).toBe(c.subject.name);
      expect(c.before).toBeUndefined();
      expect(c.after).toEqual({ baseGrade: 'criticism', grade: 'criticism', status: 'counted' });
      expect(c.id).toMatch(/^F-[0-9a-f]{12}$/);
    }
  });

  it('removes and regrades nothing', () => {
    expect(diff.totals).toEqual({ added: diff.changes.length, removed: 0, regraded: 0, status: 0 });
  });

  it('counts by rule and by person', async () => {
    const expected = await handlersWithErrors(2);
    expect(diff.byRule).toEqual([{ ruleId: 'repeated-errors', clause: '失职追究制/二.3', title: expect.any(Object), added: expected.length, removed: 0, regraded: 0, status: 0 }]);
    expect(diff.byPerson.map((p) => p.subject.name).sort()).toEqual(expected);
    for (const p of diff.byPerson) expect(p).toMatchObject({ center: '城东社区便民服务中心', added: 1, removed: 0, regraded: 0, status: 0 });
  });

  it('the reverse edit (2 → 3) removes exactly those findings', async () => {
    const reverse = await diffRuleSets(dir, DEFAULT_RULES_DIR, [SAMPLE]);
    expect(reverse.totals).toEqual({ added: 0, removed: diff.totals.added, regraded: 0, status: 0 });
    const removed = reverse.changes.map((c) => ({ id: c.id, name: c.subject.name, before: c.before, after: c.after }));
    expect(removed).toEqual(diff.changes.map((c) => ({ id: c.id, name: c.subject.name, before: c.after, after: undefined })));
  });

  it('names the edited rule and the workbook counts', () => {
    expect(diff.editedRules).toEqual([{ id: 'repeated-errors', change: 'changed', oldVersion: 1, newVersion: 1 }]);
    expect(diff.policyChanged).toBe(false);
    expect(diff.old.hash).not.toBe(diff.new.hash);
    const [w] = diff.workbooks;
    expect(w).toMatchObject({ workbook: SAMPLE, period: '2026-10', asOf: '2026-10-31' });
    expect(w!.newFindings - w!.oldFindings).toBe(diff.totals.added);
  });
});

describe('diffRuleSets: case-overdue noticeFrom 6 → 11 (notice now starts where deduction does)', () => {
  let diff: DiffResult;

  beforeAll(async () => {
    const dir = copyRules();
    expect(paramOf(dir, CASE_OVERDUE, 'noticeFrom')).toBe(6);
    expect(paramOf(dir, CASE_OVERDUE, 'deductionFrom')).toBe(11);
    setParam(dir, CASE_OVERDUE, 'noticeFrom', 11);
    diff = await diffRuleSets(DEFAULT_RULES_DIR, dir, [SAMPLE], { period: '2026-10', asOf: '2026-10-31' });
  });

  it('regrades exactly the planted overdue cases that were notice, to criticism', () => {
    const expected = planted.violations.filter((v) => v.ruleId === 'case-overdue' && v.baseGrade === 'notice').map((v) => v.key).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(diff.changes.map((c) => c.ref.key).sort()).toEqual(expected);
    for (const c of diff.changes) {
      expect(c).toMatchObject({ kind: 'regraded', ruleId: 'case-overdue' });
      expect(c.before!.baseGrade).toBe('notice');
      expect(c.after!.baseGrade).toBe('criticism');
    }
    expect(diff.totals).toMatchObject({ added: 0, removed: 0 });
  });
});

describe('diffRuleSets: the same rules', () => {
  it('finds no change and no edited rule', async () => {
    const diff = await diffRuleSets(DEFAULT_RULES_DIR, copyRules(), [SAMPLE]);
    expect(diff.changes).toEqual([]);
    expect(diff.editedRules).toEqual([]);
    expect(diff.old.hash).toBe(diff.new.hash);
  });
});

describe('diffRuleSets: an overlaps edit in policy.json', () => {
  it('shows the findings it merges (or no longer merges) as status changes, grades unchanged', async () => {
    const dir = copyRules();
    const policyFile = join(dir, 'policy.json');
    const policy = JSON.parse(readFileSync(policyFile, 'utf8')) as { overlaps: string[][] };
    // The fee rules no longer pair: the fees and the complaints about them all count.
    policy.overlaps = policy.overlaps.filter((pair) => !pair.includes('agency-fee') && !pair.includes('fee-above-standard'));
    writeFileSync(policyFile, JSON.stringify(policy, null, 2));
    const diff = await diffRuleSets(DEFAULT_RULES_DIR, dir, [SAMPLE]);
    expect(diff.policyChanged).toBe(true);
    expect(diff.totals).toMatchObject({ added: 0, removed: 0, status: expect.any(Number) });
    expect(diff.totals.status).toBeGreaterThan(0);
    for (const c of diff.changes.filter((x) => x.kind === 'status')) {
      expect(['fee-above-standard', 'complaint-fee']).toContain(c.ruleId);
      expect(c.before).toMatchObject({ status: 'merged', mergedInto: expect.stringMatching(/^F-/) });
      expect(c.after).toMatchObject({ status: 'counted', baseGrade: c.before!.baseGrade });
    }
    expect(diffTerminal(diff, 'zh')).toMatch(/状态变化（\d+）：[\s\S]*\[并入 F-[0-9a-f]{12}\]/);
  });
});
