/**
 * The district summary workbook (一区一表): sheet 汇总, one row per center with counts by grade,
 * the people to act on and data issues; sheet 失败文件, every input that could not be audited
 * and why. Small (one row per input), so written in memory.
 */
import ExcelJS from 'exceljs';
import { GRADES, GRADE_LABELS } from '../grade-scale.js';
import type { Lang } from '../text.js';
import {
  CENTER_COLUMNS,
  FAILED_COLUMNS,
  FAILURE_TITLES,
  STATUS_LABELS,
  SUMMARY_SHEETS,
  TOTAL_LABEL,
  type CenterColumn,
  type FailedColumn,
} from './labels.js';
import type { AuditedEntry, BatchEntry, FailedEntry } from './types.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FAILED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

export async function writeDistrictSummary(entries: BatchEntry[], file: string, lang: Lang): Promise<void> {
  const book = new ExcelJS.Workbook();
  const audited = entries.filter((e): e is AuditedEntry => e.status !== 'failed');
  const failed = entries.filter((e): e is FailedEntry => e.status === 'failed');
  centersSheet(book, audited, lang);
  failedSheet(book, failed, lang);
  await book.xlsx.writeFile(file);
}

export function centerRow(entry: AuditedEntry, lang: Lang): Record<CenterColumn, string | number> {
  const s = entry.summary;
  const toAct = s.toAct ? `${s.toAct.names.join(lang === 'zh' ? '、' : ', ')} (${GRADE_LABELS[s.toAct.grade][lang]})` : '';
  return {
    center: s.center,
    district: s.district ?? '',
    input: entry.input.display,
    period: s.period,
    reminder: s.byGrade.reminder,
    criticism: s.byGrade.criticism,
    notice: s.byGrade.notice,
    deduction: s.byGrade.deduction,
    findings: s.findings,
    toAct,
    dataIssues: s.dataIssues,
    report: entry.report,
    status: STATUS_LABELS[entry.status][lang],
  };
}

export function failedRow(entry: FailedEntry, lang: Lang): Record<FailedColumn, string> {
  return {
    input: entry.input.display,
    code: entry.failure.code,
    reason: FAILURE_TITLES[entry.failure.code][lang],
    message: entry.failure.message,
    hint: entry.failure.hint ?? '',
  };
}

function centersSheet(book: ExcelJS.Workbook, entries: AuditedEntry[], lang: Lang): void {
  const sheet = book.addWorksheet(SUMMARY_SHEETS.centers[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(CENTER_COLUMNS) as CenterColumn[];
  sheet.columns = keys.map((key) => ({ header: CENTER_COLUMNS[key][lang], key, width: CENTER_COLUMNS[key].width }));
  for (const entry of entries) sheet.addRow(centerRow(entry, lang));
  if (entries.length > 0) {
    const total: Partial<Record<CenterColumn, string | number>> = { center: TOTAL_LABEL[lang] };
    for (const g of GRADES) total[g] = entries.reduce((n, e) => n + e.summary.byGrade[g], 0);
    total.findings = entries.reduce((n, e) => n + e.summary.findings, 0);
    total.dataIssues = entries.reduce((n, e) => n + e.summary.dataIssues, 0);
    sheet.addRow(total).font = { bold: true };
  }
  styleHeader(sheet, keys.length, entries.length);
}

function failedSheet(book: ExcelJS.Workbook, entries: FailedEntry[], lang: Lang): void {
  const sheet = book.addWorksheet(SUMMARY_SHEETS.failed[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(FAILED_COLUMNS) as FailedColumn[];
  sheet.columns = keys.map((key) => ({ header: FAILED_COLUMNS[key][lang], key, width: FAILED_COLUMNS[key].width }));
  for (const entry of entries) {
    const row = sheet.addRow(failedRow(entry, lang));
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).fill = FAILED_FILL;
  }
  styleHeader(sheet, keys.length, entries.length);
}

function styleHeader(sheet: ExcelJS.Worksheet, columns: number, rows: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  if (rows > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } };
}
