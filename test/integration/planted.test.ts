/**
 * The sample month is the catalogue's ground truth: every planted violation must be found, and
 * nothing else may fire (docs/duties.md). Compared both ways on (rule, sheet, key), and the
 * planted bad cells must all surface as data issues. Audited, as an inspector would, with the
 * history report and the decisions file written beside it: each finding has its planted status
 * (merged into the planted partner, reported before, withdrawn, regraded), and each planted
 * warning is raised with its numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import { SAMPLES_DIR } from '../../src/paths.js';

interface PlantedViolation {
  ruleId: string;
  clause: string;
  sheet: string;
  key: string;
  baseGrade: string;
  status: string;
  mergedInto?: { ruleId: string; sheet: string; key: string };
  reportedIn?: string;
  decision?: { decision: string; reason: string };
}
interface PlantedWarning {
  kind: string;
  sheet: string;
  key: string;
  dueOn: string | null;
  workingDaysLeft: number | null;
}
interface PlantedIssue {
  sheet: string;
  row: number;
  column: string;
  code: string;
}
interface PlantedNearMiss {
  ruleIds: string[];
  sheet: string;
  key: string;
  note: string;
}
interface Planted {
  period: string;
  asOf: string;
  violations: PlantedViolation[];
  nearMisses: PlantedNearMiss[];
  dataIssues: PlantedIssue[];
  warnings: PlantedWarning[];
  history: string;
  decisions: string;
}

const planted: Planted = JSON.parse(readFileSync(join(SAMPLES_DIR, 'planted.json'), 'utf8'));
const violationKey = (v: { ruleId: string; sheet: string; key: string }) => `${v.ruleId} ${v.sheet} ${v.key}`;

describe.each([
  ['xlsx workbook', join(SAMPLES_DIR, '城东社区-2026-10.xlsx')],
  ['CSV folder', join(SAMPLES_DIR, '城东社区-2026-10-csv')],
])('the sample month as a %s', (_label, input) => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await audit(input, { period: planted.period, asOf: planted.asOf, history: join(SAMPLES_DIR, planted.history), decisions: join(SAMPLES_DIR, planted.decisions) });
  });

  it('finds every planted violation', () => {
    const found = new Set(result.findings.map((f) => violationKey({ ruleId: f.ruleId, sheet: f.ref.sheet, key: f.ref.key })));
    const missing = planted.violations.filter((v) => !found.has(violationKey(v))).map(violationKey);
    expect(missing).toEqual([]);
  });

  it('finds nothing that was not planted', () => {
    const expected = new Set(planted.violations.map(violationKey));
    const extra = result.findings
      .map((f) => violationKey({ ruleId: f.ruleId, sheet: f.ref.sheet, key: f.ref.key }))
      .filter((k) => !expected.has(k));
    expect(extra).toEqual([]);
  });

  it('grades each planted violation with its planted base grade and clause', () => {
    const byKey = new Map(result.findings.map((f) => [violationKey({ ruleId: f.ruleId, sheet: f.ref.sheet, key: f.ref.key }), f]));
    const wrong = planted.violations
      .map((v) => ({ v, f: byKey.get(violationKey(v)) }))
      .filter(({ v, f }) => f !== undefined && (f.baseGrade !== v.baseGrade || f.clause !== v.clause))
      .map(({ v, f }) => `${violationKey(v)}: planted ${v.clause} ${v.baseGrade}, found ${f!.clause} ${f!.baseGrade}`);
    expect(wrong).toEqual([]);
  });

  it('no near miss fires the rules it was planted to keep quiet (退回补正, 补齐日期, 待查, a covered 5-day trip…)', () => {
    expect(planted.nearMisses.length).toBeGreaterThanOrEqual(6);
    const fired = planted.nearMisses.flatMap((n) =>
      result.findings.filter((f) => f.ref.sheet === n.sheet && f.ref.key === n.key && n.ruleIds.includes(f.ruleId)).map((f) => `${f.ruleId} ${n.key}: ${n.note}`),
    );
    expect(fired).toEqual([]);
  });

  it('every rule of the catalogue fires at least once on the sample', () => {
    const silent = result.rules.filter((r) => r.hits === 0).map((r) => r.id);
    expect(silent).toEqual([]);
  });

  it('reports every planted bad cell as a data issue at its row and column', () => {
    const issues = new Set(result.dataIssues.map((d) => `${d.sheet} ${d.row} ${d.column} ${d.code}`));
    const missing = planted.dataIssues
      .map((d) => `${d.sheet} ${d.row} ${d.column} ${d.code}`)
      .filter((k) => !issues.has(k));
    expect(missing).toEqual([]);
    expect(result.dataIssues.length).toBe(planted.dataIssues.length);
  });

  it('gives each planted finding its planted status: merged into its partner, reported before, withdrawn, regraded, counted', () => {
    const byKey = new Map(result.findings.map((f) => [violationKey({ ruleId: f.ruleId, sheet: f.ref.sheet, key: f.ref.key }), f]));
    const byId = new Map(result.findings.map((f) => [f.id, f]));
    const wrong = planted.violations.flatMap((v) => {
      const f = byKey.get(violationKey(v));
      if (!f) return [];
      const into = f.mergedInto === undefined ? undefined : byId.get(f.mergedInto);
      const got = {
        status: f.status,
        mergedInto: into && { ruleId: into.ruleId, sheet: into.ref.sheet, key: into.ref.key },
        reportedIn: f.reportedIn,
        decision: f.decision?.reason,
      };
      const want = { status: v.status, mergedInto: v.mergedInto, reportedIn: v.reportedIn, decision: v.decision?.reason };
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${violationKey(v)}: planted ${JSON.stringify(want)}, found ${JSON.stringify(got)}`];
    });
    expect(wrong).toEqual([]);
    // The sample plants each kind.
    expect(new Set(planted.violations.map((v) => v.status))).toEqual(new Set(['counted', 'merged', 'reported-before', 'withdrawn', 'regraded']));
    expect(planted.violations.some((v) => v.status === 'counted' && v.reportedIn !== undefined)).toBe(true);
    expect(result.history!.reports.map((r) => r.period)).toEqual(['2026-09']);
    expect(result.decisions!.count).toBe(planted.violations.filter((v) => v.decision).length);
  });

  it('a merged or withdrawn finding charges nothing; a case that kept slipping is charged again, less what was charged before', () => {
    for (const f of result.findings.filter((x) => ['merged', 'reported-before', 'withdrawn'].includes(x.status))) expect(f.deductionYuan, f.id).toBe(0);
    const slipping = result.findings.find((f) => f.status === 'counted' && f.reportedIn !== undefined)!;
    expect(slipping).toMatchObject({ baseGrade: 'deduction', chargedBeforeYuan: 0 });
  });

  it('raises each planted warning with its numbers; any other is a background case due soon', () => {
    const raised = new Map(result.warnings.map((w) => [`${w.kind} ${w.ref.sheet} ${w.ref.key}`, w]));
    for (const w of planted.warnings) {
      expect(raised.get(`${w.kind} ${w.sheet} ${w.key}`), `${w.kind} ${w.key}`).toMatchObject({ dueOn: w.dueOn, workingDaysLeft: w.workingDaysLeft });
    }
    const plantedKeys = new Set(planted.warnings.map((w) => `${w.kind} ${w.sheet} ${w.key}`));
    const plantedRecords = new Set([...planted.violations, ...planted.nearMisses].map((v) => `${v.sheet} ${v.key}`));
    const others = result.warnings.filter((w) => !plantedKeys.has(`${w.kind} ${w.ref.sheet} ${w.ref.key}`));
    expect(others.filter((w) => w.kind !== 'due-soon' || plantedRecords.has(`${w.ref.sheet} ${w.ref.key}`))).toEqual([]);
    expect(new Set(planted.warnings.map((w) => w.kind))).toEqual(new Set(['due-soon', 'overdue-open', 'pending-complaint']));
  });

  it('accounts for every row read', () => {
    const { rowsRead, rowsEvaluated, rowsSetAside } = result.summary;
    expect(rowsRead).toBe(rowsEvaluated + rowsSetAside);
    expect(rowsSetAside).toBeGreaterThan(0);
  });
});
