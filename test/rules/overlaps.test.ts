/**
 * `overlaps` in policy.json is checked like the rules: every id must name a rule of the folder,
 * a pair two different rules that can be about one act, each pair once — at file:line:col.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { rulesValidateCommand } from '../../src/cli/commands/rules.js';
import { render } from '../../src/messages/catalogue.js';
import { fixture } from './helpers.js';

const SHIPPED_POLICY = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'policy.json'), 'utf8')) as Record<string, unknown>;

/** The shipped rules with a policy whose overlaps are written one pair per line from line 3. */
function rulesWithOverlaps(pairs: string[][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-audit-overlaps-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const { overlaps: _old, ...rest } = SHIPPED_POLICY;
  const lines = pairs.map((p, i) => `    ${JSON.stringify(p)}${i < pairs.length - 1 ? ',' : ''}`);
  const others = JSON.stringify(rest, null, 2).slice(2); // the remaining keys, after "{\n"
  writeFileSync(join(dir, 'policy.json'), `{\n  "overlaps": [\n${lines.join('\n')}\n  ],\n${others}`);
  return dir;
}

async function problems(pairs: string[][]): Promise<string[]> {
  const { ruleSet, problems } = await loadRuleSet(rulesWithOverlaps(pairs));
  if (problems.length === 0) expect(ruleSet).toBeDefined();
  return problems.map((p) => `policy.json:${p.line}:${p.column} ${p.code} ${render(p.message, 'en')}`);
}

describe('overlaps in policy.json', () => {
  it('the shipped pairs are valid', async () => {
    const { ruleSet, problems: found } = await loadRuleSet(DEFAULT_RULES_DIR);
    expect(found).toEqual([]);
    expect(ruleSet!.policy.overlaps).toEqual([
      ['notice-missing', 'repeated-visits'],
      ['notice-missing', 'notice-late'],
      ['notice-missing', 'written-notice-required'],
      ['case-overdue', 'complaint-delay'],
      ['agency-fee', 'fee-above-standard'],
      ['agency-fee', 'complaint-fee'],
      ['fee-above-standard', 'complaint-fee'],
      ['absence-not-approved', 'absence-without-handover'],
    ]);
  });

  it('an id that names no rule of the folder, at the id', async () => {
    expect(await problems([['case-overdue', 'complaint-delay'], ['agency-fee', 'fee-not-posted']])).toEqual([
      'policy.json:4:19 unknown-rule overlaps names rule "fee-not-posted", which is not a rule of this folder; use the id of a rule file (`duty-audit rules list` shows them)',
    ]);
  });

  it('a rule paired with itself, rules that are never about one act, and a pair listed twice', async () => {
    const found = await problems([
      ['agency-fee', 'agency-fee'],
      ['case-overdue', 'attendance-late'],
      ['complaint-delay', 'case-overdue'],
      ['case-overdue', 'complaint-delay'],
    ]);
    expect(found.map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual([
      'policy.json:3:19 bad-overlap',
      'policy.json:4:21 bad-overlap',
      'policy.json:6:5 bad-overlap',
    ]);
    expect(found[1]).toContain('"case-overdue" (case scope) with "attendance-late" (attendance scope)');
    expect(found[2]).toContain('again (first at overlaps[2])');
  });

  it('the schema wants pairs of two ids', async () => {
    const found = await problems([['case-overdue', 'complaint-delay', 'agency-fee']]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^policy\.json:3:5 schema /);
  });

  it('a folder without its own policy grades by the shipped one and is not held to its overlaps', async () => {
    const { ruleSet, problems: found } = await loadRuleSet(fixture('valid'));
    expect(found).toEqual([]);
    expect(ruleSet!.policy.overlaps).toHaveLength(8);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('`rules validate` prints the problem at file:line:col and exits 2', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const dir = rulesWithOverlaps([['agency-fee', 'no-such-rule']]);
    await rulesValidateCommand('en').handler({ dir, _: [], $0: 'duty-audit' } as never);
    expect(out.join('')).toMatch(/policy\.json:3:19 {2}overlaps names rule "no-such-rule"/);
    expect(process.exitCode).toBe(2);
  });
});
