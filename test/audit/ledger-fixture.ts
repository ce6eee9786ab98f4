/**
 * Small hand-made ledgers for the pipeline tests, written with exceljs (dates built in UTC) or
 * as CSV files: a few cases around known violations, so the tests do not depend on the sample.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const CASE_HEADER = ['受理编号', '受理日期', '申请人', '联系电话', '事项名称', '办件类型', '经办人', '材料齐全', '一次性告知', '往返次数', '承诺时限', '办结日期', '办理结果', '结果告知日期', '延期原因'];

export type Cell = string | number | Date | null;

/** An ISO date as the UTC Date exceljs writes as that day. */
export function d(iso: string): Date {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

/**
 * Cases of 2026-10 plus one of 2026-09: C-2 is a 承诺件 due 10-12 and completed 10-16 (4 working
 * days late → criticism under case-overdue); C-4 has a bad date; C-5 has text in 承诺时限.
 */
export function caseRows(): Cell[][] {
  return [
    ['C-1', d('2026-10-09'), '张三', '13812341234', '居住证办理', '即办件', '李敏', '是', null, 1, null, d('2026-10-09'), '办结', d('2026-10-09'), null],
    ['C-2', d('2026-10-08'), '李四', '13900001111', '居住证办理', '承诺件', '李敏', '是', null, 1, 3, d('2026-10-16'), '办结', d('2026-10-16'), null],
    ['C-3', d('2026-10-20'), '王五', '13700002222', '证明开具', '即办件', '王强', '是', null, 1, null, d('2026-10-20'), '办结', d('2026-10-20'), null],
    ['C-4', 'not a date', '赵六', '13600003333', '证明开具', '即办件', '王强', '是', null, 1, null, null, '办结', null, null],
    ['C-5', d('2026-10-21'), '钱七', '13500004444', '低保申请', '上报件', '王强', '是', null, 1, 'abc', null, '办理中', null, null],
    ['C-0', d('2026-09-28'), '孙八', '13400005555', '证明开具', '即办件', '李敏', '是', null, 1, null, d('2026-09-28'), '办结', d('2026-09-28'), null],
  ];
}

/**
 * A center's September and October for the judged-once tests (history, batch, service): 赵敏's
 * four 承诺件 received 09-01…09-04 with a 3-day promise, still open — 15–18 working days over on
 * 09-30, charged in September — and October's own cases, done the day they came, more than the
 * carried-over ones, so that month is inferred as October.
 */
export const OPEN_SEPTEMBER: Cell[][] = ['S-1', 'S-2', 'S-3', 'S-4'].map((id, i) => [id, d(`2026-09-0${i + 1}`), '张三', '13812341234', '居住证办理', '承诺件', '赵敏', '是', null, 1, 3, null, '办理中', null, null]);
export const NEW_OCTOBER: Cell[][] = ['O-1', 'O-2', 'O-3', 'O-4', 'O-5'].map((id, i) => {
  const day = d(`2026-10-1${i + 2}`);
  return [id, day, '李四', '13900001111', '居住证办理', '即办件', '王强', '是', null, 1, null, day, '办结', day, null];
});
/** Each month's case rows: September's open cases, and in October those still open beside October's own. */
export const CARRIED_OVER_MONTHS: Record<'09' | '10', Cell[][]> = { '09': OPEN_SEPTEMBER, '10': [...OPEN_SEPTEMBER, ...NEW_OCTOBER] };

export const CENTER_HEADER = ['中心名称', '所属街道', '投诉电话', '投诉电话公开', '制度公开'];
export const CENTER_ROW: Cell[] = ['测试社区便民服务中心', '城东街道', '0571-12345', '是', '是'];

export interface LedgerSpec {
  cases?: Cell[][];
  center?: boolean;
  /** A title row above the header, as real ledgers have. */
  title?: boolean;
}

export async function writeLedgerXlsx(file: string, spec: LedgerSpec = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const cases = wb.addWorksheet('办件台账');
  if (spec.title) cases.addRow(['城东社区全程代理台帐']);
  cases.addRow(CASE_HEADER);
  for (const row of spec.cases ?? caseRows()) cases.addRow(row);
  if (spec.center) {
    const center = wb.addWorksheet('中心信息');
    center.addRow(CENTER_HEADER);
    center.addRow(CENTER_ROW);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The same ledger as a CSV folder: `<prefix>-办件台账.csv` (UTF-8 with BOM). */
export function writeLedgerCsv(dir: string, prefix: string, spec: LedgerSpec = {}): string {
  mkdirSync(dir, { recursive: true });
  const title: Cell[][] = spec.title ? [['城东社区全程代理台帐']] : [];
  const lines = [...title, CASE_HEADER, ...(spec.cases ?? caseRows())].map((r) => r.map(csvCell).join(','));
  writeFileSync(join(dir, `${prefix}-办件台账.csv`), `\ufeff${lines.join('\r\n')}\r\n`);
  if (spec.center) writeFileSync(join(dir, `${prefix}-中心信息.csv`), `${[CENTER_HEADER, CENTER_ROW].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
  return dir;
}
