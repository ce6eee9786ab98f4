/**
 * What settlement made of a finding and what the audit warns of, in the words the terminal and
 * the reports share (docs/grading.md): each status as a label and as the sentence that says why
 * ("并入 F-…", "已于2026-09通报", "已撤销：理由"), the 预警 kinds, and the 运行信息 notes on the
 * earlier reports (--history) and the appeal decisions (--decisions) a run read or went without.
 * src/report/labels.ts renders them for the report sheets and the JSON; the summary, --explain
 * and `rules diff` print them.
 */
import type { Localized } from '../text.js';

export const SETTLEMENT_TEXT = {
  // ---- a finding's status: a label (column filters, counts), then the sentence with its why ----
  'status.counted': { zh: '计入', en: 'Counted' },
  'status.merged': { zh: '并入', en: 'Merged' },
  'status.reported-before': { zh: '此前已通报', en: 'Reported before' },
  'status.withdrawn': { zh: '已撤销', en: 'Withdrawn' },
  'status.regraded': { zh: '复核改级', en: 'Regraded' },
  'status.mergedInto': { zh: '并入 {id}', en: 'merged into {id}' },
  'status.reportedIn': { zh: '已于{month}通报', en: 'reported in {month}' },
  'status.withdrawnBecause': { zh: '已撤销：{reason}', en: 'withdrawn: {reason}' },
  'status.regradedTo': { zh: '复核改为{grade}：{reason}', en: 'regraded to {grade} on appeal: {reason}' },
  'status.higherNow': { zh: '（{month}已通报，现等级更高）', en: '(reported in {month} at a lower grade)' },
  'status.higherNowCharged': {
    zh: '（{month}已通报，现等级更高，已扣{yuan}元，只计差额）',
    en: '(reported in {month} at a lower grade; ¥{yuan} charged then, only the difference now)',
  },
  'status.upheld': { zh: '（复核维持：{reason}）', en: '(upheld on appeal: {reason})' },

  // ---- 预警 kinds (src/audit/warnings.ts): they grade no one ----
  'warning.due-soon': { zh: '即将到期', en: 'Due soon' },
  'warning.overdue-open': { zh: '已超期未办结', en: 'Open past its deadline' },
  'warning.pending-complaint': { zh: '投诉待查', en: 'Complaint pending' },

  // ---- 运行信息: the earlier reports and appeal decisions the run read, or went without ----
  'run.history': { zh: '历史报告', en: 'Earlier reports' },
  'run.noHistory': {
    zh: '未提供：上月已通报、仍逾期未结的办件，以及此前登记、现经核实的投诉，可能重复计入',
    en: 'none given: an overdue case reported last month as open, or a complaint logged earlier and substantiated now, may be counted again',
  },
  'run.historyEmpty': {
    zh: '{source} 中没有本中心此前月份的报告，重复计入仍有可能',
    en: '{source} holds no earlier report of this center, so a repeat is still possible',
  },
  'run.historyFile': { zh: '{file}（历史报告，{period}）', en: '{file} (earlier report, {period})' },
  'run.ignored': { zh: '未采用：{reason}', en: 'Not used: {reason}' },
  'run.ignored.same-period': { zh: '与本次同月', en: 'same period as this audit' },
  'run.ignored.later-period': { zh: '晚于本次月份', en: 'a later period' },
  'run.ignored.superseded': { zh: '同月有更新的报告', en: 'a later report of that period is used' },
  'run.decisions': { zh: '复核决定', en: 'Appeal decisions' },
  'run.noDecisions': { zh: '未提供', en: 'none given' },
  'run.decisionsFile': { zh: '{file}（复核决定，{n} 条）', en: '{file} (appeal decisions, {n})' },
} as const satisfies Record<string, Localized>;
