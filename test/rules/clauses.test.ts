import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleOf, loadClauses } from '../../src/rules/clauses.js';
import { parseSeedClauses } from '../../src/rules/seed-clauses.js';
import { DEFAULT_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js';

/** The center's published work rules, kept in the repository so this check always runs. */
const SEED = join(PACKAGE_ROOT, 'docs', 'seed', 'work-rules.zh.md');
const shipped = loadClauses(DEFAULT_RULES_DIR);

describe('rules/clauses.json', () => {
  it('matches the seed text exactly (regenerate with npx tsx src/rules/seed-clauses.ts)', () => {
    expect(shipped).toEqual(parseSeedClauses(readFileSync(SEED, 'utf8')));
  });

  it('holds every article and every item, e.g. 全程代理制/三 and 三.1–三.4, 失职追究制/二.1–二.10', () => {
    expect(shipped['全程代理制/三']).toBe('全程代理由受理、办理、回复三个工作环节组成:');
    for (const i of [1, 2, 3, 4]) expect(shipped[`全程代理制/三.${i}`]).toBeTruthy();
    for (let i = 1; i <= 10; i++) expect(shipped[`失职追究制/二.${i}`]).toBeTruthy();
    expect(shipped['失职追究制/二.6']).toBe('对服务对象的申请办理事项"拖、压、卡",或无特殊原因超过时限未办结的');
    expect(shipped['服务承诺制/一.3']).toMatch(/^服务优质/);
    expect(shipped['办事公开制/五']).toMatch(/^监督措施公开/);
    expect(Object.keys(shipped)).toHaveLength(55);
  });

  it('every key has the regime/article[.item] form the rule schema accepts', () => {
    for (const key of Object.keys(shipped)) expect(key).toMatch(/^[^/\s]+\/[一二三四五六七八九十]+(\.\d+)?$/);
  });
});

describe('parseSeedClauses', () => {
  it('reads regimes, articles and numbered items, dropping the list punctuation', () => {
    const text = ['# title', 'intro 一、not a clause', '## 甲制 (a)', '一、第一条;', '二、第二条:', '1、甲项;', '2、乙项。', '## 乙制', '一、另一条'].join('\n');
    expect(parseSeedClauses(text)).toEqual({
      '甲制/一': '第一条',
      '甲制/二': '第二条:',
      '甲制/二.1': '甲项',
      '甲制/二.2': '乙项',
      '乙制/一': '另一条',
    });
  });

  it('articleOf strips an item', () => {
    expect(articleOf('失职追究制/二.10')).toBe('失职追究制/二');
    expect(articleOf('办事公开制/五')).toBe('办事公开制/五');
  });
});
