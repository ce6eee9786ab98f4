/**
 * `audit --history DIR --decisions FILE` as an inspector runs it: September's JSON report kept,
 * October audited against it; --fail-on counts only what counts; --explain says why a finding
 * counts for nothing; a bad decisions file exits 2 with its place and the fix.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditArgs } from '../../src/cli/commands/audit.js';
import { runExplain } from '../../src/explain/run-explain.js';
import { CARRIED_OVER_MONTHS, OPEN_SEPTEMBER, writeLedgerXlsx } from './ledger-fixture.js';
import { runCli } from './run-cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'duty-audit-history-cli-'));


function args(input: string, extra: Partial<AuditArgs> = {}): AuditArgs {
  return { input, lang: 'zh', mask: true, ...extra };
}

let october: string;

beforeAll(async () => {
  const september = await writeLedgerXlsx(join(cwd, '测试社区-2026-09.xlsx'), { center: true, cases: OPEN_SEPTEMBER });
  october = await writeLedgerXlsx(join(cwd, '测试社区-2026-10.xlsx'), { center: true, cases: CARRIED_OVER_MONTHS['10'] });
  mkdirSync(join(cwd, 'history'));
  await runAudit(args(september, { json: 'history/测试社区-2026-09.json', out: 'reports/sep.xlsx' }), cwd);
});

describe('audit --history', () => {
  it('charges nothing again, says so in the summary, and --fail-on counts only what counts', async () => {
    const without = await runAudit(args(october, { 'fail-on': 'reminder', out: 'reports/a.xlsx' }), cwd);
    expect(without.exitCode).toBe(1);
    const run = await runAudit(args(october, { history: 'history', 'fail-on': 'reminder', out: 'reports/b.xlsx' }), cwd);
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('不计入：此前已通报 4');
    expect(run.summary).toContain('需处理人员：无');
    expect(run.result.history!.reports).toEqual([expect.objectContaining({ file: expect.stringMatching(/history[/\\]测试社区-2026-09\.json$/), period: '2026-09' })]);
  });

  it('--explain says the finding was reported in September', async () => {
    const run = await runExplain({ input: october, explain: 'S-1', lang: 'zh', mask: true, history: 'history' }, cwd);
    expect(run.text).toContain('状态：已于2026-09通报');
    const fresh = await runExplain({ input: october, explain: 'S-1', lang: 'en', mask: true }, cwd);
    expect(fresh.text).toContain('Status: Counted');
  });

  it('the bin exits 2 on a decision naming no finding, with the file position and the fix', () => {
    writeFileSync(join(cwd, 'decisions.json'), '[\n  { "id": "F-000000000000", "decision": "撤销", "reason": "r", "reviewer": "v", "date": "2026-11-05" }\n]\n');
    const argv = ['audit', october, '--history', 'history', '--decisions', 'decisions.json', '--out', 'reports/c.xlsx'];
    const r = runCli(argv, cwd, { LANG: 'en_US.UTF-8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('decisions.json:2:11: the decision names F-000000000000, which is no finding of this audit');
    expect(r.stderr).toMatch(/fix: copy the finding id \(问题编号\)/);
    const zh = runCli(argv, cwd);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('decisions.json:2:11：该决定指明的 F-000000000000 不是本次审计的问题');
    expect(zh.stderr).toContain('解决办法：请从本月报告中复制问题编号');
  });
});
