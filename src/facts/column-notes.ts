/**
 * What a reviewer needs to know about a column fact beyond its name: how empty cells and
 * defaults behave. Keyed by `sheet.column`; columns without a note get only their name.
 */
import type { Localized } from '../text.js';

export const COLUMN_NOTES: Record<string, Localized> = {
  'cases.kind': { zh: '即办件 / 承诺件 / 上报件(上报件 = 转报上级审批)', en: '即办件 / 承诺件 / 上报件 (上报件 = forwarded for higher approval)' },
  'cases.notified': { zh: '空白按未告知处理(值为 null,不等于 true)', en: 'empty means not notified (null, never equal to true)' },
  'cases.visits': { zh: '空白按 1 次计', en: 'defaults to 1 when empty' },
  'cases.promised_days': { zh: '工作日;空白为 null', en: 'working days; null when empty' },
  'cases.completed_on': { zh: '未办结时为 null', en: 'null while the case is open' },
  'cases.extension_reason': { zh: '有记载的特殊原因可免于逾期追究', en: 'a documented special reason stops the overdue rule' },
  'cases.result_notified_on': { zh: '全程代理"回复"环节', en: 'the 回复 (reply) step of the agency process' },
  'cases.materials_logged': { zh: '仅明确填"否"时为 false', en: 'false only when explicitly 否' },
  'cases.fee': { zh: '元', en: 'yuan' },
  'cases.loss': { zh: '给申请人造成的损失,元', en: 'loss caused to the applicant, yuan' },
  'cases.error': { zh: '复核发现的办理差错', en: 'a handling error found on review' },
  'cases.deviation': { zh: '政策执行偏差', en: 'policy applied wrongly' },
  'complaints.substantiated': { zh: '是 / 否 / 待查', en: '是 (yes) / 否 (no) / 待查 (under investigation)' },
  'attendance.approved': { zh: '请假、出差、会议是否事先报批', en: 'whether the absence was approved beforehand' },
  'staff.name': { zh: '人员公示栏上的姓名,或本期经办人姓名', en: 'a name on the staff board, or a case handler of the period' },
  'items.item': { zh: '本期办件涉及的事项名称', en: 'an item handled by a case in the period' },
  'items.statutory_days': { zh: '工作日', en: 'working days' },
  'items.fee_standard': { zh: '元', en: 'yuan' },
  'other.grade': { zh: '督查人员填写的建议等级(中文)', en: 'the grade the inspector entered (Chinese label)' },
};
