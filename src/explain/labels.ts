/**
 * How an explanation names facts, operators and values in zh and en, so a reviewer reads
 * `overdue_days ≥ 1`. Its sentences are in the message catalogue (src/messages/output.ts,
 * `explain.*`).
 */
import { COLUMN_SHEET, type Scope } from '../facts/scopes.js';
import { sheetSpec } from '../ledger/columns.js';
import { tr } from '../messages/catalogue.js';
import type { Lang, Localized } from '../text.js';

/** Short Chinese names of derived facts (their full meaning is in `duty-audit facts`). */
const DERIVED_ZH: Record<string, string> = {
  clock_start: '时限起算日',
  limit_days: '受约束时限（工作日）',
  limit_basis: '时限依据',
  deadline: '办结期限',
  deadline_after: '期限在此日之后',
  overdue_days: '逾期工作日数',
  is_open: '未办结',
  completed_same_day: '当日办结',
  notice_delay: '告知用时（工作日）',
  result_notice_delay: '结果告知用时（工作日）',
  result_notice_missing: '结果未告知',
  notice_event_on: '告知事件日',
  result_notice_event_on: '结果告知事件日',
  same_day_event_on: '当日办结事件日',
  overdue_event_on: '逾期事件日',
  outcome_on: '无日期事实的事件日',
  complaint_event_on: '投诉事件日',
  period_end: '本期最后一天',
  statutory_days: '法定时限',
  fee_status: '收费核对',
  fee_standard: '收费标准',
  missing_fields: '缺记项',
  handover_exists: '当日有交接记录',
  absence_first_day: '缺岗首日',
  absence_from: '缺岗起',
  absence_to: '缺岗止',
  absence_days: '缺岗天数',
  absence_covered: '缺岗全程有交接',
  absence_approved: '缺岗已报批',
  on_board: '在人员公示表上',
  handled_count: '件数',
  error_count: '差错件数',
  is_handler: '本期经办人',
  listed: '在事项公开表上',
  undisclosed: '未公开内容',
  fees_charged: '本期收费项目',
  fees_not_in_schedule: '未列入收费公示',
  fees_not_posted: '收费未公开',
  fees_without_basis: '未注明收费依据',
  suggested_grade: '建议等级键',
  sheet: '表键名',
  sheet_name: '表名',
  issue_count: '数据问题数',
  rows: '涉及行',
  codes: '问题类型',
};

/** A fact's Chinese name: its column header, or the derived fact's short name. */
export function factZh(scope: Scope, name: string): string | undefined {
  const sheet = COLUMN_SHEET[scope];
  const column = sheet ? sheetSpec(sheet).columns.find((c) => c.key === name) : undefined;
  return column?.zh ?? DERIVED_ZH[name];
}

export function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return tr(lang, 'explain.empty');
  if (typeof value === 'boolean') return tr(lang, value ? 'word.yes' : 'word.no');
  if (Array.isArray(value)) return `[${value.map((v) => valueText(v, lang)).join(lang === 'zh' ? '、' : ', ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const SYMBOLS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  lessThan: '<',
  lessThanInclusive: '≤',
  in: '∈',
  inList: '∈',
  notIn: '∉',
};

const WORD_OPERATORS: Record<string, Localized> = {
  contains: { zh: '包含', en: 'contains' },
  doesNotContain: { zh: '不包含', en: 'does not contain' },
  containsAny: { zh: '包含任一', en: 'contains any of' },
  intersects: { zh: '含有任一', en: 'shares an element with' },
  dateAfter: { zh: '晚于', en: 'after' },
  dateBefore: { zh: '早于', en: 'before' },
  dateOnOrAfter: { zh: '不早于', en: 'on or after' },
  dateOnOrBefore: { zh: '不晚于', en: 'on or before' },
};

/** `≥ 1`, `∈ [承诺件, 上报件]`, `为空` / `is empty`: an operator with its expected value. */
export function comparisonText(operator: string, expected: unknown, lang: Lang, expectedText?: string): string {
  if (operator === 'isEmpty' && typeof expected === 'boolean') return tr(lang, expected ? 'explain.isEmpty' : 'explain.isNotEmpty');
  const op = SYMBOLS[operator] ?? WORD_OPERATORS[operator]?.[lang] ?? operator;
  return `${op} ${expectedText ?? valueText(expected, lang)}`;
}
