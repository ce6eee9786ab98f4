/** Every word `rules diff` prints or writes, in Chinese and English, typed by key. */
import { fillTemplate, type Lang, type Localized } from '../text.js';
import type { ChangeKind } from './types.js';

export const CHANGE_LABELS: Record<ChangeKind, Localized> = {
  added: { zh: '新增', en: 'Added' },
  removed: { zh: '移除', en: 'Removed' },
  regraded: { zh: '等级变化', en: 'Regraded' },
  status: { zh: '状态变化', en: 'Status changed' },
};

export type DiffSheet = ChangeKind | 'byRule' | 'byPerson';
export const DIFF_SHEETS: readonly DiffSheet[] = ['added', 'removed', 'regraded', 'status', 'byRule', 'byPerson'];

export const DIFF_SHEET_NAMES: Record<DiffSheet, Localized> = {
  ...CHANGE_LABELS,
  byRule: { zh: '按规则', en: 'By rule' },
  byPerson: { zh: '按人员', en: 'By person' },
};

export const DIFF_TEXT = {
  heading: { zh: '规则差异', en: 'Rule diff' },
  oldRules: { zh: '旧规则', en: 'Old rules' },
  newRules: { zh: '新规则', en: 'New rules' },
  rulesCount: { zh: '{n} 条规则', en: '{n} rules' },
  editedRules: { zh: '改动的规则', en: 'Rules edited' },
  ruleAdded: { zh: '新增', en: 'added' },
  ruleRemoved: { zh: '删除', en: 'removed' },
  ruleChanged: { zh: '修改', en: 'changed' },
  noEdits: { zh: '无（规则文件相同）', en: 'none (the rule files are the same)' },
  policyChanged: { zh: '处理政策（policy.json）已修改', en: 'the grading policy (policy.json) changed' },
  workbook: { zh: '工作簿', en: 'Workbook' },
  findingsBeforeAfter: { zh: '问题 {old} → {new}', en: 'findings {old} → {new}' },
  total: { zh: '合计', en: 'Total' },
  noChanges: { zh: '两套规则在这些台账上的检查结果相同', en: 'both rule sets give the same findings on these ledgers' },
  id: { zh: '问题编号', en: 'ID' },
  rule: { zh: '规则', en: 'Rule' },
  clause: { zh: '条款', en: 'Clause' },
  title: { zh: '问题', en: 'Rule title' },
  subject: { zh: '责任对象', en: 'Subject' },
  center: { zh: '中心', en: 'Center' },
  period: { zh: '期间', en: 'Period' },
  sheet: { zh: '台账', en: 'Sheet' },
  row: { zh: '行', en: 'Row' },
  record: { zh: '记录编号', en: 'Record' },
  date: { zh: '日期', en: 'Date' },
  message: { zh: '问题描述', en: 'Evidence' },
  before: { zh: '原等级', en: 'Before' },
  after: { zh: '新等级', en: 'After' },
  oldBase: { zh: '原基础等级', en: 'Old base grade' },
  oldGrade: { zh: '原处理等级', en: 'Old final grade' },
  newBase: { zh: '新基础等级', en: 'New base grade' },
  newGrade: { zh: '新处理等级', en: 'New final grade' },
  oldStatus: { zh: '原状态', en: 'Old status' },
  newStatus: { zh: '新状态', en: 'New status' },
  staffKind: { zh: '人员', en: 'staff' },
  centerKind: { zh: '中心', en: 'center' },
  kind: { zh: '类别', en: 'Kind' },
} as const satisfies Record<string, Localized>;

export type DiffTextKey = keyof typeof DIFF_TEXT;

export function dt(key: DiffTextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return fillTemplate(DIFF_TEXT[key][lang], vars);
}
