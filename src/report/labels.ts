/**
 * Every word a report shows, in Chinese and English, in lookup tables typed by key so that a
 * missing translation is a compile error. Findings are data; these tables render them.
 */
import type { RuleRun } from '../evaluate/evaluate.js';
import type { EscalationReason, Finding, FindingStatus } from '../findings/types.js';
import { GRADE_LABELS, type Grade } from '../grade-scale.js';
import { sheetSpec } from '../ledger/columns.js';
import { issueType } from '../ledger/issue-codes.js';
import { SHEET_KEYS, type DataIssueCode, type SheetKey } from '../ledger/types.js';
import { inBoth, msg, tr } from '../messages/catalogue.js';
import type { Lang, Localized } from '../text.js';
import type { WarningKind } from '../audit/warnings.js';

export type ReportSheet = 'summary' | 'findings' | 'people' | 'warnings' | 'dataIssues' | 'rules' | 'run';
export const REPORT_SHEETS: readonly ReportSheet[] = ['summary', 'findings', 'people', 'warnings', 'dataIssues', 'rules', 'run'];

export const SHEET_NAMES: Record<ReportSheet, Localized> = {
  summary: { zh: '汇总', en: 'Summary' },
  findings: { zh: '问题清单', en: 'Findings' },
  people: { zh: '人员汇总', en: 'By person' },
  warnings: { zh: '预警', en: 'Warnings' },
  dataIssues: { zh: '数据问题', en: 'Data issues' },
  rules: { zh: '规则', en: 'Rules' },
  run: { zh: '运行信息', en: 'Run' },
};

const LEDGER_SHEET_EN: Record<SheetKey, string> = {
  cases: 'Cases',
  complaints: 'Complaints',
  attendance: 'Attendance',
  handovers: 'A/B handovers',
  staff: 'Staff board',
  items: 'Items',
  center: 'Center',
  other: 'Other dereliction',
};

function isSheetKey(value: string): value is SheetKey {
  return (SHEET_KEYS as readonly string[]).includes(value);
}

/** A ledger sheet's name for people: 办件台账 / Cases; an unknown sheet keeps its own name. */
export function ledgerSheetLabel(sheet: string, lang: Lang): string {
  if (!isSheetKey(sheet)) return sheet;
  return lang === 'zh' ? sheetSpec(sheet).zh : LEDGER_SHEET_EN[sheet];
}

export function gradeLabel(grade: Grade, lang: Lang): string {
  return GRADE_LABELS[grade][lang];
}

export function yesNo(value: boolean, lang: Lang): string {
  return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
}

/**
 * Why a finding's grade moved, in words; empty when it is not a repeat. `raised` is how many
 * grades it actually rose (the final grade's rank less the base's): a repeat that moved
 * nothing says so instead of "上调0级".
 */
export function escalationText(e: EscalationReason, lang: Lang, raised: number = e.kind === 'repeat' ? e.steps : 0): string {
  if (e.kind === 'none') return '';
  const zh = lang === 'zh';
  const nth = zh ? `同一条款本月第${e.occurrence}次` : `occurrence ${e.occurrence} of this clause this month`;
  if (raised > 0) {
    const capped = e.capped ? (zh ? '，已达上限' : ', capped') : '';
    return zh ? `${nth}，上调${raised}级${capped}` : `${nth}: raised ${raised} grade${raised === 1 ? '' : 's'}${capped}`;
  }
  if (e.capped) return zh ? `${nth}，已达上调上限` : `${nth}: already at the cap, not raised`;
  return zh ? `${nth}，未达上调次数` : `${nth}: not raised (below the repeat count)`;
}

/** A status in one or two words (column filters, counts); the words are in src/messages/settlement.ts. */
export const STATUS_LABELS: Record<FindingStatus, Localized> = {
  counted: inBoth(msg('status.counted')),
  merged: inBoth(msg('status.merged')),
  'reported-before': inBoth(msg('status.reported-before')),
  withdrawn: inBoth(msg('status.withdrawn')),
  regraded: inBoth(msg('status.regraded')),
};

/**
 * What settlement made of a finding, in words (docs/grading.md): "并入 F-…", "已于2026-09通报",
 * "已撤销：理由", "复核改为提醒：理由", and for a counted finding the appeal upheld or the earlier
 * month it was charged at a lower grade.
 */
export function statusText(f: Pick<Finding, 'status' | 'mergedInto' | 'reportedIn' | 'chargedBeforeYuan' | 'decision'>, lang: Lang): string {
  const reason = f.decision?.reason ?? '';
  switch (f.status) {
    case 'merged':
      return tr(lang, 'status.mergedInto', { id: f.mergedInto ?? '' });
    case 'reported-before':
      return tr(lang, 'status.reportedIn', { month: f.reportedIn ?? '' });
    case 'withdrawn':
      return f.decision ? tr(lang, 'status.withdrawnBecause', { reason }) : STATUS_LABELS.withdrawn[lang];
    case 'regraded': {
      const verdict = f.decision?.verdict;
      return verdict?.kind === 'regraded' ? tr(lang, 'status.regradedTo', { grade: gradeLabel(verdict.grade, lang), reason }) : STATUS_LABELS.regraded[lang];
    }
    case 'counted': {
      const parts = [STATUS_LABELS.counted[lang]];
      if (f.reportedIn !== undefined) {
        const month = f.reportedIn;
        parts.push(f.chargedBeforeYuan ? tr(lang, 'status.higherNowCharged', { month, yuan: f.chargedBeforeYuan }) : tr(lang, 'status.higherNow', { month }));
      }
      if (f.decision) parts.push(tr(lang, 'status.upheld', { reason }));
      return parts.join(lang === 'zh' ? '' : ' ');
    }
  }
}

/** 预警 kinds (src/audit/warnings.ts); the words are in src/messages/settlement.ts. */
export const WARNING_LABELS: Record<WarningKind, Localized> = {
  'due-soon': inBoth(msg('warning.due-soon')),
  'overdue-open': inBoth(msg('warning.overdue-open')),
  'pending-complaint': inBoth(msg('warning.pending-complaint')),
};

export function ruleNotRunText(run: RuleRun, lang: Lang): string | null {
  if (run.ran || !run.reason) return null;
  const separator = lang === 'zh' ? '、' : ', ';
  if (run.reason.code === 'column-absent') {
    const sheet = ledgerSheetLabel(run.reason.sheet, lang);
    const headers = columnHeaders(run.reason.sheet, run.reason.columns);
    return lang === 'zh' ? `${sheet}缺少${headers.map((h) => `“${h}”`).join(separator)}列` : `${sheet} sheet has no column ${headers.join(separator)}`;
  }
  const sheets = run.reason.sheets.map((s) => ledgerSheetLabel(s, lang)).join(separator);
  return lang === 'zh' ? `缺少工作表：${sheets}` : `sheet absent: ${sheets}`;
}

/** The headers (办结日期) of a sheet's columns given by key, as a center writes them. */
export function columnHeaders(sheet: SheetKey, keys: readonly string[]): string[] {
  const columns = sheetSpec(sheet).columns;
  return keys.map((key) => columns.find((c) => c.key === key)?.zh ?? key);
}

/** What a rule that ran left out for want of a sheet (the deadline rule without 事项公开); null otherwise. */
export function ruleRunNote(run: RuleRun, lang: Lang): string | null {
  if (!run.ran || !run.partial) return null;
  return run.partial.without.map((w) => w[lang]).join(lang === 'zh' ? '；' : '; ');
}

/** A data issue's title, from the importer's catalogue (src/ledger/issue-codes.ts). */
export function issueLabel(code: DataIssueCode, lang: Lang): string {
  return issueType(code).title[lang];
}

/**
 * Column headers per report sheet; the key order is the column order. Each table prints its
 * leading columns (PRINTED_COLUMNS) and keeps ids and codes in the end columns, on screen and
 * inside the filter.
 */
export const COLUMNS = {
  findings: {
    clause: { zh: '条款', en: 'Clause' },
    title: { zh: '规则', en: 'Rule' },
    subject: { zh: '责任对象', en: 'Subject' },
    record: { zh: '记录', en: 'Record' },
    date: { zh: '日期', en: 'Date' },
    message: { zh: '问题描述', en: 'Evidence' },
    grade: { zh: '处理等级', en: 'Final grade' },
    status: { zh: '状态', en: 'Status' },
    escalation: { zh: '升级说明', en: 'Escalation' },
    deductionYuan: { zh: '扣款（元）', en: 'Deduction (yuan)' },
    id: { zh: '问题编号', en: 'ID' },
    ruleId: { zh: '规则编号', en: 'Rule id' },
    sheet: { zh: '台账', en: 'Sheet' },
    row: { zh: '行', en: 'Row' },
    key: { zh: '记录编号', en: 'Record key' },
    baseGrade: { zh: '基础等级', en: 'Base grade' },
    rows: { zh: '涉及行', en: 'Rows cited' },
  },
  people: {
    name: { zh: '姓名', en: 'Name' },
    reminder: GRADE_LABELS.reminder,
    criticism: GRADE_LABELS.criticism,
    notice: GRADE_LABELS.notice,
    deduction: GRADE_LABELS.deduction,
    total: { zh: '合计', en: 'Total' },
    highest: { zh: '最高等级', en: 'Highest grade' },
    sanction: { zh: '建议处理', en: 'Suggested sanction' },
    deductionYuan: { zh: '扣款合计（元）', en: 'Deduction total (yuan)' },
    handled: { zh: '办件数', en: 'Cases handled' },
    onTimeRate: { zh: '按期办结率', en: 'On-time rate' },
    satisfactionRate: { zh: '满意率', en: 'Satisfaction rate' },
    merged: { zh: '并入（不计）', en: 'Merged (not counted)' },
    withdrawn: { zh: '已撤销（不计）', en: 'Withdrawn (not counted)' },
    reportedBefore: { zh: '此前已通报（不计）', en: 'Reported before (not counted)' },
  },
  dataIssues: {
    cell: { zh: '位置', en: 'Cell' },
    header: { zh: '表头', en: 'Header' },
    value: { zh: '值', en: 'Value' },
    code: { zh: '问题类型', en: 'Issue' },
    message: { zh: '原因', en: 'Reason' },
    file: { zh: '文件', en: 'File' },
    sheet: { zh: '工作表', en: 'Sheet' },
    row: { zh: '行', en: 'Row' },
    column: { zh: '列', en: 'Column' },
  },
  warnings: {
    kind: { zh: '预警类型', en: 'Warning' },
    record: { zh: '记录', en: 'Record' },
    subject: { zh: '责任人', en: 'Subject' },
    date: { zh: '日期', en: 'Date' },
    dueOn: { zh: '办结期限', en: 'Due on' },
    workingDaysLeft: { zh: '剩余工作日', en: 'Working days left' },
    extensionReason: { zh: '延期原因', en: 'Extension reason' },
    findingId: { zh: '问题编号', en: 'Finding ID' },
    sheet: { zh: '工作表', en: 'Sheet' },
    row: { zh: '行', en: 'Row' },
    key: { zh: '记录编号', en: 'Record key' },
  },
  rules: {
    clause: { zh: '条款', en: 'Clause' },
    title: { zh: '规则', en: 'Rule' },
    version: { zh: '版本', en: 'Version' },
    hits: { zh: '命中数', en: 'Hits' },
    ran: { zh: '已运行', en: 'Ran' },
    reason: { zh: '未运行原因或说明', en: 'Why not, or note' },
    id: { zh: '规则编号', en: 'Rule id' },
  },
} as const satisfies Record<string, Record<string, Localized>>;

/** How many leading columns of each table print (the rest are ids and codes, on screen only). */
export const PRINTED_COLUMNS: Record<keyof typeof COLUMNS, number> = {
  findings: 10,
  people: Object.keys(COLUMNS.people).length,
  dataIssues: 6,
  warnings: 7,
  rules: 6,
};

/** Labels of the two key–value sheets (汇总, 运行信息) and of the terminal summary. */
export const TEXT = {
  reportTitle: { zh: '便民服务中心工作制度检查报告', en: 'Service center work-rules audit' },
  center: { zh: '中心', en: 'Center' },
  district: { zh: '所属街道', en: 'District' },
  period: { zh: '检查期间', en: 'Period' },
  periodInferred: { zh: '（未指定，按受理日期最多的月份推断）', en: '(not given: inferred from the month holding most 受理日期)' },
  asOf: { zh: '截止日期', en: 'As of' },
  byGrade: { zh: '按处理等级', en: 'By grade' },
  grade: { zh: '等级', en: 'Grade' },
  count: { zh: '问题数', en: 'Findings' },
  total: { zh: '合计', en: 'Total' },
  byClause: { zh: '按条款', en: 'By clause' },
  clause: { zh: '条款', en: 'Clause' },
  rule: { zh: '规则', en: 'Rule' },
  people: { zh: '需处理人员', en: 'People to act on' },
  centerFindings: { zh: '中心自身的问题', en: 'The center\'s own findings' },
  highest: { zh: '最高等级', en: 'Highest grade' },
  nobody: { zh: '无', en: 'none' },
  rows: { zh: '台账行数', en: 'Ledger rows' },
  sheet: { zh: '工作表', en: 'Sheet' },
  rowsRead: { zh: '读取', en: 'Read' },
  rowsEvaluated: { zh: '已检查', en: 'Evaluated' },
  rowsSetAside: { zh: '因数据问题搁置', en: 'Set aside (data issues)' },
  rulesNotRun: { zh: '未运行的规则', en: 'Rules that did not run' },
  allRulesRan: { zh: '全部规则均已运行', en: 'every rule ran' },
  dataIssues: { zh: '数据问题', en: 'Data issues' },
  tool: { zh: '工具', en: 'Tool' },
  version: { zh: '版本', en: 'Version' },
  inputs: { zh: '输入文件', en: 'Input files' },
  file: { zh: '文件', en: 'File' },
  sha256: { zh: 'SHA-256', en: 'SHA-256' },
  rulesHash: { zh: '规则集哈希', en: 'Rule set hash' },
  policy: { zh: '处理政策', en: 'Policy' },
  escalateEvery: { zh: '同一条款每多少次上调一级', en: 'Raise one grade every (occurrences)' },
  escalateCap: { zh: '上调上限', en: 'Escalation cap' },
  deductionYuan: { zh: '每次扣除奖金（元）', en: 'Deduction per finding (yuan)' },
  monthlyCapYuan: { zh: '每人每月扣款上限（元）', en: 'Monthly cap per person (yuan)' },
  sanction: { zh: '建议处理', en: 'Suggested sanction' },
  generatedAt: { zh: '生成时间', en: 'Generated at' },
  masked: { zh: '电话已遮盖', en: 'Phones masked' },
  language: { zh: '语言', en: 'Language' },
  report: { zh: '报告', en: 'Report' },
  json: { zh: 'JSON', en: 'JSON' },
  more: { zh: '另有 {n} 人', en: '{n} more' },
  row: { zh: '第{row}行', en: 'row {row}' },
  byWarning: { zh: '预警（不定等级，不计入处理）', en: 'Warnings (graded no one, count toward nothing)' },
  warningCount: { zh: '条数', en: 'Count' },
} as const satisfies Record<string, Localized>;

export function text(key: keyof typeof TEXT, lang: Lang): string {
  return TEXT[key][lang];
}

/** The report's language in words, as 运行信息 states it. */
export const LANGUAGE_NAMES: Record<Lang, Localized> = {
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
};

/**
 * Which record a finding is about, in one short line: the record's key where it names something
 * (受理编号, 登记编号, a person and a day, an item, a person), else the sheet and row in words
 * (`中心信息第3行`): a sheet-level finding's key is the sheet's own code and the center sheet's is
 * `center`, neither of which a reader should see. The sheet and row are in end columns too.
 */
export function recordText(ref: { sheet: string; row: number; key: string }, lang: Lang): string {
  if (ref.key !== '' && !isSheetKey(ref.key)) return ref.key.replace('@', ' ');
  const sheet = ledgerSheetLabel(ref.sheet, lang);
  return ref.row > 0 ? `${sheet}${lang === 'zh' ? '' : ' '}${rowWords(ref.row, lang)}` : sheet;
}

/** `第14行` / `row 14`. */
export function rowWords(row: number, lang: Lang): string {
  return TEXT.row[lang].replace('{row}', String(row));
}
