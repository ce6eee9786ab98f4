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

async function run(command: ReturnType<typeof rulesValidateCommand>, dir: string): Promise<{ text: string; code: number | string | undefined }> {
  await command.handler({ dir, _: [], $0: 'duty-audit' } as never);
  return { text: out.join(''), code: process.exitCode };
}

describe('duty-audit rules validate', () => {
  it('prints every problem as file:line:col  message and exits 2', async () => {
    const { text, code } = await run(rulesValidateCommand('en'), fixture('many'));
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/many[/\\]many-problems\.json:4:14 {2}version must be integer, not "1"$/);
    expect(lines[4]).toMatch(/many[/\\]other\.json:1:18 {2}not valid JSON: /);
    expect(lines[5]).toBe('5 problems; nothing was loaded');
    expect(code).toBe(2);
  });

  it('prints one OK line with counts and exits 0', async () => {
    const { text, code } = await run(rulesValidateCommand('en'), fixture('valid'));
    expect(text).toMatch(/^rules OK: 2 rules, the policy and 0 calendar files valid \(rule set [0-9a-f]{12}\)\n$/);
    expect(code).toBe(0);
  });
});

describe('duty-audit rules test', () => {
  it('exits 1 when a case fails, showing the record, expected and actual', async () => {
    const { text, code } = await run(rulesTestCommand('en'), fixture('tester-failing'));
    expect(text).toContain('✗ wrong-cases  一次性告知制/二  5 cases');
    expect(text).toContain('expected grade notice, got criticism');
    expect(text).toContain('record:   {"case_id":"T-2"');
    expect(text).toContain('clause coverage:');
    expect(text).toMatch(/rules test FAILED: 1 rules, 5 cases, 3 failed cases, 1 failed rules/);
    expect(code).toBe(1);
  });

  it('exits 2 when the rules do not load', async () => {
    const { text, code } = await run(rulesTestCommand('en'), fixture('bad-json'));
    expect(text).toContain('bad-json.json:8:3  not valid JSON');
    expect(code).toBe(2);
  });

  it('a partial rule set passes its cases but fails on required clauses left uncovered', async () => {
    const { text, code } = await run(rulesTestCommand('en'), fixture('valid'));
    expect(text).toContain('✓ notice-late-test  一次性告知制/二  3 cases');
    expect(text).toContain('✗ required clauses without a rule: 失职追究制/二.2');
    expect(code).toBe(1);
  });
});

describe('rules validate and rules test in Chinese (the default terminal language)', () => {
  it('validate: each problem in Chinese at its place, and the count', async () => {
    const { text, code } = await run(rulesValidateCommand('zh'), fixture('many'));
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/many[/\\]many-problems\.json:4:14 {2}version：必须是整数，而不是 "1"$/);
    expect(lines[4]).toMatch(/many[/\\]other\.json:1:18 {2}不是有效的 JSON：/);
    expect(lines[5]).toBe('5 处问题；未载入任何规则');
    expect(code).toBe(2);
    const ok = await run(rulesValidateCommand('zh'), fixture('valid'));
    expect(ok.text).toMatch(/规则无误：2 条规则、处理政策和 0 个日历文件均有效（规则集 [0-9a-f]{12}）\n$/);
  });

  it('test: failures, coverage and the summary in Chinese; grades and codes as written', async () => {
    const { text, code } = await run(rulesTestCommand('zh'), fixture('tester-failing'));
    expect(text).toContain('✗ wrong-cases  一次性告知制/二  5 个用例');
    expect(text).toContain('应为等级 notice，实际为 criticism');
    expect(text).toContain('记录：{"case_id":"T-2"');
    expect(text).toContain('条款覆盖：');
    expect(text).toMatch(/rules test 未通过：1 条规则，5 个用例，3 个用例失败，1 条规则失败/);
    expect(text).not.toMatch(/expected|actual|record:/);
    expect(code).toBe(1);
  });
});
