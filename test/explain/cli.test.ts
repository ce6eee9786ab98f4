/**
 * `duty-audit audit <input> --explain <target>`: the real bin in a child process (exit codes,
 * no report unless --out, the hint of an unknown key) and runExplain in-process.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { runExplain, type ExplainArgs } from '../../src/explain/run-explain.js';
import type { Explanation } from '../../src/explain/types.js';
import { runCli } from '../audit/run-cli.js';
import { factOf, SAMPLE_CSV, SAMPLE_XLSX } from './sample.js';

const root = mkdtempSync(join(tmpdir(), 'duty-audit-explain-cli-'));

function cwdFor(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function args(target: string, extra: Partial<ExplainArgs> = {}): ExplainArgs {
  return { input: SAMPLE_XLSX, explain: target, lang: 'zh', mask: true, ...extra };
}

describe('duty-audit audit --explain (child process)', () => {
  it('prints the explanation, writes it as JSON with --json, writes no report, exits 0', () => {
    const cwd = cwdFor('explain-ok');
    const r = runCli(['audit', SAMPLE_CSV, '--explain', 'SL-2026-10-0003', '--json', 'out/explain.json'], cwd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('deadline（办结期限） = 2026-10-12');
    expect(r.stdout).toContain('阶梯 overdue_days 14 ≥ deductionFrom 11 → 扣除奖金');
    expect(r.stdout).toContain('JSON：out/explain.json');
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
    const json = JSON.parse(readFileSync(join(cwd, 'out', 'explain.json'), 'utf8')) as Explanation;
    expect(json).toMatchObject({ target: 'SL-2026-10-0003', targetKind: 'record-key', period: '2026-10' });
    expect(factOf(json.records[0]!, 'overdue_days')).toBe(14);
    expect(factOf(json.records[0]!, 'phone')).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('an unknown key exits 2 with a hint showing how keys look and the nearest ones', () => {
    const r = runCli(['audit', SAMPLE_XLSX, '--explain', 'SL-2026-10-009'], cwdFor('explain-unknown'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('本次审计中没有名为“SL-2026-10-009”的记录、问题或人员');
    expect(r.stderr).toMatch(/解决办法：请给出问题编号.*受理编号（SL-.*本次最接近的编号：SL-2026-10-0009/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help documents --explain and --all, in Chinese by default and in English with --lang en', () => {
    const zh = runCli(['audit', '--help'], root);
    expect(zh.stdout).toContain('--explain');
    expect(zh.stdout.replace(/\s+/g, '')).toContain('只有给出--out时才写报告');
    expect(zh.stdout).toContain('--all');
    const en = runCli(['audit', '--help', '--lang', 'en'], root);
    // The options' column narrows as longer options (--decisions) join it: compare the words, not the wrapping.
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('the report is written only with --out');
  });
});

describe('runExplain', () => {
  it('writes the report only when --out is given', async () => {
    const cwd = cwdFor('explain-out');
    const run = await runExplain(args('center', { out: 'r/center.xlsx' }), cwd);
    expect(run.exitCode).toBe(0);
    expect(run.report).toBe(join(cwd, 'r', 'center.xlsx'));
    expect(existsSync(run.report!)).toBe(true);
    expect(run.text).toContain('报告：r/center.xlsx');
    expect(run.explanation.records[0]!.scope).toBe('center');
  });

  it('a staff member in English, phones shown with --no-mask', async () => {
    const run = await runExplain(args('李敏', { lang: 'en', mask: false }), cwdFor('explain-staff'));
    const record = run.explanation.records[0]!;
    expect(record.scope).toBe('staff');
    expect(run.text).toContain('■ 李敏 · Staff board row');
    expect(run.text).toContain('Rules (staff): 4: 0 fired');
    expect(run.text).toContain(String(factOf(record, 'phone')));
    expect(run.json).toBeUndefined();
    expect(run.report).toBeUndefined();
  });

  it('a bad --lang is a usage error', async () => {
    const err = await runExplain(args('center', { lang: 'fr' }), root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).code).toBe('bad-usage');
  });
});
