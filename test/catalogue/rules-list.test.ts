/** `duty-audit rules list`: every shipped rule in every format, with its params and grade. */
import { describe, expect, it } from 'vitest';
import { renderRules, ruleCatalogue } from '../../src/catalogue/catalogue.js';
import { ruleEntries } from '../../src/catalogue/rule-entry.js';
import type { RuleEntry } from '../../src/catalogue/types.js';
import { DutyAuditError } from '../../src/errors.js';
import { loadClauses } from '../../src/rules/clauses.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { shippedRules } from './helpers.js';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const raw = shippedRules();
const entries = await ruleCatalogue(DEFAULT_RULES_DIR);

describe('rules list --format json', () => {
  const parsed = JSON.parse(renderRules(entries, 'json', 'zh')) as { rules: RuleEntry[] };

  it('lists every rule file exactly once', () => {
    expect(raw.length).toBeGreaterThanOrEqual(30);
    expect(parsed.rules.map((r) => r.id).sort()).toEqual(raw.map((r) => r.id).sort());
  });

  it('carries each rule’s clause, titles, scope, file and every param with its value', () => {
    for (const r of raw) {
      const e = parsed.rules.find((x) => x.id === r.id)!;
      expect(e).toMatchObject({ clause: r.clause, title: r.title, scope: r.scope, regime: r.clause.split('/')[0], file: r.file.split('\\').join('/') });
      expect(Object.fromEntries(e.params.map((p) => [p.name, p.value]))).toEqual(Object.fromEntries(Object.entries(r.params).map(([k, p]) => [k, p.value])));
    }
  });

  it('resolves a ladder’s thresholds from its params (case-overdue)', () => {
    const e = parsed.rules.find((x) => x.id === 'case-overdue')!;
    expect(e.grade).toEqual({
      kind: 'ladder',
      base: 'reminder',
      fact: 'overdue_days',
      steps: [
        { min: 3, param: 'criticismFrom', grade: 'criticism' },
        { min: 6, param: 'noticeFrom', grade: 'notice' },
        { min: 11, param: 'deductionFrom', grade: 'deduction' },
      ],
    });
  });

  it('describes every kind of grade the catalogue uses', () => {
    const kinds = new Set(parsed.rules.map((r) => r.grade.kind));
    expect([...kinds].sort()).toEqual(['base', 'byValue', 'fromFact', 'ladder']);
    expect(parsed.rules.find((r) => r.id === 'complaint-rude')!.grade).toEqual({ kind: 'byValue', fact: 'substantiated', map: { 是: 'criticism' } });
    expect(parsed.rules.find((r) => r.id === 'other-dereliction')!.grade).toEqual({ kind: 'fromFact', fact: 'suggested_grade' });
    expect(parsed.rules.find((r) => r.id === 'materials-lost')!.grade).toEqual({ kind: 'base', base: 'notice' });
  });

  it('names the sheets a rule needs', () => {
    expect(parsed.rules.find((r) => r.id === 'absence-without-handover')!.requires).toEqual(['attendance', 'handovers']);
  });
});

describe('catalogue order', () => {
  it('follows the seed: regimes and clauses in clauses.json order, then id', () => {
    const clauses = Object.keys(loadClauses(DEFAULT_RULES_DIR));
    const positions = entries.map((e) => clauses.indexOf(e.clause));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const sameClause = entries.filter((e) => e.clause === '失职追究制/二.9').map((e) => e.id);
    expect(sameClause).toEqual([...sameClause].sort());
  });

  it('does not depend on the order the loader found the files in', async () => {
    const { ruleSet } = await loadRuleSet(DEFAULT_RULES_DIR);
    const clauses = loadClauses(DEFAULT_RULES_DIR);
    const reversed = { ...ruleSet!, rules: [...ruleSet!.rules].reverse() };
    expect(ruleEntries(reversed, clauses)).toEqual(ruleEntries(ruleSet!, clauses));
  });

  it('renders the same text twice', async () => {
    expect(renderRules(await ruleCatalogue(DEFAULT_RULES_DIR), 'table', 'zh')).toBe(renderRules(entries, 'table', 'zh'));
  });
});

describe('rules list --format table', () => {
  it('zh: Chinese headers, every rule with its clause and Chinese title', () => {
    const text = renderRules(entries, 'table', 'zh');
    expect(text.split('\n')[0]).toMatch(/^规则 +条款 +标题 +范围 → 责任对象 +参数 +等级$/);
    for (const r of raw) {
      expect(text).toMatch(new RegExp(`^${r.id} +${r.clause.replace(/[.]/g, '\\.')} +${r.title.zh.replace(/[()"]/g, '.')}`, 'm'));
    }
    expect(text).toContain(`共 ${raw.length} 条规则`);
  });

  it('en: English headers and titles, ladder steps one per line', () => {
    const text = renderRules(entries, 'table', 'en');
    expect(text.split('\n')[0]).toMatch(/^Rule +Clause +Title +Scope → subject +Params +Grade$/);
    for (const r of raw) expect(text).toContain(r.title.en);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('case-overdue '));
    expect(lines[at]).toMatch(/criticismFrom = 3 +Reminder$/);
    expect(lines[at + 1]).toMatch(/deductionFrom = 11 +overdue_days ≥ 3 \(criticismFrom\) → Criticism$/);
    expect(lines[at + 2]).toMatch(/≥ 6 \(noticeFrom\) → Circulated notice$/);
  });
});

describe('rules list --format md', () => {
  const md = renderRules(entries, 'md', 'zh');

  it('one section per regime, every rule a row with both titles', () => {
    for (const regime of new Set(raw.map((r) => r.clause.split('/')[0]))) expect(md).toContain(`\n## ${regime}\n`);
    for (const r of raw) expect(md).toContain(`| \`${r.id}\` | ${r.clause} | ${r.title.zh}<br>${r.title.en} |`);
  });

  it('starts with the line saying it is generated and by which command', () => {
    expect(md.split('\n')[0]).toMatch(/^<!-- Generated by `duty-audit rules list --write` .*do not edit by hand/);
    expect(md).toContain('本文件由 `duty-audit rules list --write` 从规则文件和事实库生成');
  });
});

describe('a rules folder with problems', () => {
  it('is a bad-rules error listing file:line:col', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-catalogue-'));
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'broken.json'), '{ "id": ');
    const err = await ruleCatalogue(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).code).toBe('bad-rules');
    expect((err as DutyAuditError).message).toMatch(/broken\.json:1:\d+ {2}not valid JSON/);
  });
});
