/**
 * The district summary workbook (一区一表): sheet 汇总, one row per center with counts by grade,
 * the people to act on, data issues and the service figures with each center's rank by them
 * (center-ranking.ts); sheet 失败文件, every input that could not be audited
 * and why. Each audit is boiled down to its row (CenterSummary) in the worker that ran it, and
 * the manifest keeps that row, so an unchanged input's row needs no new audit. The words, zh and
 * en, are tables typed by key (a missing translation is a compile error). Small (one row per
 * input), so written in memory.
 */
import ExcelJS from 'exceljs';
import type { AuditResult } from '../audit/types.js';
import type { ErrorCode } from '../errors.js';
import type { PersonSummary } from '../findings/types.js';
import { GRADE_LABELS, GRADES, gradeRank, type Grade } from '../grade-scale.js';
import type { Lang, Localized } from '../text.js';
import { rankByFigure } from './center-ranking.js';
import type { AuditedEntry, BatchEntry, CenterSummary, FailedEntry, FailureCode } from './types.js';

// ---- one audit → its row ----

export function summarizeAudit(result: AuditResult): CenterSummary {
  const summary: CenterSummary = {
    center: result.center,
    period: result.period,
    asOf: result.asOf,
    byGrade: Object.fromEntries(GRADES.map((g) => [g, result.summary.byGrade[g] ?? 0])) as Record<Grade, number>,
    // The findings that count (docs/grading.md): merged, repeated and withdrawn ones do not.
    findings: result.summary.byStatus.counted + result.summary.byStatus.regraded,
    toAct: peopleToActOn(result.people),
    dataIssues: result.dataIssues.length,
    rowsRead: result.summary.rowsRead,
    service: { ...result.service.center },
  };
  if (result.district !== undefined) summary.district = result.district;
  return summary;
}

/** The people an inspector turns to first: those whose highest grade is the center's highest. */
export function peopleToActOn(people: PersonSummary[]): CenterSummary['toAct'] {
  const withFindings = people.flatMap((p) => (p.highest !== null && GRADES.some((g) => (p.counts[g] ?? 0) > 0) ? [{ ...p, highest: p.highest }] : []));
  if (withFindings.length === 0) return null;
  const top = withFindings.reduce<Grade>((hi, p) => (gradeRank(p.highest) > gradeRank(hi) ? p.highest : hi), 'reminder');
  const names = withFindings.filter((p) => p.highest === top).map((p) => p.name);
  return { grade: top, names: [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh')) };
}

/** True when the center has a finding graded `failOn` or higher (for --fail-on). */
export function reaches(summary: CenterSummary, failOn: Grade): boolean {
  return GRADES.some((g) => gradeRank(g) >= gradeRank(failOn) && summary.byGrade[g] > 0);
}

// ---- the words ----

export const SUMMARY_SHEETS = {
  centers: { zh: '汇总', en: 'Summary' },
  failed: { zh: '失败文件', en: 'Failed files' },
} satisfies Record<string, Localized>;

export type CenterColumn =
  | 'center'
  | 'district'
  | 'input'
  | 'period'
  | 'reminder'
  | 'criticism'
  | 'notice'
  | 'deduction'
  | 'findings'
  | 'toAct'
  | 'dataIssues'
  | 'handled'
  | 'onTimeRate'
  | 'onTimeRank'
  | 'satisfactionRate'
  | 'satisfactionRank'
  | 'report'
  | 'status';

export const CENTER_COLUMNS: Record<CenterColumn, Localized & { width: number }> = {
  center: { zh: '中心名称', en: 'Center', width: 26 },
  district: { zh: '所属街道', en: 'District', width: 14 },
  input: { zh: '输入文件', en: 'Input file', width: 36 },
  period: { zh: '期间', en: 'Period', width: 10 },
  reminder: { zh: '提醒', en: 'Reminder', width: 8 },
  criticism: { zh: '批评教育', en: 'Criticism', width: 10 },
  notice: { zh: '通报批评', en: 'Circulated notice', width: 10 },
  deduction: { zh: '扣除奖金', en: 'Bonus deduction', width: 10 },
  findings: { zh: '问题合计', en: 'Findings', width: 10 },
  toAct: { zh: '待处理人员(最高等级)', en: 'People to act on (highest grade)', width: 36 },
  dataIssues: { zh: '数据问题', en: 'Data issues', width: 10 },
  handled: { zh: '办件数', en: 'Cases handled', width: 10 },
  onTimeRate: { zh: '按期办结率', en: 'On-time rate', width: 12 },
  onTimeRank: { zh: '按期办结率排名', en: 'On-time rank', width: 14 },
  satisfactionRate: { zh: '满意率', en: 'Satisfaction rate', width: 10 },
  satisfactionRank: { zh: '满意率排名', en: 'Satisfaction rank', width: 12 },
  report: { zh: '报告文件', en: 'Report file', width: 30 },
  status: { zh: '本次状态', en: 'This run', width: 12 },
};

export type FailedColumn = 'input' | 'code' | 'reason' | 'message' | 'hint';

export const FAILED_COLUMNS: Record<FailedColumn, Localized & { width: number }> = {
  input: { zh: '输入文件', en: 'Input file', width: 40 },
  code: { zh: '错误代码', en: 'Code', width: 20 },
  reason: { zh: '原因', en: 'Reason', width: 22 },
  message: { zh: '详细说明', en: 'Message', width: 60 },
  hint: { zh: '处理建议', en: 'How to fix', width: 60 },
};

export const STATUS_LABELS: Record<'audited' | 'skipped', Localized> = {
  audited: { zh: '已审计', en: 'audited' },
  skipped: { zh: '未变更,沿用', en: 'unchanged, kept' },
};

export const TOTAL_LABEL: Localized = { zh: '合计', en: 'Total' };

const ERROR_TITLES: Record<ErrorCode, Localized> = {
  'file-not-found': { zh: '文件不存在', en: 'file not found' },
  'not-a-workbook': { zh: '不是xlsx工作簿', en: 'not an xlsx workbook' },
  'encrypted-workbook': { zh: '工作簿已加密', en: 'encrypted workbook' },
  'empty-file': { zh: '空文件', en: 'empty file' },
  'no-cases-sheet': { zh: '缺少办件台账', en: 'no cases sheet' },
  'bad-encoding': { zh: '编码无法识别', en: 'unreadable encoding' },
  'file-too-large': { zh: '文件过大', en: 'file too large' },
  'bad-rules': { zh: '规则有误', en: 'bad rules' },
  'bad-calendar': { zh: '日历有误', en: 'bad calendar' },
  'date-outside-calendar': { zh: '日期超出日历', en: 'date outside the calendar' },
  'bad-history': { zh: '历史报告有误', en: 'bad history report' },
  'bad-decisions': { zh: '复核决定有误', en: 'bad appeal decisions' },
  'bad-usage': { zh: '用法有误', en: 'bad usage' },
};

export const FAILURE_TITLES: Record<FailureCode, Localized> = {
  ...ERROR_TITLES,
  'worker-crashed': { zh: '审计进程崩溃', en: 'worker crashed' },
  'internal-error': { zh: '内部错误', en: 'internal error' },
};

export function label(text: Localized, lang: Lang): string {
  return text[lang];
}

// ---- the workbook ----

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

/** Each center's rank by 按期办结率 and by 满意率 (null when it has no such figure). */
export interface CenterRanks {
  onTime: number | null;
  satisfaction: number | null;
}

export function centerRanks(entries: readonly AuditedEntry[]): CenterRanks[] {
  const onTime = rankByFigure(entries.map((e) => e.summary.service?.onTimeRate));
  const satisfaction = rankByFigure(entries.map((e) => e.summary.service?.satisfactionRate));
  return entries.map((_, i) => ({ onTime: onTime[i]!, satisfaction: satisfaction[i]! }));
}

export function centerRow(entry: AuditedEntry, lang: Lang, ranks: CenterRanks = { onTime: null, satisfaction: null }): Record<CenterColumn, string | number> {
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
    handled: s.service?.handled ?? '',
    onTimeRate: s.service?.onTimeRate ?? '',
    onTimeRank: ranks.onTime ?? '',
    satisfactionRate: s.service?.satisfactionRate ?? '',
    satisfactionRank: ranks.satisfaction ?? '',
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
  const ranks = centerRanks(entries);
  entries.forEach((entry, i) => sheet.addRow(centerRow(entry, lang, ranks[i])));
  if (entries.length > 0) {
    const total: Partial<Record<CenterColumn, string | number>> = { center: TOTAL_LABEL[lang] };
    for (const g of GRADES) total[g] = entries.reduce((n, e) => n + e.summary.byGrade[g], 0);
    total.findings = entries.reduce((n, e) => n + e.summary.findings, 0);
    total.dataIssues = entries.reduce((n, e) => n + e.summary.dataIssues, 0);
    total.handled = entries.reduce((n, e) => n + (e.summary.service?.handled ?? 0), 0);
    sheet.addRow(total).font = { bold: true };
  }
  for (const key of ['onTimeRate', 'satisfactionRate'] as const) sheet.getColumn(key).numFmt = '0.0%';
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
