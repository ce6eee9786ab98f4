/**
 * What the real bin exits with for the two situations issue #11 found exiting 2: a December
 * audit with a deadline in January (past the last loaded calendar), and a reviewer's rule edit
 * that `rules validate` passed. Child processes, so the exit codes are the ones a user sees.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import type { ReportJson } from '../../src/report/json.js';
import { CENTER, caseRow, writeMonth } from './month-fixture.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-exit-'));

describe('a December audit with January deadlines (regression: exited 2, date-outside-calendar)', () => {
  it('runs with exit 0: a deadline past 2026-12-31 is simply not yet overdue', async () => {
    const file = await writeMonth(join(dir, '测试社区-2026-12.xlsx'), {
      center: CENTER,
      cases: [
        // 15 working days after 12-21 lands in January 2027, which no calendar file covers
        caseRow({ case_id: 'DUE-2027', received_on: '2026-12-21', promised_days: 15, result: '办理中' }),
        caseRow({ case_id: 'DUE-DEC', received_on: '2026-12-01', promised_days: 5, completed_on: '2026-12-15', result_notified_on: '2026-12-15' }),
      ],
    });
    const r = runCli(['audit', file, '--period', '2026-12', '--json', 'out.json', '--out', 'out.xlsx'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as ReportJson;
    expect(json.findings.filter((f) => f.ruleId === 'case-overdue').map((f) => f.ref.key)).toEqual(['DUE-DEC']);
  });
});

describe('a rule edit that rules validate passes never makes audit exit 2', () => {
  let sample: string;
  let rules: string;
  const rudeFile = () => join(rules, '失职追究制', 'complaint-rude.json');
  const edit = (from: string, to: string) => writeFileSync(rudeFile(), readFileSync(rudeFile(), 'utf8').replace(from, to));

  beforeAll(async () => {
    rules = mkdtempSync(join(tmpdir(), 'duty-audit-edit-'));
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    sample = await writeMonth(join(dir, '测试社区-2026-10.xlsx'), {
      center: CENTER,
      cases: [caseRow({ received_on: '2026-10-12', kind: '即办件', completed_on: '2026-10-12', result_notified_on: '2026-10-12' })],
      complaints: [{ complaint_id: 'TS-1', logged_on: '2026-10-14', complainant: '王五', contact: '138', respondent: '李敏', category: '态度粗暴', content: '语气生硬', substantiated: '否', first_responder: '王芳' }],
    });
  });

  it('adding "否" to complaint-rude\'s statuses is reported by validate at the "否", and audit refuses the same way', () => {
    edit('"statuses": { "value": ["是"],', '"statuses": { "value": ["是", "否"],');
    const validate = runCli(['rules', 'validate', rules], dir, { LANG: 'en_US.UTF-8' });
    expect(validate.status).toBe(2);
    expect(validate.stdout + validate.stderr).toMatch(/complaint-rude\.json:13:34 {2}the conditions admit "substantiated" = "否", but grade\.byValue\.map has no grade for it/);
    const chinese = runCli(['rules', 'validate', rules], dir);
    expect(chinese.stdout).toMatch(/complaint-rude\.json:13:34 {2}条件允许“substantiated” = "否"，但 grade\.byValue\.map 没有为它指定等级/);
    const run = runCli(['audit', sample, '--rules', rules, '--out', 'edited.xlsx'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('complaint-rude.json:13:34');
  });

  it('once the map grades "否", validate passes and the audit runs (exit 0) and grades the 否 complaint by the map', () => {
    edit('"map": { "是": "criticism" }', '"map": { "是": "criticism", "否": "reminder" }');
    expect(runCli(['rules', 'validate', rules], dir).status).toBe(0);
    const run = runCli(['audit', sample, '--rules', rules, '--out', 'edited.xlsx', '--json', 'edited.json'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'edited.json'), 'utf8')) as ReportJson;
    expect(json.findings.filter((f) => f.ruleId === 'complaint-rude').map((f) => [f.ref.key, f.baseGrade])).toEqual([['TS-1', 'reminder']]);
  });
});
