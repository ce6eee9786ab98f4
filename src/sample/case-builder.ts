/**
 * Builds case records that keep every rule: the background of the sample month. A planted
 * case starts from one of these and changes exactly what its rule is about.
 *
 * What "clean" means here, rule by rule (ARCHITECTURE "The catalogue"):
 * - 即办件 with complete materials are completed the day they are received; with incomplete
 *   ones, the day the applicant brings the rest (补齐日期), or they stay 退回补正;
 * - 承诺件/上报件 carry a promised limit no longer than the item's statutory limit and are
 *   completed by their working-day deadline, or are still open with the deadline not passed;
 * - incomplete materials are notified within 5 working days, in 书面告知单 form when 3 or
 *   more items are missing, and the applicant comes at most twice;
 * - a 办结 or 不予办理 case is told its result within 2 working days; a refusal has a reason;
 * - fees only on posted fee lines, at or under the standard; materials logged, none lost;
 *   no 差错, no 政策偏差, no 不满意.
 */
import type { CaseKind, IsoDate, NoticeForm, Rating } from '../ledger/types.js';
import type { MonthDays } from './month-days.js';
import type { Random } from './random.js';
import { GIVEN, SURNAMES, type ServiceItem } from './roster.js';
import type { SampleRecord } from './types.js';

export type CaseValues = SampleRecord['values'];

export function personName(rng: Random): string {
  const given = rng.chance(0.6) ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

export function mobile(rng: Random): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

const REFUSALS = ['不属于本中心受理范围', '申请人不符合申请条件', '已在户籍地办理,不得重复申请', '家庭人均收入超过当地标准'];
const GOOD_RATINGS: readonly (readonly [Rating | undefined, number])[] = [['非常满意', 45], ['满意', 38], ['基本满意', 9], [undefined, 8]];

/** The fields every case has, before its outcome. */
export function caseBase(rng: Random, received: IsoDate, item: ServiceItem, kind: CaseKind, handler: string): CaseValues {
  return {
    received_on: received,
    applicant: personName(rng),
    phone: mobile(rng),
    item: item.name,
    kind,
    handler,
    materials_complete: true,
    visits: 1,
    materials_logged: true,
    materials_lost: false,
    error: rng.chance(0.7) ? false : undefined,
    deviation: rng.chance(0.7) ? false : undefined,
  };
}

/** Completed on `date` and told the result that day or the next working day (never after as-of). */
export function complete(v: CaseValues, m: MonthDays, rng: Random, date: IsoDate, result: '办结' | '不予办理' | '已转报' = '办结'): CaseValues {
  v.completed_on = date;
  v.result = result;
  const next = m.add(date, 1);
  v.result_notified_on = rng.chance(0.35) && m.byAsOf(next) ? next : date;
  if (result === '不予办理') v.refusal_reason = rng.pick(REFUSALS);
  const rating = rng.weighted(GOOD_RATINGS);
  if (rating) v.rating = rating;
  return v;
}

/** Charges the item's posted fee when it has one (at or under the standard). */
function chargeFee(v: CaseValues, item: ServiceItem, rng: Random): void {
  if (!item.fee || v.result !== '办结' || !rng.chance(item.fee.share)) return;
  v.fee_item = item.fee.feeItem;
  v.fee = rng.pick(item.fee.amounts);
  if (item.name === '居住证办理') v.note = rng.pick(['补领', '换领(有效期满)', '遗失补办']);
}

/** A promised working-day limit no longer than the statutory one. */
export function promise(item: ServiceItem, rng: Random): number {
  return rng.chance(0.6) ? item.statutoryDays : rng.int(Math.max(1, Math.ceil(item.statutoryDays / 2)), item.statutoryDays);
}

/** A 承诺件/上报件 finished inside its limit, or still open while the deadline has not passed. */
function finishInTime(v: CaseValues, m: MonthDays, rng: Random, received: IsoDate, promised: number): CaseValues {
  v.promised_days = promised;
  const offset = rng.int(Math.max(1, Math.ceil(promised * 0.3)), promised);
  const done = m.add(received, offset);
  if (!m.byAsOf(done)) {
    // Not done yet; the deadline is after as-of because it is on or after `done`.
    v.result = v.kind === '上报件' && rng.chance(0.5) ? '已转报' : '办理中';
    return v;
  }
  const refused = rng.chance(0.03);
  const result = refused ? '不予办理' : v.kind === '上报件' && rng.chance(0.4) ? '已转报' : '办结';
  return complete(v, m, rng, done, result);
}

/** A case with complete materials that keeps every rule. */
export function cleanCompleteCase(m: MonthDays, rng: Random, received: IsoDate, item: ServiceItem, kind: CaseKind, handler: string): CaseValues {
  const v = caseBase(rng, received, item, kind, handler);
  if (kind === '即办件') complete(v, m, rng, received, rng.chance(0.03) ? '不予办理' : '办结');
  else finishInTime(v, m, rng, received, promise(item, rng));
  chargeFee(v, item, rng);
  return v;
}

/** One-time notification done right: in time, written when ≥ 3 items are missing. */
export function notify(v: CaseValues, m: MonthDays, rng: Random, received: IsoDate, missing: number): void {
  v.materials_complete = false;
  v.missing_count = missing;
  v.notified = true;
  let form: NoticeForm = missing >= 3 ? '书面告知单' : rng.weighted<NoticeForm>([['当场口头', 6], ['电话', 2], ['书面告知单', 2]]);
  let on = received;
  if (form === '电话') {
    const later = m.add(received, rng.int(1, 3));
    if (m.byAsOf(later)) on = later;
    else form = '当场口头';
  }
  v.notice_form = form;
  v.notified_on = on;
}

/** A case with incomplete materials that keeps every rule. */
export function cleanIncompleteCase(m: MonthDays, rng: Random, received: IsoDate, item: ServiceItem, kind: CaseKind, handler: string): CaseValues {
  const v = caseBase(rng, received, item, kind, handler);
  notify(v, m, rng, received, rng.chance(0.2) ? rng.int(3, 4) : rng.int(1, 2));
  v.note = `缺${item.materials.split('、')[rng.int(0, item.materials.split('、').length - 1)]}`;
  if (kind === '即办件') {
    const back = m.add(v.notified_on as string, rng.int(1, 5));
    if (rng.chance(0.5) && m.byAsOf(back)) {
      v.visits = 2;
      // The applicant came back with the rest: the clock starts again that day (补齐日期).
      v.materials_completed_on = back;
      complete(v, m, rng, back);
      chargeFee(v, item, rng);
    } else {
      v.result = '退回补正';
    }
    return v;
  }
  v.visits = 2;
  finishInTime(v, m, rng, received, promise(item, rng));
  chargeFee(v, item, rng);
  return v;
}
