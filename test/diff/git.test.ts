/**
 * Old rules given as a git revision: a throw-away repository holds a committed copy of rules/,
 * the work tree is edited, and `HEAD:rules` is diffed against the edited folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRulesDiff, type RulesDiffArgs } from '../../src/cli/commands/rules-diff.js';
import { diffRuleSets } from '../../src/diff/diff.js';
import { isGitRevisionSpec } from '../../src/diff/git-rules.js';
import { openRulesSource } from '../../src/diff/rules-source.js';
import { DutyAuditError } from '../../src/errors.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { copyRules, REPEATED_ERRORS, SAMPLE, setParam } from './helpers.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

function args(old: string, now: string): RulesDiffArgs {
  return { old, new: now, workbooks: [SAMPLE], lang: 'zh' };
}

let repo: string;

beforeAll(() => {
  const rules = copyRules();
  repo = dirname(rules);
  git(repo, 'init', '-q');
  git(repo, 'add', 'rules');
  git(repo, 'commit', '-q', '-m', 'rules as shipped');
  setParam(rules, REPEATED_ERRORS, 'minErrors', 2);
  git(repo, 'commit', '-q', '-am', 'minErrors 2');
  setParam(rules, REPEATED_ERRORS, 'noticeFromErrors', 4);
});

describe('rules diff with a git revision', () => {
  it('HEAD~1:rules (the shipped rules) read from git gives the same diff as the shipped folder itself', async () => {
    const run = await runRulesDiff(args('HEAD~1:rules', 'rules'), repo);
    const direct = await diffRuleSets(DEFAULT_RULES_DIR, join(repo, 'rules'), [SAMPLE]);
    expect(run.result.old.label).toBe('HEAD~1:rules');
    expect(run.result.old.hash).toBe(direct.old.hash);
    expect(run.result.changes.length).toBeGreaterThan(0);
    expect(run.result.changes.map((c) => ({ ...c, workbook: '' }))).toEqual(direct.changes.map((c) => ({ ...c, workbook: '' })));
    expect(run.result.changes.every((c) => c.kind === 'added' && c.ruleId === 'repeated-errors')).toBe(true);
    expect(run.text).toContain('HEAD~1:rules');
  });

  it('HEAD:rules (minErrors already 2) against the work tree (noticeFromErrors 4) names the edit; any change is a 二.3 regrade', async () => {
    const run = await runRulesDiff(args('HEAD:rules', 'rules'), repo);
    expect(run.result.editedRules).toEqual([{ id: 'repeated-errors', change: 'changed', oldVersion: 1, newVersion: 1 }]);
    // The two sets differ only in the 通报批评 threshold; the sample's counts decide whether it matters.
    for (const c of run.result.changes) expect(c).toMatchObject({ kind: 'regraded', ruleId: 'repeated-errors' });
  });

  it('the revision read from git has the same hash as the same files on disk', async () => {
    const head = openRulesSource('HEAD~1:rules', repo);
    try {
      const diff = await diffRuleSets(head.dir, copyRules(), [SAMPLE]);
      expect(diff.old.hash).toBe(diff.new.hash);
      expect(diff.changes).toEqual([]);
    } finally {
      head.dispose();
    }
    expect(existsSync(head.dir)).toBe(false);
  });

  it('removes its temporary copy after the run', async () => {
    // A temporary folder of this test's own: other test files, and other runs on the machine,
    // make and remove copies in the shared one while this runs.
    const own = mkdtempSync(join(tmpdir(), 'duty-audit-git-tmp-'));
    const shared = process.env['TMPDIR'];
    process.env['TMPDIR'] = own;
    try {
      await runRulesDiff(args('HEAD:rules', 'rules'), repo);
    } finally {
      if (shared === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = shared;
    }
    expect(readdirSync(own)).toEqual([]);
  });

  it('an existing folder is a folder even with a colon in its name; rev:path is git only when no such folder exists', () => {
    expect(isGitRevisionSpec('HEAD:rules', repo)).toBe(true);
    expect(isGitRevisionSpec('rules', repo)).toBe(false);
    expect(isGitRevisionSpec(join(repo, 'rules'), repo)).toBe(false);
  });

  it('an unknown revision is a usage error naming it, with the fix', async () => {
    const err = await runRulesDiff(args('no-such-branch:rules', 'rules'), repo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).code).toBe('bad-usage');
    expect((err as DutyAuditError).message).toContain('no-such-branch:rules');
    expect((err as DutyAuditError).hint).toContain('HEAD~1:rules');
  });

  it('a revision naming a file, not a folder, is refused', async () => {
    const err = await runRulesDiff(args('HEAD:rules/policy.json', 'rules'), repo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).message).toMatch(/HEAD:rules\/policy\.json is a blob in git, not a folder/);
  });

  it('outside a repository the git error is reported, not a stack trace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'duty-audit-nogit-'));
    const err = await runRulesDiff(args('HEAD:rules', join(repo, 'rules')), outside).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).message).toContain(`cannot read the rules HEAD:rules from git in ${outside}`);
  });
});
