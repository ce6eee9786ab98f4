import { describe, expect, it } from 'vitest';
import { terminalSummary } from '../../src/report/terminal.js';
import { makeResult, manyFindings } from './fixture.js';

describe('terminalSummary', () => {
  it('shows counts by grade, people, data issues, rules not run and where the files are (zh)', () => {
    const text = terminalSummary(makeResult(), { lang: 'zh', report: 'reports/x.xlsx', json: 'x.json' });
    expect(text).toContain('城东社区便民服务中心 · 2026-10');
    expect(text).toContain('问题数：提醒 2 · 批评教育 2 · 通报批评 1 · 扣除奖金 1（合计 6）');
    expect(text).toMatch(/王强\s+扣除奖金\s+扣款 ¥200/);
    expect(text.indexOf('王强')).toBeLessThan(text.indexOf('李敏'));
    expect(text).toContain('数据问题：2（读取 40 行，搁置 2 行）');
    expect(text).toContain('未运行的规则：1');
    expect(text).toMatch(/\n {2}缺少工作表.AB岗交接：absence-without-handover\n/);
    expect(text).toContain('报告：reports/x.xlsx');
    expect(text).toContain('JSON：x.json');
  });

  it('speaks English with lang en', () => {
    const text = terminalSummary(makeResult(), { lang: 'en', report: 'r.xlsx' });
    expect(text).toContain('Findings: Reminder 2 · Criticism 2 · Circulated notice 1 · Bonus deduction 1 (total 6)');
    expect(text).toContain('Data issues: 2 (2 of 40 rows set aside)');
    expect(text).toContain('Report: r.xlsx');
    expect(text).toContain('Rules that did not run: 1\n  sheet absent: A/B handovers: absence-without-handover');
    expect(text).toMatch(/People to act on:\n/);
    expect(text).not.toContain('JSON:');
  });

  it('stays on one screen with many people', () => {
    const text = terminalSummary(makeResult(manyFindings(400)), { lang: 'zh' });
    expect(text).toContain('另有 27 人');
    expect(text.split('\n').length).toBeLessThan(25);
  });

  it('says nobody when there are no findings', () => {
    const text = terminalSummary(makeResult([], []), { lang: 'en' });
    expect(text).toContain('People to act on: none');
  });
});
