/**
 * The district summary's words, zh and en, in tables typed by key: a missing translation is a
 * compile error.
 */
import type { ErrorCode } from '../errors.js';
import type { Lang, Localized } from '../text.js';
import type { FailureCode } from './types.js';

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
