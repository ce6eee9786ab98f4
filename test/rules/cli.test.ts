import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rulesTestCommand, rulesValidateCommand } from '../../src/cli/commands/rules.js';
import { fixture } from './helpers.js';

let out: string[];

beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(command: typeof rulesValidateCommand, dir: string): Promise<{ text: string; code: number | string | undefined }> {
  await command.handler({ dir, _: [], $0: 'duty-audit' } as never);
  return { text: out.join(''), code: process.exitCode };
}

describe('duty-audit rules validate', () => {
  it('prints every problem as file:line:col  message and exits 2', async () => {
    const { text, code } = await run(rulesValidateCommand, fixture('many'));
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/many[/\\]many-problems\.json:4:14 {2}version must be integer, not "1"$/);
    expect(lines[4]).toMatch(/many[/\\]other\.json:1:18 {2}not valid JSON: /);
    expect(lines[5]).toBe('5 problems; nothing was loaded');
    expect(code).toBe(2);
  });

  it('prints one OK line with counts and exits 0', async () => {
    const { text, code } = await run(rulesValidateCommand, fixture('valid'));
    expect(text).toMatch(/^rules OK: 2 rules, the policy and 0 calendar files valid \(rule set [0-9a-f]{12}\)\n$/);
    expect(code).toBe(0);
  });
});

describe('duty-audit rules test', () => {
  it('exits 1 when a case fails, showing the record, expected and actual', async () => {
    const { text, code } = await run(rulesTestCommand, fixture('tester-failing'));
    expect(text).toContain('✗ wrong-cases  一次性告知制/二  5 cases');
    expect(text).toContain('expected grade notice, got criticism');
    expect(text).toContain('record:   {"case_id":"T-2"');
    expect(text).toContain('clause coverage:');
    expect(text).toMatch(/rules test FAILED: 1 rules, 5 cases, 3 failed cases, 1 failed rules/);
    expect(code).toBe(1);
  });

  it('exits 2 when the rules do not load', async () => {
    const { text, code } = await run(rulesTestCommand, fixture('bad-json'));
    expect(text).toContain('bad-json.json:8:3  not valid JSON');
    expect(code).toBe(2);
  });

  it('a partial rule set passes its cases but fails on required clauses left uncovered', async () => {
    const { text, code } = await run(rulesTestCommand, fixture('valid'));
    expect(text).toContain('✓ notice-late-test  一次性告知制/二  3 cases');
    expect(text).toContain('✗ required clauses without a rule: 失职追究制/二.2');
    expect(code).toBe(1);
  });
});
