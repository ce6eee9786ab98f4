/**
 * How the sample's records are written into cells, the way centers really type them: mostly
 * real Excel dates, some `2026年10月3日` strings, `2026/10/3` and serial numbers; 是/否 with
 * some √/×; amounts like `1,200元`; phone numbers as text; headers with parenthesised and
 * full-width suffixes; a merged title row above the header. Every form is one docs/ledger.md accepts.
 */
import { dayNumberToIso, isoToDayNumber } from '../calendar/dates.js';
import { sheetSpec, type ColumnSpec } from '../ledger/columns.js';
import type { SheetKey } from '../ledger/types.js';
import type { Random } from './random.js';
import type { SampleCell, SampleRecord } from './types.js';

/** Header spellings other than the plain column name (folded back by the importer). */
const HEADER_FORMS: { [K in SheetKey]?: Record<string, string> } = {
  cases: { promised_days: '承诺时限(工作日)', fee: '收费金额(元)', loss: '损失金额（元）', visits: '往返次数（次）' },
  attendance: { minutes: '分钟(迟到/早退)' },
  handovers: { absent_staff: 'Ａ岗（请假人）', cover: 'B岗(顶岗人)' },
  items: { statutory_days: '法定时限(工作日)', fee_standard: '收费标准（元）' },
};

export function sheetHeaders(key: SheetKey): { keys: string[]; headers: string[] } {
  const columns = sheetSpec(key).columns;
  return { keys: columns.map((c) => c.key), headers: columns.map((c) => HEADER_FORMS[key]?.[c.key] ?? c.zh) };
}

export function sheetTitle(center: string, period: string, key: SheetKey): string {
  const [year, month] = period.split('-').map(Number);
  return `${center} ${year}年${month}月 ${sheetSpec(key).zh}`;
}

/** Days from Excel's epoch (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

function dateCell(iso: string, rng: Random): SampleCell {
  const form = rng.int(1, 100);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (form <= 3) return `${y}年${m}月${d}日`;
  if (form <= 5) return `${y}/${m}/${d}`;
  if (form <= 7) return isoToDayNumber(iso) + EXCEL_EPOCH_OFFSET;
  return new Date(Date.UTC(y, m - 1, d));
}

function booleanCell(value: boolean, rng: Random): SampleCell {
  const tick = rng.chance(0.08);
  if (value) return tick ? '√' : '是';
  return tick ? '×' : '否';
}

function amountCell(value: number, rng: Random): SampleCell {
  if (value >= 1000 && rng.chance(0.6)) return `${value.toLocaleString('en-US')}元`;
  if (rng.chance(0.15)) return `${value}元`;
  return value;
}

function cell(column: ColumnSpec, value: string | number | boolean | undefined, rng: Random): SampleCell {
  if (value === undefined) return null;
  switch (column.type) {
    case 'date':
      return dateCell(String(value), rng);
    case 'boolean':
      return booleanCell(value === true, rng);
    case 'number':
      return amountCell(Number(value), rng);
    case 'integer':
      return Number(value);
    default:
      return String(value);
  }
}

/** The cells of one record, in column order; a planted bad cell is written as given. */
export function renderRecord(key: SheetKey, record: SampleRecord, rng: Random): SampleCell[] {
  return sheetSpec(key).columns.map((column) =>
    record.bad?.column === column.key ? record.bad.raw : cell(column, record.values[column.key], rng),
  );
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A cell as CSV text. An Excel date cell becomes YYYY-MM-DD; so does a serial number in a date
 * column, because in a CSV a bare number is no date (the importer rightly calls it bad-date).
 */
export function cellText(c: SampleCell, type?: ColumnSpec['type']): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'number' && type === 'date') return dayNumberToIso(c - EXCEL_EPOCH_OFFSET);
  return String(c);
}
