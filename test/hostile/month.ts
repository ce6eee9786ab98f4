/**
 * Small ledgers for the hostile corpus, built in the test itself: a month of valid cases (every
 * row audits cleanly unless a test breaks it), as a CSV folder or an xlsx workbook.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { writeWorkbook } from '../ledger/helpers/workbook.js';

export const HEADER = ['受理编号', '受理日期', '申请人', '联系电话', '事项名称', '办件类型', '经办人', '材料齐全', '往返次数', '承诺时限', '办结日期', '办理结果', '结果告知日期', '备注'];
export const CENTER_HEADER = ['中心名称', '所属街道', '投诉电话', '投诉电话公开', '制度公开'];

/** Working days of October 2026 (after the 国庆 holiday and the 10-10 make-up day). */
const DAYS = ['2026-10-09', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22'];
const HANDLERS = ['李明', '王强', '张伟'];

/** Case row i (0-based): a 即办件 received and completed on the same working day, no finding. */
export function caseCells(i: number, overrides: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const day = DAYS[i % DAYS.length]!;
  const base: Record<string, string> = {
    受理编号: `SL-2026-10-${String(i + 1).padStart(4, '0')}`,
    受理日期: day,
    申请人: `申请人${i + 1}`,
    联系电话: `138${String(10_000_000 + i).slice(-8)}`,
    事项名称: '证明开具',
    办件类型: '即办件',
    经办人: HANDLERS[i % HANDLERS.length]!,
    材料齐全: '是',
    往返次数: '1',
    承诺时限: '',
    办结日期: day,
    办理结果: '办结',
    结果告知日期: day,
    备注: '',
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((column) => merged[column]!);
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLines(rows: string[][]): string[] {
  return rows.map((row) => row.map(csvField).join(','));
}

export interface MonthSpec {
  /** Case rows below the header (default: 30 clean rows). */
  cases?: string[][];
  /** Lines of the cases CSV after the header is written, to break them by hand. */
  patchLines?: (lines: string[]) => string[];
  center?: string;
  encoding?: 'utf-8' | 'utf-8-bom' | 'gbk';
  /** Raw bytes for the cases file instead (encoding tests). */
  casesBytes?: Buffer;
}

export function cleanCases(n = 30): string[][] {
  return Array.from({ length: n }, (_, i) => caseCells(i));
}

/** A CSV month folder: `<dir>/<name>/测试社区-2026-10-办件台账.csv` and its center sheet. */
export async function writeCsvMonth(dir: string, spec: MonthSpec = {}, name = 'month'): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  const lines = [HEADER.join(','), ...csvLines(spec.cases ?? cleanCases())];
  const text = (spec.patchLines ? spec.patchLines(lines) : lines).join('\r\n') + '\r\n';
  const bytes =
    spec.casesBytes ??
    (spec.encoding === 'gbk'
      ? iconv.encode(text, 'gbk')
      : spec.encoding === 'utf-8-bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
        : Buffer.from(text));
  await writeFile(join(folder, '测试社区-2026-10-办件台账.csv'), bytes);
  const center = csvLines([CENTER_HEADER, [spec.center ?? '测试社区便民服务中心', '城东街道', '0571-12345', '是', '是']]);
  await writeFile(join(folder, '测试社区-2026-10-中心信息.csv'), center.join('\r\n') + '\r\n');
  return folder;
}

/** The same month as an xlsx workbook. */
export async function writeXlsxMonth(file: string, spec: { cases?: string[][]; center?: string } = {}): Promise<string> {
  return writeWorkbook(file, [
    { name: '办件台账', rows: [HEADER, ...(spec.cases ?? cleanCases())] },
    { name: '中心信息', rows: [CENTER_HEADER, [spec.center ?? '测试社区便民服务中心', '城东街道', '0571-12345', '是', '是']] },
  ]);
}
