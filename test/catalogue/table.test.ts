/** The terminal table (src/catalogue/table.ts): display widths, multi-line cells, and `--format table` of rules and facts. */
import { describe, expect, it } from 'vitest';
import { factCatalogue, renderFacts, renderRules, ruleCatalogue } from '../../src/catalogue/catalogue.js';
import { displayWidth, textTable } from '../../src/catalogue/table.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { shippedRules } from './helpers.js';

const raw = shippedRules();
const entries = await ruleCatalogue(DEFAULT_RULES_DIR);
const all = factCatalogue();

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['受理日期', 8],
    ['二.6', 4],
    ['\uff08全角\uff09', 8],
    ['(全角)', 6],
    ['≥ 3 →', 5],
    ['', 0],
  ])('%s is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('textTable', () => {
  it('aligns columns by display width, so Chinese cells line up', () => {
    const lines = textTable(['名称', 'n'], [['受理日期', '1'], ['id', '22']]);
    expect(lines).toEqual(['名称      n', '--------  --', '受理日期  1', 'id        22']);
  });

  it('a multi-line cell continues on the next line of the same row', () => {
    const lines = textTable(['a', 'b', 'c'], [['x', 'p = 1\nq = 2', 'z']]);
    expect(lines).toEqual(['a  b      c', '-  -----  -', 'x  p = 1  z', '   q = 2']);
  });
});

describe('rules list --format table', () => {
  it('zh: Chinese headers, every rule with its clause and Chinese title', () => {
    const text = renderRules(entries, 'table', 'zh');
    expect(text.split('\n')[0]).toMatch(/^规则 +条款 +标题 +范围 → 责任对象 +事件日期 +参数 +等级$/);
    for (const r of raw) {
      expect(text).toMatch(new RegExp(`^${r.id} +${r.clause.replace(/[.]/g, '\\.')} +${r.title.zh.replace(/[()"]/g, '.')}`, 'm'));
    }
    expect(text).toContain(`共 ${raw.length} 条规则`);
  });

  it('en: English headers and titles, ladder steps one per line', () => {
    const text = renderRules(entries, 'table', 'en');
    expect(text.split('\n')[0]).toMatch(/^Rule +Clause +Title +Scope → subject +Event date +Params +Grade$/);
    for (const r of raw) expect(text).toContain(r.title.en);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('case-overdue '));
    expect(lines[at]).toMatch(/criticismFrom = 3 +Reminder$/);
    expect(lines[at + 1]).toMatch(/deductionFrom = 11 +overdue_days ≥ 3 \(criticismFrom\) → Criticism$/);
    expect(lines[at + 2]).toMatch(/≥ 6 \(noticeFrom\) → Circulated notice$/);
  });
});

describe('facts --format table', () => {
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
});
