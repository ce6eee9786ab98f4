/** `duty-audit facts`: every fact of the library, in every format, with its sheets and origin. */
import { describe, expect, it } from 'vitest';
import { factCatalogue, renderFacts } from '../../src/catalogue/catalogue.js';
import type { FactEntry } from '../../src/catalogue/types.js';
import { factsText } from '../../src/cli/commands/facts.js';
import { FACTS } from '../../src/facts/catalogue.js';
import { SCOPES } from '../../src/facts/scopes.js';

const all = factCatalogue();
const find = (scope: string, name: string) => all.find((f) => f.scope === scope && f.name === name)!;

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

describe('facts --format table / md', () => {
  it('table: every fact on a row of its scope, meaning in the chosen language', () => {
    const zh = renderFacts(all, 'table', 'zh');
    const en = renderFacts(all, 'table', 'en');
    expect(zh.split('\n')[0]).toMatch(/^范围 +事实 +类型 +来源 +所需工作表 +含义$/);
    expect(en.split('\n')[0]).toMatch(/^Scope +Fact +Type +Origin +Sheets needed +Meaning$/);
    for (const f of all) {
      expect(zh).toMatch(new RegExp(`^${f.scope} +${f.name} `, 'm'));
      expect(zh).toContain(f.description.zh);
      expect(en).toContain(f.description.en);
    }
    expect(zh).toMatch(/^case +received_on +日期 +列 受理日期 +cases /m);
    expect(en).toMatch(/^case +overdue_days +number +derived +cases /m);
    expect(zh).toContain(`共 ${all.length} 个事实`);
  });

  it('md: a section per scope, each fact with both meanings', () => {
    const md = renderFacts(all, 'md', 'zh');
    for (const scope of SCOPES) expect(md).toMatch(new RegExp(`^## ${scope} · `, 'm'));
    for (const f of all) expect(md).toContain(`| \`${f.name}\` |`);
    expect(md).toContain('| `overdue_days` | 数值 | 派生 | cases |');
  });
});
