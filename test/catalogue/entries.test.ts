/**
 * The catalogue as data (src/catalogue/entries.ts), seen through `--format json`: every shipped
 * rule with its params and grade, every fact with its sheets and origin, in an order that does
 * not depend on the file system.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factCatalogue, renderFacts, renderRules, ruleCatalogue } from '../../src/catalogue/catalogue.js';
import { ruleEntries, type FactEntry, type RuleEntry } from '../../src/catalogue/entries.js';
import { factsText } from '../../src/cli/commands/facts.js';
import { DutyAuditError } from '../../src/errors.js';
import { FACTS } from '../../src/facts/catalogue.js';
import { SCOPES } from '../../src/facts/scopes.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { loadClauses } from '../../src/rules/clauses.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { shippedRules } from './helpers.js';

const raw = shippedRules();
const entries = await ruleCatalogue(DEFAULT_RULES_DIR);
const all = factCatalogue();
const find = (scope: string, name: string) => all.find((f) => f.scope === scope && f.name === name)!;

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

  it('names each rule\'s event, a date fact of its scope', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('case-overdue')!.event).toBe('overdue_event_on');
    expect(byId.get('complaint-rude')!.event).toBe('complaint_event_on');
    expect(byId.get('repeated-errors')!.event).toBe('period_end');
    for (const e of entries) expect(FACTS.find((f) => f.scope === e.scope && f.name === e.event)?.type, e.id).toBe('date');
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
    const reversed = { ...ruleSet!, rules: [...ruleSet!.rules].reverse() };
    expect(ruleEntries(reversed)).toEqual(ruleEntries(ruleSet!));
  });

  it('renders the same text twice', async () => {
    expect(renderRules(await ruleCatalogue(DEFAULT_RULES_DIR), 'table', 'zh')).toBe(renderRules(entries, 'table', 'zh'));
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

describe('facts --format json', () => {
  const parsed = JSON.parse(renderFacts(all, 'json', 'zh')) as { facts: FactEntry[] };

  it('lists every fact of the library once, in the library’s order', () => {
    expect(parsed.facts.map((f) => `${f.scope}.${f.name}`)).toEqual(FACTS.map((f) => `${f.scope}.${f.name}`));
    expect(new Set(parsed.facts.map((f) => `${f.scope}.${f.name}`)).size).toBe(FACTS.length);
  });

  it('a column fact names its ledger column; a derived fact has none', () => {
    expect(find('case', 'received_on')).toMatchObject({ origin: 'column', column: '受理日期', type: 'date', sheets: ['cases'] });
    expect(find('case', 'overdue_days')).toMatchObject({ origin: 'derived', type: 'number', sheets: ['cases'] });
    expect(find('case', 'overdue_days').column).toBeUndefined();
  });

  it('the sheets needed are the scope’s own and every lookup sheet, in ledger order', () => {
    expect(find('case', 'statutory_days').sheets).toEqual(['cases', 'items']);
    expect(find('attendance', 'handover_exists').sheets).toEqual(['attendance', 'handovers']);
    expect(find('staff', 'badge').sheets).toEqual(['cases', 'staff']);
  });

  it('every fact has a meaning in both languages', () => {
    for (const f of parsed.facts) {
      expect(f.description.zh.length, `${f.scope}.${f.name}`).toBeGreaterThan(0);
      expect(f.description.en.length, `${f.scope}.${f.name}`).toBeGreaterThan(0);
    }
  });
});

describe('facts --scope', () => {
  it.each(SCOPES)('%s: only that scope’s facts', (scope) => {
    const parsed = JSON.parse(factsText({ scope, format: 'json', lang: 'zh' })) as { facts: FactEntry[] };
    expect(parsed.facts.map((f) => f.name)).toEqual(FACTS.filter((f) => f.scope === scope).map((f) => f.name));
  });
});
