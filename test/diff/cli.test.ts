/** `duty-audit rules diff`: the in-process runner, its errors, and the real bin. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRulesDiff, type RulesDiffArgs } from '../../src/cli/commands/rules-diff.js';
import { DutyAuditError } from '../../src/errors.js';
import { DEFAULT_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { runCli } from '../audit/run-cli.js';
import { copyRules, REPEATED_ERRORS, SAMPLE, setParam } from './helpers.js';

function args(over: Partial<RulesDiffArgs>): RulesDiffArgs {
  return { old: DEFAULT_RULES_DIR, new: DEFAULT_RULES_DIR, workbooks: [SAMPLE], lang: 'zh', ...over };
}

async function failure(promise: Promise<unknown>): Promise<DutyAuditError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DutyAuditError);
  return err as DutyAuditError;
}

describe('runRulesDiff', () => {
  it('writes the xlsx when asked and says where', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'duty-audit-diff-cli-'));
    const dir = copyRules();
    setParam(dir, REPEATED_ERRORS, 'minErrors', 2);
    const run = await runRulesDiff(args({ new: dir, xlsx: 'out/diff.xlsx' }), cwd);
    expect(run.xlsx).toBe(join(cwd, 'out', 'diff.xlsx'));
    expect(existsSync(run.xlsx!)).toBe(true);
    expect(run.text).toContain(`差异表：${join('out', 'diff.xlsx')}`);
    expect(run.result.totals.added).toBeGreaterThan(0);
  });

  it('shows a workbook under the working directory relative to it', async () => {
    const run = await runRulesDiff(args({ workbooks: ['samples/城东社区-2026-10.xlsx'] }), PACKAGE_ROOT);
    expect(run.result.workbooks[0]!.workbook).toBe(join('samples', '城东社区-2026-10.xlsx'));
  });

  it('a bad --period or --as-of is a usage error with the fix', async () => {
    expect((await failure(runRulesDiff(args({ period: '2026/10' })))).code).toBe('bad-usage');
    expect((await failure(runRulesDiff(args({ 'as-of': '31.10.2026' })))).hint).toContain('--as-of 2026-10-31');
  });

  it('new rules with a problem stop the diff, naming the folder as given and the file:line:col', async () => {
    const dir = copyRules();
    writeFileSync(join(dir, REPEATED_ERRORS), '{ "id": "repeated-errors", ');
    const err = await failure(runRulesDiff(args({ new: dir })));
    expect(err.code).toBe('bad-rules');
    expect(err.message).toContain(`the rules in ${dir} have 1 problem(s)`);
    expect(err.message).toMatch(/repeated-errors\.json:1:\d+ {2}not valid JSON/);
  });

  it('a missing workbook is the importer’s error', async () => {
    const err = await failure(runRulesDiff(args({ workbooks: [join(tmpdir(), 'no-such-ledger.xlsx')] })));
    expect(err.code).toBe('file-not-found');
  });
});

describe('the bin', () => {
  it('rules diff exits 0 and prints the diff (English with --lang en)', () => {
    const dir = copyRules();
    setParam(dir, REPEATED_ERRORS, 'minErrors', 2);
    const r = runCli(['rules', 'diff', DEFAULT_RULES_DIR, dir, SAMPLE, '--lang', 'en'], PACKAGE_ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Rules edited: repeated-errors (changed)');
    expect(r.stdout).toMatch(/Added [1-9]\d* · Removed 0 · Regraded 0/);
  });

  it('rules diff with a bad rules folder exits 2 with a message, not a stack trace', () => {
    const r = runCli(['rules', 'diff', join(tmpdir(), 'no-such-rules-folder'), DEFAULT_RULES_DIR, SAMPLE], PACKAGE_ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^duty-audit：找不到规则文件夹：/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
