/**
 * The words of an explanation in zh and en, in tables typed by key (a missing translation is
 * a compile error). Operators and values are rendered so a reviewer reads `overdue_days ≥ 1`.
 */
import { COLUMN_SHEET, type Scope } from '../facts/scopes.js';
import { sheetSpec } from '../ledger/columns.js';
import { type Lang, type Localized, fillTemplate } from '../text.js';

export const WORDS = {
  title: { zh: '规则解释', en: 'Rule explanation' },
  asOf: { zh: '截止日期', en: 'as of' },
  periodInferred: { zh: '(按受理日期推断)', en: '(inferred)' },
  row: { zh: '第{n}行', en: 'row {n}' },
  derived: { zh: '派生事实', en: 'Derived facts' },
  columns: { zh: '台账字段', en: 'Ledger columns' },
  rules: { zh: '规则', en: 'Rules' },
  fired: { zh: '命中', en: 'fired' },
  notFired: { zh: '未命中', en: 'did not fire' },
  notRun: { zh: '未运行', en: 'did not run' },
  otherPeriod: { zh: '不在本期', en: 'not judged this period' },
  eventOutside: { zh: '事件日期 {fact} = {date},不在 {period} 内:本期不审', en: 'its event {fact} = {date} is not in {period}: not judged this period' },
  eventNotYet: { zh: '事件日期 {fact} 截至 as-of 尚未到来:本期不审', en: 'its event {fact} has not come by as-of: not judged this period' },
  sheetAbsent: { zh: '缺少工作表 {sheets},本规则未运行', en: 'sheet absent: {sheets}; the rule did not run' },
  because: { zh: '原因', en: 'because' },
  actual: { zh: '实际', en: 'actual' },
  param: { zh: '参数', en: 'param' },
  baseGrade: { zh: '基础等级', en: 'Base grade' },
  finalGrade: { zh: '最终等级', en: 'Final grade' },
  notEscalated: { zh: '未升级', en: 'not escalated' },
  findingId: { zh: '问题编号', en: 'finding' },
  subject: { zh: '责任对象', en: 'subject' },
  deduction: { zh: '扣款', en: 'deduct' },
  evidence: { zh: '问题描述', en: 'Evidence' },
  fixedBase: { zh: '固定基础等级', en: 'fixed base grade' },
  ladder: { zh: '阶梯', en: 'ladder' },
  ladderBase: { zh: '基础', en: 'base' },
  ladderNone: { zh: '未达最低一级', en: 'below the lowest step' },
  byValue: { zh: '按取值', en: 'by value' },
  fromFact: { zh: '取自事实', en: 'from fact' },
  noFinding: { zh: '(完整审计中未找到对应问题)', en: '(no matching finding in the full audit)' },
  alsoMatches: { zh: '同名的其他记录(未展开,可用 --explain 指定其一)', en: 'Other records of this name (not explained; name one with --explain)' },
  byFinding: { zh: '问题 {id} 所在的记录', en: 'the record of finding {id}' },
  byName: { zh: '{name} 的按日记录', en: 'the dated records of {name}' },
  summary: { zh: '共 {total} 条:命中 {fired} · 未命中 {notFired} · 未运行 {notRun}', en: '{total} rules: {fired} fired · {notFired} did not fire · {notRun} did not run' },
  empty: { zh: '空', en: 'empty' },
} as const satisfies Record<string, Localized>;

export function word(key: keyof typeof WORDS, lang: Lang, vars: Record<string, string | number> = {}): string {
  return fillTemplate(WORDS[key][lang], vars);
}

/** Short Chinese names of derived facts (their full meaning is in `duty-audit facts`). */
const DERIVED_ZH: Record<string, string> = {
  clock_start: '时限起算日',
  limit_days: '受约束时限(工作日)',
  limit_basis: '时限依据',
  deadline: '办结期限',
  deadline_after: '期限在此日之后',
  overdue_days: '逾期工作日数',
  is_open: '未办结',
  completed_same_day: '当日办结',
  notice_delay: '告知用时(工作日)',
  result_notice_delay: '结果告知用时(工作日)',
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
  if (value === null || value === undefined || value === '') return word('empty', lang);
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : String(value);
  if (Array.isArray(value)) return `[${value.map((v) => valueText(v, lang)).join(', ')}]`;
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
  if (operator === 'isEmpty' && typeof expected === 'boolean') {
    return expected ? (lang === 'zh' ? '为空' : 'is empty') : lang === 'zh' ? '不为空' : 'is not empty';
  }
  const op = SYMBOLS[operator] ?? WORD_OPERATORS[operator]?.[lang] ?? operator;
  return `${op} ${expectedText ?? valueText(expected, lang)}`;
}
