/** The district summary (src/batch/district-summary.ts): each audit's row, and the workbook of all of them. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rankByFigure } from '../../src/batch/center-ranking.js';
import { peopleToActOn, reaches, writeDistrictSummary } from '../../src/batch/district-summary.js';
import { batchFailure, type BatchEntry } from '../../src/batch/types.js';
import { msg } from '../../src/messages/catalogue.js';
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

/** Rows after the title line and the header, as records keyed by the header. */
async function records(file: string, sheetName: string): Promise<{ title: unknown; header: unknown[]; rows: Record<string, unknown>[] }> {
  const [titleRow, header = [], ...rest] = await rowsOf(file, sheetName);
  return { title: titleRow?.[0], header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null]))) };
}

describe('district summary workbook', () => {
  it('汇总: a title line (district, period), then one row per input — centers with counts, failed files with why — and a total', async () => {
    const file = join(tempDir('summary'), 'district-summary-2026-10.xlsx');
    await writeDistrictSummary(entries, file, { lang: 'zh', period: '2026-10' });
    const { title, header, rows } = await records(file, '汇总');
    expect(title).toBe('东城街道2026-10便民服务中心工作制度检查汇总');
    expect(header).toEqual(['中心名称', '提醒', '批评教育', '通报批评', '扣除奖金', '问题合计', '待处理人员（最高等级）', '数据问题', '办件数', '按期办结率', '按期办结率排名', '满意率', '满意率排名', '本次状态', '所属街道', '期间', '输入文件', '报告文件']);
    expect(rows[0]).toEqual({ 中心名称: '城东社区便民服务中心', 提醒: 3, 批评教育: 0, 通报批评: 1, 扣除奖金: 0, 问题合计: 4, '待处理人员（最高等级）': '李四、张三（通报批评）', 数据问题: 1, 办件数: 120, 按期办结率: 0.95, 按期办结率排名: 2, 满意率: 0.9, 满意率排名: 1, 本次状态: '已审计', 所属街道: '东城街道', 期间: '2026-10', 输入文件: 'u/a.xlsx', 报告文件: '城东-2026-10.xlsx' });
    expect(rows[1]).toMatchObject({ 中心名称: '城西社区便民服务中心', 按期办结率排名: 1, 满意率: null, 本次状态: '未变更，沿用' });
    expect(rows[2]).toMatchObject({ 中心名称: '城南社区便民服务中心', 办件数: null, 按期办结率排名: null });
    expect(rows[3]).toMatchObject({ 中心名称: 'u/bad.xlsx', 问题合计: null, 本次状态: '审计失败：不是xlsx工作簿', 输入文件: 'u/bad.xlsx' });
    expect(rows[4]).toMatchObject({ 中心名称: 'u/x.pdf', 本次状态: '审计失败：审计进程崩溃' });
    expect(rows[5]).toMatchObject({ 中心名称: '合计', 提醒: 3, 通报批评: 1, 问题合计: 4, 数据问题: 3, 办件数: 180 });
    expect(rows).toHaveLength(6);

    const failed = await records(file, '失败文件');
    expect(failed.header).toEqual(['输入文件', '错误代码', '原因', '详细说明', '处理建议']);
    expect(failed.rows[0]).toEqual({ 输入文件: 'u/bad.xlsx', 错误代码: 'not-a-workbook', 原因: '不是xlsx工作簿', 详细说明: 'u/bad.xlsx is not a zip', 处理建议: 'save it again as .xlsx' });
    expect(failed.rows[1]).toMatchObject({ 输入文件: 'u/x.pdf', 错误代码: 'worker-crashed', 原因: '审计进程崩溃' });
    expect(failed.rows).toHaveLength(2);
  });

  it('失败文件 shows a failure in the summary\'s language (it was always English: the manifest kept only the English words)', async () => {
    const failure = batchFailure('not-a-workbook', msg('ledger.oldXls', { file: 'u/old.xls' }), msg('ledger.saveAsXlsx.hint'));
    const old: BatchEntry = { status: 'failed', input: { path: '/u/old.xls', display: 'u/old.xls', kind: 'xlsx' }, failure, fromManifest: false };
    for (const [lang, detail, fix] of [
      ['zh', 'u/old.xls：这是旧版 Excel 97–2003（.xls）文件，无法读取', '请在 Excel 或 WPS 中打开，另存为 .xlsx（文件 → 另存为 → Excel 工作簿）'],
      ['en', 'u/old.xls: an old Excel 97–2003 (.xls) file, which cannot be read', 'open it in Excel or WPS and save it as .xlsx (File → Save As → Excel Workbook)'],
    ] as const) {
      const file = join(tempDir('summary'), `failed-${lang}.xlsx`);
      await writeDistrictSummary([entries[0]!, old], file, { lang, period: '2026-10' });
      const [, , row] = await rowsOf(file, lang === 'zh' ? '失败文件' : 'Failed files');
      expect(row?.slice(3)).toEqual([detail, fix]);
    }
  });

  it('counts a center and month uploaded three times once: the later uploads are warning rows outside the totals and ranks', async () => {
    const again = (path: string, grades: Parameters<typeof summaryOf>[2]): BatchEntry => ({
      status: 'audited',
      input: { path, display: path.slice(1), kind: 'xlsx' },
      sha256: path,
      report: `城东-2026-10-${path.length}.xlsx`,
      summary: { ...summaryOf('城东社区便民服务中心', '2026-10', grades), service: { handled: 99, completedWithDeadline: 10, completedOnTime: 10, onTimeRate: 1, rated: 1, satisfied: 1, satisfactionRate: 1 } },
    });
    const file = join(tempDir('summary'), 'dup.xlsx');
    await writeDistrictSummary([entries[0]!, again('/u/a2.xlsx', { deduction: 5 }), again('/u/a33.xlsx', { deduction: 7 }), entries[1]!], file, { lang: 'zh', period: '2026-10' });
    const { rows } = await records(file, '汇总');
    expect(rows.map((r) => r['本次状态'])).toEqual([
      '已审计',
      '重复上传，未计入合计（与u/a.xlsx同为城东社区便民服务中心 2026-10）',
      '重复上传，未计入合计（与u/a.xlsx同为城东社区便民服务中心 2026-10）',
      '未变更，沿用',
      null,
    ]);
    expect(rows[1]).toMatchObject({ 扣除奖金: 5, 按期办结率排名: null, 满意率排名: null });
    const total = rows.at(-1)!;
    expect(total).toMatchObject({ 中心名称: '合计', 提醒: 3, 通报批评: 1, 扣除奖金: 0, 问题合计: 4, 办件数: 180 });
    // ranks among the counted centers only: 城西 (100%) first, 城东 (95%) second
    expect(rows[0]!['按期办结率排名']).toBe(2);
    expect(rows[3]!['按期办结率排名']).toBe(1);
  });

  it('keeps a month other than the summary\'s out of its totals and ranks (regression: a batch over September and October added September into October\'s totals)', async () => {
    const september: BatchEntry = {
      status: 'audited',
      input: { path: '/u/a-09.xlsx', display: 'u/a-09.xlsx', kind: 'xlsx' },
      sha256: 'a9',
      report: '城东-2026-09.xlsx',
      summary: { ...summaryOf('城东社区便民服务中心', '2026-09', { deduction: 6 }), service: { handled: 500, completedWithDeadline: 10, completedOnTime: 10, onTimeRate: 1, rated: 1, satisfied: 1, satisfactionRate: 1 } },
    };
    const file = join(tempDir('summary'), 'months.xlsx');
    await writeDistrictSummary([september, entries[0]!, entries[1]!], file, { lang: 'zh', period: '2026-10' });
    const { rows } = await records(file, '汇总');
    expect(rows[0]).toMatchObject({ 中心名称: '城东社区便民服务中心', 期间: '2026-09', 扣除奖金: 6, 按期办结率排名: null, 满意率排名: null, 本次状态: '其他月份（2026-09），未计入2026-10合计' });
    // October's ranks among October's centers: 城西 (100%) first, 城东 (95%) second; September's 100% takes no place.
    expect(rows[1]).toMatchObject({ 期间: '2026-10', 按期办结率排名: 2, 满意率排名: 1 });
    expect(rows[2]).toMatchObject({ 期间: '2026-10', 按期办结率排名: 1 });
    expect(rows.at(-1)).toMatchObject({ 中心名称: '合计', 提醒: 3, 通报批评: 1, 扣除奖金: 0, 问题合计: 4, 办件数: 180 });

    const en = join(tempDir('summary'), 'months-en.xlsx');
    await writeDistrictSummary([september, entries[0]!], en, { lang: 'en', period: '2026-10' });
    expect((await records(en, 'Summary')).rows[0]).toMatchObject({ 'This run': 'another month (2026-09), not in the 2026-10 totals' });
  });

  it('prints like the report: A4 landscape one page wide, title and header on every page, the file columns on screen only', async () => {
    const file = join(tempDir('summary'), 'print.xlsx');
    await writeDistrictSummary(entries, file, { lang: 'zh', period: '2026-10' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    for (const ws of book.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
      expect(ws.headerFooter.oddHeader).toBe('&L东城街道&C&"等线,Bold"&A&R检查期间 2026-10');
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      ws.eachRow((row) => expect(row.height, `${ws.name} row ${row.number}`).toBeGreaterThan(0));
    }
    expect((book.getWorksheet('汇总')!.pageSetup as { printArea?: string }).printArea).toBe('A1:N8');
  });

  it('keeps the title line and the header in view and filters from the header down (the report’s openTable with a title)', async () => {
    const file = join(tempDir('summary'), 'frozen.xlsx');
    await writeDistrictSummary(entries, file, { lang: 'zh', period: '2026-10' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const [centers, failed] = [book.getWorksheet('汇总')!, book.getWorksheet('失败文件')!];
    for (const ws of [centers, failed]) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
    }
    // 汇总: header, five inputs and the total under 18 columns; 失败文件: header and two failures.
    expect(centers.autoFilter).toBe('A2:R8');
    expect(failed.autoFilter).toBe('A2:E4');
    expect(failed.getRow(2).getCell(1).value).toBe('输入文件');
  });

  it('speaks English with lang en', async () => {
    const file = join(tempDir('summary'), 'district-summary-2026-10-en.xlsx');
    await writeDistrictSummary(entries, file, { lang: 'en', period: '2026-10' });
    const { title, header, rows } = await records(file, 'Summary');
    expect(title).toBe('Service center work-rules audit: 东城街道, 2026-10');
    expect(header[0]).toBe('Center');
    expect(rows[0]!['People to act on (highest grade)']).toBe('李四, 张三 (Circulated notice)');
    expect(header.slice(8, 13)).toEqual(['Cases handled', 'On-time rate', 'On-time rank', 'Satisfaction rate', 'Satisfaction rank']);
    expect(rows[1]!['This run']).toBe('unchanged, kept');
    expect(rows[3]!['This run']).toBe('failed: not an xlsx workbook');
    const failed = await records(file, 'Failed files');
    expect(failed.rows[0]!['Reason']).toBe('not an xlsx workbook');
  });

  it('still writes both sheets, title and headers only, when nothing was audited or nothing failed', async () => {
    const file = join(tempDir('summary'), 's.xlsx');
    await writeDistrictSummary([], file, 'zh');
    expect(await rowsOf(file, '汇总')).toHaveLength(2);
    expect(await rowsOf(file, '失败文件')).toHaveLength(2);
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
