/**
 * The floor for the evaluation benchmark: the 17 case-scope rules of the catalogue written
 * as plain TypeScript predicates over the same fact records the engine sees.
 */
import type { FactValue } from '../src/facts/types.js';

type Facts = Record<string, FactValue>;
const empty = (v: FactValue | undefined) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const num = (v: FactValue | undefined) => (typeof v === 'number' ? v : NaN);
const PLACEHOLDERS = ['无', '没有', '暂无', '/', '／', '-', '－', '—', '——', 'N/A', 'n/a', 'NA', '空'];
const noReason = (v: FactValue | undefined) => empty(v) || PLACEHOLDERS.includes(v as string);

export const CASE_PREDICATES: Record<string, (f: Facts) => boolean> = {
  'agency-fee': (f) => num(f.fee) > 0 && typeof f.fee_item === 'string' && ['代办', '服务费', '手续费', '跑腿费'].some((k) => (f.fee_item as string).includes(k)),
  'case-overdue': (f) => num(f.overdue_days) >= 1 && noReason(f.extension_reason),
  'fee-above-standard': (f) => f.fee_status === 'above-standard',
  'forwarded-promise-missing': (f) => f.kind === '上报件' && empty(f.promised_days),
  'instant-not-same-day': (f) => f.kind === '即办件' && f.materials_complete === true && f.result !== '不予办理' && f.result !== '退回补正' && f.completed_same_day === false,
  'materials-lost': (f) => f.materials_lost === true,
  'materials-not-logged': (f) => f.materials_logged === false,
  'notice-late': (f) => f.materials_complete === false && f.notified === true && num(f.notice_delay) > 5,
  'notice-missing': (f) => f.materials_complete === false && f.notified !== true,
  'policy-deviation-loss': (f) => f.deviation === true && num(f.loss) > 0,
  'promise-exceeds-statutory': (f) => (f.kind === '承诺件' || f.kind === '上报件') && !empty(f.statutory_days) && num(f.promised_days) > num(f.statutory_days),
  'promise-missing': (f) => f.kind === '承诺件' && empty(f.promised_days),
  'refusal-without-reason': (f) => f.result === '不予办理' && noReason(f.refusal_reason),
  'repeated-visits': (f) => f.materials_complete === false && num(f.visits) >= 3,
  'result-notice-late': (f) => (f.result === '办结' || f.result === '不予办理') && !empty(f.completed_on) && num(f.result_notice_delay) > 2,
  'unsatisfied-rating': (f) => f.rating === '不满意' || f.rating === '非常不满意',
  'written-notice-required': (f) => num(f.missing_count) >= 3 && f.notice_form !== '书面告知单',
};
