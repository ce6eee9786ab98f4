/**
 * The district summary workbook (一区一表): sheet 汇总, under a title line naming the district and
 * the period, one row per input — each center with counts by grade, the people to act on, data
 * issues and the service figures with its rank by them (center-ranking.ts), and each input that
 * could not be audited with why; sheet 失败文件, every failure in full with how to fix it.
 *
 * A center and month uploaded more than once is counted once: the first upload in input order
 * counts, every later one is a warning row kept out of the totals and the ranks. An input of
 * another month than the summary's (a batch over September and October) is such a row too: the
 * totals and ranks are the summary's month's alone.
 *
 * Each audit is boiled down to its row (CenterSummary) in the worker that ran it, and the
 * manifest keeps that row, so an unchanged input's row needs no new audit. The words, zh and en,
 * are tables typed by key (a missing translation is a compile error). Both sheets print like the
 * report's (src/report/xlsx/print.ts): A4 landscape, one page wide, the title and header rows on
 * every page. Small (one row per input), so written in memory.
 */
import type ExcelJS from 'exceljs';
import type { AuditResult } from '../audit/types.js';
import { memoryBook, type BookSink, type CellValue, type SheetSink } from '../report/xlsx/book.js';
import type { PageHead } from '../report/xlsx/print.js';
import { fillRow, MUTED_FILL, RATE_FORMAT, solidFill, styleBold } from '../report/xlsx/style.js';
import { columnOf, emptyCells, inColumnOrder, openTable, tableColumns, type TableColumn } from '../report/xlsx/table.js';
import type { ErrorCode } from '../errors.js';
import type { PersonSummary } from '../findings/types.js';
import { GRADE_LABELS, GRADES, gradeRank, type Grade } from '../grade-scale.js';
import type { Lang, Localized } from '../text.js';
import { rankByFigure } from './center-ranking.js';
import { failureWords, type AuditedEntry, type BatchEntry, type CenterSummary, type FailedEntry, type FailureCode } from './types.js';

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
  | 'status'
  | 'district'
  | 'period'
  | 'input'
  | 'report';

/** The printed columns first; district, period and the two file names follow on screen only. */
const CENTER_LABELS: Record<CenterColumn, Localized> = {
  center: { zh: '中心名称', en: 'Center' },
  reminder: { zh: '提醒', en: 'Reminder' },
  criticism: { zh: '批评教育', en: 'Criticism' },
  notice: { zh: '通报批评', en: 'Circulated notice' },
  deduction: { zh: '扣除奖金', en: 'Bonus deduction' },
  findings: { zh: '问题合计', en: 'Findings' },
  toAct: { zh: '待处理人员（最高等级）', en: 'People to act on (highest grade)' },
  dataIssues: { zh: '数据问题', en: 'Data issues' },
  handled: { zh: '办件数', en: 'Cases handled' },
  onTimeRate: { zh: '按期办结率', en: 'On-time rate' },
  onTimeRank: { zh: '按期办结率排名', en: 'On-time rank' },
  satisfactionRate: { zh: '满意率', en: 'Satisfaction rate' },
  satisfactionRank: { zh: '满意率排名', en: 'Satisfaction rank' },
  status: { zh: '本次状态', en: 'This run' },
  district: { zh: '所属街道', en: 'District' },
  period: { zh: '期间', en: 'Period' },
  input: { zh: '输入文件', en: 'Input file' },
  report: { zh: '报告文件', en: 'Report file' },
};

const CENTER_WIDTHS: Record<CenterColumn, number> = {
  center: 22,
  reminder: 6,
  criticism: 8,
  notice: 8,
  deduction: 8,
  findings: 8,
  toAct: 24,
  dataIssues: 8,
  handled: 7,
  onTimeRate: 9,
  onTimeRank: 8,
  satisfactionRate: 8,
  satisfactionRank: 8,
  status: 22,
  district: 14,
  period: 10,
  input: 36,
  report: 30,
};

const CENTER_WRAPPED: CenterColumn[] = ['center', 'toAct', 'status'];
/** The printed columns end with 本次状态: the rest are for the screen. */
const PRINTED_CENTER_COLUMNS = columnOf(CENTER_LABELS, 'status');

export type FailedColumn = 'input' | 'code' | 'reason' | 'message' | 'hint';

const FAILED_LABELS: Record<FailedColumn, Localized> = {
  input: { zh: '输入文件', en: 'Input file' },
  code: { zh: '错误代码', en: 'Code' },
  reason: { zh: '原因', en: 'Reason' },
  message: { zh: '详细说明', en: 'Message' },
  hint: { zh: '处理建议', en: 'How to fix' },
};

const FAILED_WIDTHS: Record<FailedColumn, number> = { input: 30, code: 18, reason: 16, message: 46, hint: 36 };
const FAILED_WRAPPED: FailedColumn[] = ['input', 'reason', 'message', 'hint'];

export const STATUS_LABELS: Record<'audited' | 'skipped', Localized> = {
  audited: { zh: '已审计', en: 'audited' },
  skipped: { zh: '未变更，沿用', en: 'unchanged, kept' },
};

/** A later upload of a center and month already in the batch: shown, never counted twice. */
export function duplicateLabel(first: AuditedEntry, lang: Lang): string {
  return lang === 'zh'
    ? `重复上传，未计入合计（与${first.input.display}同为${first.summary.center} ${first.summary.period}）`
    : `duplicate upload, not in the totals (same center and month as ${first.input.display})`;
}

/** An input of another month than the summary's (a batch over two months): shown, never in this month's totals or ranks. */
export function otherMonthLabel(entry: AuditedEntry, period: string, lang: Lang): string {
  return lang === 'zh' ? `其他月份（${entry.summary.period}），未计入${period}合计` : `another month (${entry.summary.period}), not in the ${period} totals`;
}

/** A failed input's status cell on 汇总: the reason in words; the details are on 失败文件. */
export function failedLabel(entry: FailedEntry, lang: Lang): string {
  return lang === 'zh' ? `审计失败：${FAILURE_TITLES[entry.failure.code].zh}` : `failed: ${FAILURE_TITLES[entry.failure.code].en}`;
}

export const TOTAL_LABEL: Localized = { zh: '合计', en: 'Total' };

const TITLE: Localized = { zh: '{district}{period}便民服务中心工作制度检查汇总', en: 'Service center work-rules audit: {district}{period}' };

const ERROR_TITLES: Record<ErrorCode, Localized> = {
  'file-not-found': { zh: '文件不存在', en: 'file not found' },
  'not-a-workbook': { zh: '不是xlsx工作簿', en: 'not an xlsx workbook' },
  'encrypted-workbook': { zh: '工作簿已加密', en: 'encrypted workbook' },
  'empty-file': { zh: '空文件', en: 'empty file' },
  'no-cases-sheet': { zh: '缺少办件台账', en: 'no cases sheet' },
  'no-header': { zh: '办件台账找不到表头', en: 'no header row in the cases sheet' },
  'bad-encoding': { zh: '编码无法识别', en: 'unreadable encoding' },
  'file-too-large': { zh: '文件过大', en: 'file too large' },
  'bad-rules': { zh: '规则有误', en: 'bad rules' },
  'bad-calendar': { zh: '日历有误', en: 'bad calendar' },
  'date-outside-calendar': { zh: '日期超出日历', en: 'date outside the calendar' },
  'bad-history': { zh: '历史报告有误', en: 'bad history report' },
  'bad-decisions': { zh: '复核决定有误', en: 'bad appeal decisions' },
  'bad-usage': { zh: '用法有误', en: 'bad usage' },
  'cannot-write': { zh: '无法写入', en: 'cannot write' },
  'output-clash': { zh: '输出与输入冲突', en: 'output clashes with an input' },
  'out-folder-busy': { zh: '输出文件夹被占用', en: 'out folder busy' },
  'bad-link': { zh: '链接有误', en: 'bad link' },
  'cannot-read': { zh: '无法读取', en: 'cannot read' },
};

export const FAILURE_TITLES: Record<FailureCode, Localized> = {
  ...ERROR_TITLES,
  'worker-crashed': { zh: '审计进程崩溃', en: 'worker crashed' },
  'internal-error': { zh: '内部错误', en: 'internal error' },
  'several-ledgers': { zh: '多个办件台账', en: 'several cases sheets' },
};

export function label(text: Localized, lang: Lang): string {
  return text[lang];
}

// ---- which uploads count ----

/**
 * For each audited entry (in the order given), the earlier entry of the same center and month
 * it repeats, or undefined when it is the first: only the first counts in the totals and ranks.
 */
export function duplicatesOf(entries: readonly AuditedEntry[]): (AuditedEntry | undefined)[] {
  const first = new Map<string, AuditedEntry>();
  return entries.map((e) => {
    const key = `${e.summary.center}\u0000${e.summary.period}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, e);
    return earlier;
  });
}

// ---- the workbook ----

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
  const toAct = s.toAct ? `${s.toAct.names.join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? '（' : ' ('}${GRADE_LABELS[s.toAct.grade][lang]}${lang === 'zh' ? '）' : ')'}` : '';
  return {
    center: s.center,
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
    status: STATUS_LABELS[entry.status][lang],
    district: s.district ?? '',
    period: s.period,
    input: entry.input.display,
    report: entry.report,
  };
}

export function failedRow(entry: FailedEntry, lang: Lang): Record<FailedColumn, string> {
  const { message, hint } = failureWords(entry.failure, lang);
  return { input: entry.input.display, code: entry.failure.code, reason: FAILURE_TITLES[entry.failure.code][lang], message, hint: hint ?? '' };
}

export interface DistrictSummaryOptions {
  lang: Lang;
  /** The period the batch is named after (its title line); default: the first audited entry's. */
  period?: string;
}

export async function writeDistrictSummary(entries: BatchEntry[], file: string, options: Lang | DistrictSummaryOptions): Promise<void> {
  const o = typeof options === 'string' ? { lang: options } : options;
  const audited = entries.filter((e): e is AuditedEntry => e.status !== 'failed');
  const failed = entries.filter((e): e is FailedEntry => e.status === 'failed');
  const period = o.period ?? audited[0]?.summary.period ?? '';
  const districts = [...new Set(audited.flatMap((e) => (e.summary.district ? [e.summary.district] : [])))];
  const district = districts.join(o.lang === 'zh' ? '、' : ', ');
  const head: PageHead = { center: district, period, lang: o.lang };
  const book = memoryBook(file, { creator: 'duty-audit', created: new Date(0), lang: o.lang });
  await centersSheet(book, entries, head);
  await failedSheet(book, failed, head);
  await book.close();
}

function titleText(head: PageHead): string {
  const district = head.center === '' ? '' : `${head.center}${head.lang === 'zh' ? '' : ', '}`;
  return TITLE[head.lang].replace('{district}', district).replace('{period}', head.period);
}

/** The title line, then the header row; both print on every page, the header is filterable. */
function openSheet(book: BookSink, name: string, columns: TableColumn[], rows: number, head: PageHead, printed?: number): Promise<SheetSink> {
  return openTable(book, name, columns, rows, head.lang, { head, title: titleText(head), ...(printed === undefined ? {} : { printed }) });
}

async function centersSheet(book: BookSink, entries: BatchEntry[], head: PageHead): Promise<void> {
  const lang = head.lang;
  const audited = entries.filter((e): e is AuditedEntry => e.status !== 'failed');
  const earlierUploads = duplicatesOf(audited);
  const duplicate = new Map(audited.map((e, i) => [e, earlierUploads[i]]));
  const otherMonth = (e: AuditedEntry): boolean => e.summary.period !== head.period;
  const counted = audited.filter((e) => !duplicate.get(e) && !otherMonth(e));
  const ranks = new Map(centerRanks(counted).map((r, i) => [counted[i]!, r]));
  const columns = tableColumns(CENTER_LABELS, CENTER_WIDTHS, CENTER_WRAPPED);
  const sheet = await openSheet(book, SUMMARY_SHEETS.centers[lang], columns, entries.length + (counted.length > 0 ? 1 : 0), head, PRINTED_CENTER_COLUMNS);
  const rateColumns = [columnOf(CENTER_LABELS, 'onTimeRate'), columnOf(CENTER_LABELS, 'satisfactionRate')];
  const rates = (row: ExcelJS.Row): void => {
    for (const column of rateColumns) row.getCell(column).numFmt = RATE_FORMAT;
  };
  for (const entry of entries) {
    if (entry.status === 'failed') {
      const cells = { ...emptyCells(CENTER_LABELS), center: entry.input.display, status: failedLabel(entry, lang), input: entry.input.display };
      await sheet.add(inColumnOrder(CENTER_LABELS, cells), (row) => fillRow(row, PRINTED_CENTER_COLUMNS, FAILED_FILL));
      continue;
    }
    const first = duplicate.get(entry);
    const apart = first !== undefined || otherMonth(entry);
    const cells = centerRow(entry, lang, ranks.get(entry));
    if (first) cells.status = duplicateLabel(first, lang);
    else if (otherMonth(entry)) cells.status = otherMonthLabel(entry, head.period, lang);
    await sheet.add(
      inColumnOrder(CENTER_LABELS, cells),
      (row) => {
        rates(row);
        if (apart) fillRow(row, PRINTED_CENTER_COLUMNS, MUTED_FILL);
      },
    );
  }
  if (counted.length > 0) {
    const total: Record<CenterColumn, CellValue> = { ...emptyCells(CENTER_LABELS), center: TOTAL_LABEL[lang] };
    for (const g of GRADES) total[g] = counted.reduce((n, e) => n + e.summary.byGrade[g], 0);
    total.findings = counted.reduce((n, e) => n + e.summary.findings, 0);
    total.dataIssues = counted.reduce((n, e) => n + e.summary.dataIssues, 0);
    total.handled = counted.reduce((n, e) => n + (e.summary.service?.handled ?? 0), 0);
    await sheet.add(inColumnOrder(CENTER_LABELS, total), styleBold);
  }
}

async function failedSheet(book: BookSink, entries: FailedEntry[], head: PageHead): Promise<void> {
  const sheet = await openSheet(book, SUMMARY_SHEETS.failed[head.lang], tableColumns(FAILED_LABELS, FAILED_WIDTHS, FAILED_WRAPPED), entries.length, head);
  for (const entry of entries) {
    await sheet.add(inColumnOrder(FAILED_LABELS, failedRow(entry, head.lang)), (row) => (row.getCell(1).fill = solidFill(FAILED_FILL)));
  }
}

const FAILED_FILL = 'FFFCE4D6';
