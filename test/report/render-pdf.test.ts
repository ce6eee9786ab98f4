/**
 * The rendering check: the sample month's report printed to PDF by LibreOffice headless, page
 * by page. 汇总 fits on two A4 pages and 问题清单 on four; every page of every sheet carries the
 * page header (center, sheet, period) and the footer 第 N 页 共 M 页; no sheet is cut into
 * strips of columns (one page wide: each printed page of 问题清单 shows its evidence column).
 * Runs for real: LibreOffice and poppler are installed by .ci/run when missing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingTools, pagesPerSheet, pdfPages, toPdf, type PdfPage } from '../../bench/pdf-pages.js';
import { writeDistrictSummary } from '../../src/batch/district-summary.js';
import type { BatchEntry } from '../../src/batch/types.js';
import { REPORT_SHEETS, SHEET_NAMES } from '../../src/report/labels.js';
import { summaryOf } from '../batch/helpers.js';
import { writeSampleReport } from './sample-report.js';

const SHEETS = REPORT_SHEETS.map((s) => SHEET_NAMES[s].zh);
let pages: PdfPage[];

beforeAll(async () => {
  const missing = missingTools();
  if (missing) throw new Error(missing);
  const { xlsx } = await writeSampleReport('zh');
  pages = pdfPages(toPdf(xlsx, mkdtempSync(join(tmpdir(), 'duty-audit-pdf-'))), SHEETS);
}, 240_000);

describe('the sample report printed by LibreOffice', () => {
  it('汇总 takes at most 2 pages and 问题清单 at most 4; every sheet prints', () => {
    const counts = pagesPerSheet(pages);
    expect([...counts.keys()]).toEqual(SHEETS);
    expect(counts.get('汇总')).toBeLessThanOrEqual(2);
    expect(counts.get('问题清单')).toBeLessThanOrEqual(4);
    for (const sheet of ['人员汇总', '数据问题', '运行信息']) expect(counts.get(sheet), sheet).toBe(1);
    // The same month printed as 25 pages before the print setup; one page wide keeps it short.
    expect(pages.length).toBeLessThanOrEqual(12);
  });

  it('every page has the header (center, sheet, period) and the footer 第 N 页 共 M 页', () => {
    for (const p of pages) {
      const lines = p.text.split('\n').filter((l) => l.trim() !== '');
      expect(lines[0], `page ${p.page}`).toMatch(/^\s*城东社区便民服务中心\s{2,}\S+\s{2,}检查期间 2026-10\s*$/);
      expect(lines.at(-1)!.replace(/\s+/g, ' ').trim(), `page ${p.page}`).toBe(`第 ${p.page} 页 共 ${pages.length} 页`);
    }
  });

  it('问题清单 is one page wide: each page shows the header row and its evidence beside the grade', () => {
    for (const p of pages.filter((x) => x.sheet === '问题清单')) {
      expect(p.text, `page ${p.page}`).toMatch(/条款\s+规则\s+责任对象\s+记录\s+日期\s+问题描述\s+处理等级/);
      expect(p.text).not.toMatch(/问题编号|规则编号/);
    }
  });

  it('运行信息 keeps each label beside its value on one page', () => {
    const run = pages.find((p) => p.sheet === '运行信息')!;
    expect(run.text).toMatch(/工具\s+duty-audit/);
    expect(run.text).toMatch(/规则集哈希\s+[0-9a-f]{64}/);
  });
});

describe('the district summary printed by LibreOffice', () => {
  it('three centers, a repeat upload and a failed file fit one page per sheet (the summary printed 3 rows over 8 pages before)', async () => {
    const center = (name: string, path: string, grades: Parameters<typeof summaryOf>[2]): BatchEntry => ({
      status: 'audited',
      input: { path, display: path.slice(1), kind: 'xlsx' },
      sha256: path,
      report: `${name}-2026-10.xlsx`,
      summary: { ...summaryOf(`${name}社区便民服务中心`, '2026-10', grades), service: { handled: 120, completedWithDeadline: 80, completedOnTime: 76, onTimeRate: 0.95, rated: 50, satisfied: 45, satisfactionRate: 0.9 } },
    });
    const entries: BatchEntry[] = [
      center('城东', '/uploads/城东社区-2026-10.xlsx', { reminder: 34, criticism: 14, notice: 11, deduction: 5 }),
      center('城东', '/uploads/城东社区-2026-10(1).xlsx', { reminder: 34, criticism: 14, notice: 11, deduction: 5 }),
      center('城西', '/uploads/城西社区-2026-10.xlsx', { reminder: 3 }),
      center('城南', '/uploads/城南社区-2026-10.xlsx', { notice: 2 }),
      { status: 'failed', input: { path: '/uploads/坏文件.xlsx', display: 'uploads/坏文件.xlsx', kind: 'xlsx' }, failure: { code: 'not-a-workbook', message: 'uploads/坏文件.xlsx is not a zip archive', hint: 'open it in Excel and save it again as .xlsx' }, fromManifest: false },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-district-pdf-'));
    const file = join(dir, 'district-summary-2026-10.xlsx');
    await writeDistrictSummary(entries, file, { lang: 'zh', period: '2026-10' });
    const district = pdfPages(toPdf(file, dir), ['汇总', '失败文件']);
    expect(Object.fromEntries(pagesPerSheet(district))).toEqual({ 汇总: 1, 失败文件: 1 });
    expect(district[0]!.text).toContain('东城街道2026-10便民服务中心工作制度检查汇总');
    expect(district[0]!.text).toMatch(/审计失败：不是xlsx工作簿/);
    expect(district[0]!.text).toMatch(/重复上传，未计入合计/);
  }, 240_000);
});
