/** The district summary (src/batch/district-summary.ts): each audit's row, and the workbook of all of them. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rankByFigure } from '../../src/batch/center-ranking.js';
import { peopleToActOn, reaches, writeDistrictSummary } from '../../src/batch/district-summary.js';
import type { BatchEntry } from '../../src/batch/types.js';
import { summaryOf, tempDir } from './helpers.js';

const entries: BatchEntry[] = [
  {
    status: 'audited',
    input: { path: '/u/a.xlsx', display: 'u/a.xlsx', kind: 'xlsx' },
    sha256: 'aa',
    report: '城东-2026-10.xlsx',
    summary: {
      ...summaryOf('城东社区便民服务中心', '2026-10', { reminder: 3, notice: 1 }),
      toAct: { grade: 'notice', names: ['李四', '张三'] },
      service: { handled: 120, completedWithDeadline: 80, completedOnTime: 76, onTimeRate: 0.95, rated: 50, satisfied: 45, satisfactionRate: 0.9 },
    },
  },
  {
    status: 'skipped',
    input: { path: '/u/b', display: 'u/b/', kind: 'csv-folder' },
    sha256: 'bb',
    report: '城西-2026-10.xlsx',
    summary: {
      ...summaryOf('城西社区便民服务中心', '2026-10'),
      service: { handled: 60, completedWithDeadline: 40, completedOnTime: 40, onTimeRate: 1, rated: 0, satisfied: 0, satisfactionRate: null },
    },
  },
  {
    status: 'audited',
    input: { path: '/u/c.xlsx', display: 'u/c.xlsx', kind: 'xlsx' },
    sha256: 'cc',
    report: '城南-2026-10.xlsx',
    // A manifest written before the service figures: shown blank, not ranked.
    summary: summaryOf('城南社区便民服务中心', '2026-10'),
  },
  {
    status: 'failed',
    input: { path: '/u/bad.xlsx', display: 'u/bad.xlsx', kind: 'xlsx' },
    failure: { code: 'not-a-workbook', message: 'u/bad.xlsx is not a zip', hint: 'save it again as .xlsx' },
    fromManifest: false,
  },
  {
    status: 'failed',
    input: { path: '/u/x.pdf', display: 'u/x.pdf', kind: 'other' },
    failure: { code: 'worker-crashed', message: 'the worker stopped' },
    fromManifest: false,
  },
];

async function rowsOf(file: string, sheetName: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}; have ${book.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('rankByFigure: e-supervision ranking of centers', () => {
  it('ranks highest first; ties share a rank and the next skips; a missing figure is not ranked', () => {
    expect(rankByFigure([0.9, 1, null, 0.9, 0.5, undefined])).toEqual([2, 1, null, 2, 4, null]);
    expect(rankByFigure([])).toEqual([]);
  });
});

describe('district summary workbook', () => {
  it('has 汇总 with one row per center plus a total, and 失败文件 with each failure and its reason', async () => {
    const file = join(tempDir('summary'), 'district-summary-2026-10.xlsx');
    await writeDistrictSummary(entries, file, 'zh');
    const centers = await rowsOf(file, '汇总');
    expect(centers[0]).toEqual(['中心名称', '所属街道', '输入文件', '期间', '提醒', '批评教育', '通报批评', '扣除奖金', '问题合计', '待处理人员(最高等级)', '数据问题', '办件数', '按期办结率', '按期办结率排名', '满意率', '满意率排名', '报告文件', '本次状态']);
    expect(centers[1]).toEqual(['城东社区便民服务中心', '东城街道', 'u/a.xlsx', '2026-10', 3, 0, 1, 0, 4, '李四、张三 (通报批评)', 1, 120, 0.95, 2, 0.9, 1, '城东-2026-10.xlsx', '已审计']);
    expect(centers[2]).toEqual(['城西社区便民服务中心', '东城街道', 'u/b/', '2026-10', 0, 0, 0, 0, 0, '', 1, 60, 1, 1, '', '', '城西-2026-10.xlsx', '未变更,沿用']);
    expect(centers[3]).toEqual(['城南社区便民服务中心', '东城街道', 'u/c.xlsx', '2026-10', 0, 0, 0, 0, 0, '', 1, '', '', '', '', '', '城南-2026-10.xlsx', '已审计']);
    expect(centers[4]?.slice(0, 12)).toEqual(['合计', undefined, undefined, undefined, 3, 0, 1, 0, 4, undefined, 3, 180]);
    expect(centers).toHaveLength(5);

    const failed = await rowsOf(file, '失败文件');
    expect(failed[0]).toEqual(['输入文件', '错误代码', '原因', '详细说明', '处理建议']);
    expect(failed[1]).toEqual(['u/bad.xlsx', 'not-a-workbook', '不是xlsx工作簿', 'u/bad.xlsx is not a zip', 'save it again as .xlsx']);
    expect(failed[2]?.slice(0, 3)).toEqual(['u/x.pdf', 'worker-crashed', '审计进程崩溃']);
    expect(failed).toHaveLength(3);
  });

  it('speaks English with lang en', async () => {
    const file = join(tempDir('summary'), 'district-summary-2026-10.xlsx');
    await writeDistrictSummary(entries, file, 'en');
    const centers = await rowsOf(file, 'Summary');
    expect(centers[0]?.[0]).toBe('Center');
    expect(centers[1]?.[9]).toBe('李四, 张三 (Circulated notice)');
    expect(centers[0]?.slice(11, 16)).toEqual(['Cases handled', 'On-time rate', 'On-time rank', 'Satisfaction rate', 'Satisfaction rank']);
    expect(centers[2]?.[17]).toBe('unchanged, kept');
    const failed = await rowsOf(file, 'Failed files');
    expect(failed[1]?.[2]).toBe('not an xlsx workbook');
  });

  it('still writes both sheets, headers only, when nothing was audited or nothing failed', async () => {
    const file = join(tempDir('summary'), 's.xlsx');
    await writeDistrictSummary([], file, 'zh');
    expect(await rowsOf(file, '汇总')).toHaveLength(1);
    expect(await rowsOf(file, '失败文件')).toHaveLength(1);
  });
});

describe('center summary helpers', () => {
  const person = (name: string, highest: 'reminder' | 'criticism' | 'notice', n = 1) => ({
    name,
    highest,
    counts: { reminder: highest === 'reminder' ? n : 0, criticism: highest === 'criticism' ? n : 0, notice: highest === 'notice' ? n : 0, deduction: 0 },
    sanction: { zh: '', en: '' },
    deductionYuan: 0,
    merged: 0,
    withdrawn: 0,
    reportedBefore: 0,
  });

  it('names the people whose highest grade is the center’s highest', () => {
    expect(peopleToActOn([person('王五', 'reminder'), person('张三', 'notice'), person('李四', 'notice'), person('赵六', 'criticism')])).toEqual({
      grade: 'notice',
      names: ['李四', '张三'],
    });
    expect(peopleToActOn([])).toBeNull();
    expect(peopleToActOn([person('空', 'reminder', 0)])).toBeNull();
  });

  it('reaches a grade when any finding is at or above it', () => {
    const s = summaryOf('A', '2026-10', { criticism: 1 });
    expect(reaches(s, 'reminder')).toBe(true);
    expect(reaches(s, 'criticism')).toBe(true);
    expect(reaches(s, 'notice')).toBe(false);
  });
});
