/**
 * 预警 in the report (docs/report.md): the sheet between 人员汇总 and 数据问题, the JSON's
 * `warnings` and `summary.byWarning`, the counts in 汇总 and on the terminal. A warning grades
 * no one: no grade column, and the grade counts do not move.
 */
import { describe, expect, it } from 'vitest';
import { GRADE_LABELS, GRADES } from '../../src/grade-scale.js';
import { toReportJson } from '../../src/report/json.js';
import { terminalSummary } from '../../src/report/terminal.js';
import { makeResult, WARNINGS } from './fixture.js';
import { rowsOf, tableRecords, writtenBook } from './read-back.js';
import { schemaErrors } from './schema.js';


describe('the 预警 sheet', () => {
  it('lists each warning with its kind, record, subject, dates, working days left and finding; no grade', async () => {
    const rows = tableRecords((await writtenBook(makeResult())).getWorksheet('预警')!);
    expect(rows).toEqual([
      { 预警类型: '即将到期', 记录: 'SL-2026-10-0120', 责任人: '王强', 日期: expect.any(Date), 办结期限: expect.any(Date), 剩余工作日: 1, 延期原因: null, 问题编号: null, 工作表: '办件台账', 行: 20, 记录编号: 'SL-2026-10-0120' },
      { 预警类型: '已超期未办结', 记录: 'SL-2026-10-0042', 责任人: '李敏', 日期: expect.any(Date), 办结期限: expect.any(Date), 剩余工作日: -4, 延期原因: null, 问题编号: 'F-0000000000aa', 工作表: '办件台账', 行: 14, 记录编号: 'SL-2026-10-0042' },
      { 预警类型: '投诉待查', 记录: 'TS-2026-10-004', 责任人: '王强', 日期: expect.any(Date), 办结期限: null, 剩余工作日: null, 延期原因: null, 问题编号: null, 工作表: '投诉登记', 行: 5, 记录编号: 'TS-2026-10-004' },
    ]);
    expect((rows[1]!['办结期限'] as Date).toISOString().slice(0, 10)).toBe('2026-10-26');
  });

  it('is there, with only its header, when there is nothing to warn of; in English with --lang en', async () => {
    const wb = await writtenBook(makeResult(undefined, undefined, []), { lang: 'en' });
    expect(rowsOf(wb.getWorksheet('Warnings')!)).toEqual([['Warning', 'Record', 'Subject', 'Date', 'Due on', 'Working days left', 'Extension reason', 'Finding ID', 'Sheet', 'Row', 'Record key']]);
  });
});

describe('warnings in the JSON and the summaries', () => {
  it('JSON: warnings with every field, summary.byWarning, valid against the report schema', () => {
    const json = toReportJson(makeResult(), { lang: 'zh', mask: true });
    expect(schemaErrors(json)).toEqual([]);
    expect(json.summary.byWarning).toEqual({ 'due-soon': 1, 'overdue-open': 1, 'pending-complaint': 1 });
    expect(json.warnings[1]).toEqual({
      kind: 'overdue-open',
      kindText: '已超期未办结',
      ref: { sheet: 'cases', row: 14, key: 'SL-2026-10-0042' },
      subject: { kind: 'staff', name: '李敏' },
      date: '2026-10-08',
      dueOn: '2026-10-26',
      workingDaysLeft: -4,
      findingId: 'F-0000000000aa',
    });
    expect(json.warnings[2]).toMatchObject({ kind: 'pending-complaint', dueOn: null, workingDaysLeft: null, findingId: null });
  });

  it('汇总 and the terminal show the counts; the grade counts are those of the findings alone', async () => {
    const with3 = makeResult();
    const without = makeResult(undefined, undefined, []);
    // The 预警 block is on the left: label and count in columns A and B.
    const counts = new Map(rowsOf((await writtenBook(with3)).getWorksheet('汇总')!).map((r) => [r[0], r[1]]));
    expect(counts.get('即将到期')).toBe(1);
    expect(counts.get('已超期未办结')).toBe(1);
    expect(counts.get('投诉待查')).toBe(1);
    expect(terminalSummary(with3, { lang: 'zh' })).toContain('预警：即将到期 1 · 已超期未办结 1 · 投诉待查 1');
    expect(terminalSummary(without, { lang: 'en' })).toContain('Warnings: Due soon 0 · Open past its deadline 0 · Complaint pending 0');
    // 汇总's grade counts as written with and without the warnings (it compared the fixture's own
    // byGrade, which no code under src/ builds, so it could not fail).
    const countsWithout = new Map(rowsOf((await writtenBook(without)).getWorksheet('汇总')!).map((r) => [r[0], r[1]]));
    for (const grade of GRADES) {
      expect(typeof counts.get(GRADE_LABELS[grade].zh), grade).toBe('number');
      expect(counts.get(GRADE_LABELS[grade].zh), grade).toBe(countsWithout.get(GRADE_LABELS[grade].zh));
    }
    expect(WARNINGS.map((w) => w.kind)).toEqual(['due-soon', 'overdue-open', 'pending-complaint']);
  });
});
