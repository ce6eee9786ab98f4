/**
 * A district's uploads for the end-to-end batch tests (issue 6): three good workbooks from the
 * sample generator (own seeds and centers), one GBK CSV folder, a corrupt file named .xlsx and
 * a workbook without a cases sheet.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { planSampleMonth } from '../../src/sample/generate.js';
import { writeSampleCsv } from '../../src/sample/write-csv.js';
import { writeSampleXlsx } from '../../src/sample/write-xlsx.js';

export const GOOD = [
  { file: '城东社区-2026-10.xlsx', seed: 11, center: '城东社区便民服务中心' },
  { file: 'nested/城西社区-2026-10.xlsx', seed: 12, center: '城西社区便民服务中心' },
  { file: '城南社区-2026-10.xlsx', seed: 13, center: '城南社区便民服务中心' },
] as const;
export const CSV = { folder: '城北社区-csv', seed: 14, center: '城北社区便民服务中心' } as const;
export const CORRUPT = 'corrupt.xlsx';
export const NO_CASES = 'no-cases.xlsx';

export async function writeUploads(dir: string, cases = 60): Promise<void> {
  for (const g of GOOD) {
    mkdirSync(join(dir, g.file, '..'), { recursive: true });
    await writeSampleXlsx(planSampleMonth({ seed: g.seed, cases, center: g.center }), join(dir, g.file));
  }
  const csvFiles = await writeSampleCsv(planSampleMonth({ seed: CSV.seed, cases, center: CSV.center }), join(dir, CSV.folder));
  for (const file of csvFiles) toGbk(file);
  writeFileSync(join(dir, CORRUPT), randomBytes(4096));
  await writeWorkbookWithoutCases(join(dir, NO_CASES));
}

/** What centers' older software exports: the same text in GBK, no BOM. */
function toGbk(file: string): void {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  writeFileSync(file, iconv.encode(text, 'gbk'));
}

async function writeWorkbookWithoutCases(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const staff = book.addWorksheet('人员公示');
  staff.addRow(['姓名', '职务', '电话', '已公示', '佩戴胸卡']);
  staff.addRow(['张三', '窗口', '13800001234', '是', '是']);
  const center = book.addWorksheet('中心信息');
  center.addRow(['中心名称', '所属街道', '投诉电话', '投诉电话公开', '制度公开']);
  center.addRow(['城中社区便民服务中心', '城东街道', '12345', '是', '是']);
  await book.xlsx.writeFile(file);
}
