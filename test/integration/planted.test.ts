/**
 * The sample month is the catalogue's ground truth: every planted violation must be found, and
 * nothing else may fire (SPEC §4; issue "Rules as code"). Compared both ways on
 * (rule, sheet, key), and the planted bad cells must all surface as data issues.
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
}

const planted: Planted = JSON.parse(readFileSync(join(SAMPLES_DIR, 'planted.json'), 'utf8'));
const violationKey = (v: { ruleId: string; sheet: string; key: string }) => `${v.ruleId} ${v.sheet} ${v.key}`;

describe.each([
  ['xlsx workbook', join(SAMPLES_DIR, '城东社区-2026-10.xlsx')],
  ['CSV folder', join(SAMPLES_DIR, '城东社区-2026-10-csv')],
])('the sample month as a %s', (_label, input) => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await audit(input, { period: planted.period, asOf: planted.asOf });
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

  it('accounts for every row read', () => {
    const { rowsRead, rowsEvaluated, rowsSetAside } = result.summary;
    expect(rowsRead).toBe(rowsEvaluated + rowsSetAside);
    expect(rowsSetAside).toBeGreaterThan(0);
  });
});
