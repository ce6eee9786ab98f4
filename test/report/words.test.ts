/**
 * The report's words that are computed, not looked up: the escalation note, the local
 * generated-at time, a record in words, the grade colours as they print in grey, and the one
 * clause order shared by the report, `rules list` and the catalogue.
 */
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/catalogue/catalogue.js';
import { GRADES } from '../../src/grade-scale.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { articleNumber, compareClauses, regimeOrder } from '../../src/rules/clauses.js';
import { escalationText, recordText } from '../../src/report/labels.js';
import { localTime } from '../../src/report/xlsx/run-sheet.js';
import { GRADE_FILLS, GRADE_TEXT } from '../../src/report/xlsx/style.js';
import { defaultReportPath } from '../../src/cli/commands/audit.js';
import { makeResult } from './fixture.js';
import { sampleResult } from './sample-report.js';

describe('the escalation note', () => {
  it('says how many grades a repeat actually raised', () => {
    expect(escalationText({ kind: 'repeat', occurrence: 3, steps: 1, capped: false }, 'zh', 1)).toBe('同一条款本月第3次，上调1级');
    expect(escalationText({ kind: 'repeat', occurrence: 5, steps: 2, capped: true }, 'zh', 1)).toBe('同一条款本月第5次，上调1级，已达上限');
    expect(escalationText({ kind: 'repeat', occurrence: 3, steps: 1, capped: false }, 'en', 1)).toBe('occurrence 3 of this clause this month: raised 1 grade');
  });

  it('never reads 上调0级 when nothing was raised: below the repeat count, or already at the cap', () => {
    const below = escalationText({ kind: 'repeat', occurrence: 2, steps: 0, capped: false }, 'zh', 0);
    expect(below).toBe('同一条款本月第2次，未达上调次数');
    const atCap = escalationText({ kind: 'repeat', occurrence: 3, steps: 1, capped: true }, 'zh', 0);
    expect(atCap).toBe('同一条款本月第3次，已达上调上限');
    for (const t of [below, atCap]) expect(t).not.toMatch(/上调0级/);
    expect(escalationText({ kind: 'repeat', occurrence: 2, steps: 0, capped: false }, 'en', 0)).not.toMatch(/raised 0/);
    expect(escalationText({ kind: 'none' }, 'zh')).toBe('');
  });
});

describe('生成时间', () => {
  it('is local time to the minute with the UTC offset stated once', () => {
    expect(localTime('2026-11-29T04:21:08.291Z', 'zh', 8 * 60)).toBe('2026-11-29 12:21（UTC+08:00）');
    expect(localTime('2026-11-29T04:21:08.291Z', 'en', -5 * 60 - 30)).toBe('2026-11-28 22:51 (UTC-05:30)');
    expect(localTime('2026-11-29T23:59:00Z', 'zh', 60)).toBe('2026-11-30 00:59（UTC+01:00）');
  });

  it('uses the machine’s offset at that instant when none is given', () => {
    const offset = -new Date('2026-11-29T04:21:08Z').getTimezoneOffset();
    expect(localTime('2026-11-29T04:21:08Z', 'zh')).toBe(localTime('2026-11-29T04:21:08Z', 'zh', offset));
  });
});

describe('a record in words', () => {
  it('is its key where the key names something, else the sheet and row in words', () => {
    expect(recordText({ sheet: 'cases', row: 14, key: 'SL-2026-10-0042' }, 'zh')).toBe('SL-2026-10-0042');
    expect(recordText({ sheet: 'attendance', row: 10, key: '陈静@2026-10-12' }, 'zh')).toBe('陈静 2026-10-12');
    expect(recordText({ sheet: 'center', row: 3, key: 'center' }, 'zh')).toBe('中心信息第3行');
    expect(recordText({ sheet: 'cases', row: 129, key: 'cases' }, 'zh')).toBe('办件台账第129行');
    expect(recordText({ sheet: 'center', row: 3, key: 'center' }, 'en')).toBe('Center row 3');
  });
});

describe('grade colours', () => {
  /** How a printer turns a colour grey (ITU-R BT.601 luma), 0 black … 255 white. */
  const grey = (argb: string): number => {
    const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16)) as [number, number, number];
    return 0.299 * r + 0.587 * g + 0.114 * b;
  };

  it('darken with the grade, at least 50 grey levels a step, so they stay in order on a grey print', () => {
    const greys = GRADES.map((g) => grey(GRADE_FILLS[g]));
    for (let i = 1; i < greys.length; i++) expect(greys[i - 1]! - greys[i]!, GRADES[i]).toBeGreaterThanOrEqual(50);
  });

  it('扣除奖金 is red, and its word is white so it reads on it', () => {
    const [r, g, b] = [2, 4, 6].map((i) => parseInt(GRADE_FILLS.deduction.slice(i, i + 2), 16)) as [number, number, number];
    expect(r).toBeGreaterThan(150);
    expect(g + b).toBeLessThan(40);
    for (const grade of GRADES) expect(Math.abs(grey(GRADE_FILLS[grade]) - grey(GRADE_TEXT[grade])), grade).toBeGreaterThanOrEqual(100);
  });
});

describe('the one clause order', () => {
  it('numbers articles as numbers: 一 二 三 四 五, 十, 十二', () => {
    expect(['一', '二', '三', '四', '五', '十', '十一', '十二', '二十'].map(articleNumber)).toEqual([1, 2, 3, 4, 5, 10, 11, 12, 20]);
  });

  it('puts 二.2 before 二.10 and 办事公开制/一 二 三 四 五 in order, regimes as the seed lists them', () => {
    const shuffled = ['失职追究制/二.10', '办事公开制/三', '失职追究制/二.2', '办事公开制/五', '工作人员守则/七', '办事公开制/一', '失职追究制/二.1', '办事公开制/四', '办事公开制/二'];
    expect([...shuffled].sort(compareClauses)).toEqual(['工作人员守则/七', '办事公开制/一', '办事公开制/二', '办事公开制/三', '办事公开制/四', '办事公开制/五', '失职追究制/二.1', '失职追究制/二.2', '失职追究制/二.10']);
    expect(regimeOrder()[0]).toBe('工作人员守则');
    expect(regimeOrder().at(-1)).toBe('失职追究制');
  });

  it('puts a regime the seed lacks after the known ones, and is total', () => {
    expect(['甲制/一', '失职追究制/二.1'].sort(compareClauses)).toEqual(['失职追究制/二.1', '甲制/一']);
    expect(compareClauses('失职追究制/二.1', '失职追究制/二.1')).toBe(0);
  });

  it('is the order of `rules list` and of the report’s clause counts', async () => {
    const listed = (await ruleCatalogue(DEFAULT_RULES_DIR)).map((e) => e.clause);
    expect(listed).toEqual([...listed].sort(compareClauses));
    expect(listed.indexOf('失职追究制/二.2')).toBeLessThan(listed.indexOf('失职追究制/二.10'));
    const counted = Object.keys((await sampleResult()).summary.byClause);
    expect(counted).toEqual([...counted].sort(compareClauses));
    expect(counted.indexOf('办事公开制/二')).toBeLessThan(counted.indexOf('办事公开制/三'));
  });
});

describe('default report names', () => {
  it('an English report ends in -en and never takes the Chinese one’s name', () => {
    const r = makeResult();
    expect(defaultReportPath(r, '/w')).toBe('/w/reports/城东社区便民服务中心-2026-10.xlsx');
    expect(defaultReportPath(r, '/w', 'en')).toBe('/w/reports/城东社区便民服务中心-2026-10-en.xlsx');
  });
});
