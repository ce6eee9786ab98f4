/**
 * The cases placed by hand: one or more per case-scope rule (each breaking exactly what its
 * rule is about and nothing else), near misses that must NOT fire (listed in planted.json), the
 * error cases that make one person reach the 二.3 threshold, the seconded handler's cases,
 * late-September cases audited in the period, the cases charging the fees the items sheet
 * fails to post (办事公开制/三, the center's part, board.ts), and two rows with unreadable cells.
 */
import type { IsoDate } from '../ledger/types.js';
import { caseBase, cleanCompleteCase, complete, notify, type CaseValues } from './case-builder.js';
import { lossGrade, overdueGrade, visitsGrade } from './ladders.js';
import { previousPeriod, type MonthDays } from './month-days.js';
import type { Random } from './random.js';
import { AGENCY_FEE_LINE, FEE_NO_BASIS, FEE_NOT_POSTED } from './board.js';
import { itemByName, SECONDED } from './roster.js';
import type { BadCell, NearMiss, Plant, PlantSettled, SampleWarning } from './types.js';

export interface FixedCase {
  values: CaseValues;
  plants: Plant[];
  bad?: BadCell;
  nearMiss?: NearMiss;
  warning?: SampleWarning;
  /** A case of an earlier month entered at the foot of the sheet (补录), below the period's own rows. */
  enteredLate?: boolean;
  /** Written with the 受理编号 of the row above it (a duplicate id). */
  duplicateOfPrevious?: boolean;
}

const p = (ruleId: string, baseGrade: Plant['baseGrade'], note: string, settled?: PlantSettled): Plant => ({ ruleId, baseGrade, note, ...(settled ? { settled } : {}) });


export function fixedCases(m: MonthDays, rng: Random): FixedCase[] {
  const out: FixedCase[] = [];
  const add = (values: CaseValues, ...plants: Plant[]): CaseValues => {
    out.push({ values, plants });
    return values;
  };
  const quiet = (values: CaseValues, ruleIds: string[], note: string): void => {
    out.push({ values, plants: [], nearMiss: { ruleIds, note } });
  };
  /** The case just added raises this warning on as-of. */
  const warn = (warning: SampleWarning): void => {
    out[out.length - 1]!.warning = warning;
  };
  const earlier = previousPeriod(m.period);
  /** A complete case of `item` by its usual handler, before its outcome. */
  const base = (received: IsoDate, item: string, kind = itemByName(item).kinds[0]![0], handler = itemByName(item).handlers[0]!): CaseValues =>
    caseBase(rng, received, itemByName(item), kind, handler);
  /** A 承诺件/上报件 promised `promised` days and completed `after` working days after receipt. */
  const promised = (received: IsoDate, item: string, days: number | undefined, after: number, result: '办结' | '已转报' = '办结'): CaseValues => {
    const v = base(received, item);
    if (days !== undefined) v.promised_days = days;
    return complete(v, m, rng, m.add(received, after), result);
  };
  const instant = (received: IsoDate, item: string): CaseValues => complete(base(received, item, '即办件'), m, rng, received);
  const overdueOpen = (received: IsoDate, item: string, days: number): { v: CaseValues; grade: Plant['baseGrade']; overdue: number; warning: SampleWarning } => {
    const v = base(received, item);
    v.promised_days = days;
    v.result = '办理中';
    const due = m.add(received, days);
    const overdue = m.between(due, m.asOf);
    return { v, grade: overdueGrade(overdue), overdue, warning: { kind: 'overdue-open', dueOn: due, workingDaysLeft: -overdue, note: `open past its deadline, ${overdue} working days` } };
  };

  // ── Late September: received before the period, audited because open or completed inside it.
  add(promised(m.wd(-5), '居住证办理', 5, 5));
  {
    const { v, grade, overdue, warning } = overdueOpen(m.wd(-2), '低保申请', 15);
    v.note = '已报街道,待审批';
    add(v, p('case-overdue', grade, `上报件 received before the period, still open on as-of: ${overdue} working days overdue`));
    warn(warning);
  }
  add(promised(m.wd(-1), '老年优待证', 10, 6));
  {
    const v = promised(m.wd(-4), '残疾人证办理', 15, 18, '已转报');
    v.extension_reason = '需等待市残联残疾等级鉴定结果,已告知申请人';
    quiet(v, ['case-overdue'], 'late, but with a documented extension reason');
  }
  // ── 失职追究制/二.6: one overdue case per ladder step.
  {
    const v = promised(m.wd(4), '居住证办理', 5, 6);
    add(v, p('case-overdue', overdueGrade(m.between(m.add(m.wd(4), 5), v.completed_on as string)), '承诺件 completed one working day after its deadline'));
  }
  {
    const { v, grade, overdue, warning } = overdueOpen(m.wd(3), '临时救助申请', 7);
    add(v, p('case-overdue', grade, `上报件 still open on as-of, ${overdue} working days overdue`));
    warn(warning);
  }
  {
    const { v, grade, overdue, warning } = overdueOpen(m.wd(1), '独生子女父母奖励', 3);
    add(v, p('case-overdue', grade, `承诺件 still open on as-of, ${overdue} working days overdue`));
    warn(warning);
  }

  // ── The limit a case is bound by (docs/time-limits.md).
  {
    // No promise: bound by 老年优待证's statutory 10 working days.
    const v = base(m.wd(2), '老年优待证');
    v.result = '办理中';
    const due = m.add(m.wd(2), 10);
    const overdue = m.between(due, m.asOf);
    add(v,
      p('promise-missing', 'reminder', '承诺件 with no 承诺时限'),
      p('case-overdue', overdueGrade(overdue), `no promise, so bound by the statutory 10 working days: still open on as-of, ${overdue} working days overdue`));
    warn({ kind: 'overdue-open', dueOn: due, workingDaysLeft: -overdue, note: `open past the statutory limit, ${overdue} working days` });
  }
  {
    // A 即办件 left undone past 门前三包登记's statutory 3 working days.
    const v = base(m.wd(3), '门前三包登记', '即办件');
    v.result = '办理中';
    const due = m.add(m.wd(3), 3);
    const overdue = m.between(due, m.asOf);
    add(v,
      p('instant-not-same-day', 'reminder', '即办件 with complete materials not completed the day it was received'),
      p('case-overdue', overdueGrade(overdue), `即办件 still open past its statutory 3 working days: ${overdue} working days overdue`));
    warn({ kind: 'overdue-open', dueOn: due, workingDaysLeft: -overdue, note: `即办件 open past its statutory limit, ${overdue} working days` });
  }
  {
    // A 上报件 promised 20 against 临时救助申请's statutory 15: the promise binds only up to 15.
    const v = promised(m.wd(1), '临时救助申请', 20, 17, '已转报');
    add(v,
      p('promise-exceeds-statutory', 'reminder', '上报件 promised 20 working days, statutory limit 15'),
      p('case-overdue', overdueGrade(m.between(m.add(m.wd(1), 15), v.completed_on as string)), 'promised 20 but bound by the statutory 15: completed on day 17, 2 working days late'));
  }
  {
    // 补齐日期 starts the clock: late counted from receipt, in time from the day the materials were complete.
    const v = base(m.wd(2), '居住证办理');
    notify(v, m, rng, m.wd(2), 1);
    Object.assign(v, { notice_form: '当场口头', visits: 2, promised_days: 5, materials_completed_on: m.wd(6) });
    complete(v, m, rng, m.add(m.wd(6), 4));
    quiet(v, ['case-overdue'], 'completed 8 working days after receipt with a 5-day promise, but the clock starts on 补齐日期, 4 working days before completion');
  }
  {
    // 退回补正: with the applicant, never overdue however long it stays open.
    const v = base(m.wd(1), '独生子女父母奖励');
    notify(v, m, rng, m.wd(1), 3);
    Object.assign(v, { notice_form: '书面告知单', promised_days: 3, result: '退回补正' });
    quiet(v, ['case-overdue'], '退回补正 since the first working day: with the applicant, never overdue');
  }
  {
    // A placeholder extension reason (无) counts as empty.
    const v = promised(m.wd(5), '居住证办理', 3, 6);
    v.extension_reason = '无';
    add(v, p('case-overdue', overdueGrade(m.between(m.add(m.wd(5), 3), v.completed_on as string)), '延期原因 written as 无, a placeholder: counts as empty'));
  }

  // ── 失职追究制/二.2: applicants sent back and forth.
  {
    const v = base(m.wd(6), '就业失业登记', '即办件');
    notify(v, m, rng, m.wd(6), 2);
    v.notice_form = '当场口头';
    v.notified_on = m.wd(6);
    v.visits = 3;
    v.result = '退回补正';
    add(v, p('repeated-visits', visitsGrade(3), 'materials incomplete, the applicant came 3 times'));
  }
  {
    const v = base(m.wd(7), '计划生育证明', '即办件');
    notify(v, m, rng, m.wd(7), 1);
    v.notice_form = '电话';
    v.notified_on = m.add(m.wd(7), 1);
    v.visits = 4;
    complete(v, m, rng, m.add(m.wd(7), 4));
    add(v, p('repeated-visits', visitsGrade(4), 'materials incomplete, the applicant came 4 times'));
  }

  // ── 失职追究制/二.4: policy applied wrongly, with a loss.
  {
    const v = promised(m.wd(2), '临时救助申请', 15, 8);
    Object.assign(v, { deviation: true, loss: 300, note: '救助标准适用错误,少发救助金' });
    add(v, p('policy-deviation-loss', lossGrade(300), '政策偏差 with a loss of 300 yuan'));
  }
  {
    const v = promised(m.wd(5), '独生子女父母奖励', 20, 7);
    Object.assign(v, { deviation: true, loss: 1200, note: '奖励年限计算错误' });
    add(v, p('policy-deviation-loss', lossGrade(1200), '政策偏差 with a loss of 1,200 yuan'));
  }

  // ── 失职追究制/二.7 and 二.8.
  {
    const v = complete(base(m.wd(8), '门前三包登记', '即办件'), m, rng, m.wd(8), '不予办理');
    delete v.refusal_reason;
    delete v.rating;
    add(v, p('refusal-without-reason', 'criticism', '不予办理 with no reason recorded'));
  }
  {
    const v = complete(base(m.wd(9), '门前三包登记', '即办件', '陈静'), m, rng, m.wd(9), '不予办理');
    v.refusal_reason = '/';
    delete v.rating;
    add(v, p('refusal-without-reason', 'criticism', '不予办理原因 written as /, a placeholder: counts as empty (regraded to a reminder on appeal)', {
      status: 'regraded',
      decision: { decision: '改为提醒', reason: '已当场口头说明不予办理原因，仅台账漏记' },
    }));
  }
  add(Object.assign(promised(m.wd(9), '老年优待证', 10, 5), { materials_logged: false }), p('materials-not-logged', 'reminder', '材料登记 = 否'));
  add(
    Object.assign(promised(m.wd(2), '残疾人证办理', 20, 12, '已转报'), { materials_lost: true, note: '申请人照片遗失,已重新采集' }),
    p('materials-lost', 'notice', '材料遗失 = 是 (upheld on appeal)', { status: 'counted', decision: { decision: '维持', reason: '遗失属实，重新采集增加申请人往返' } }),
  );

  // ── 一次性告知制/二, 三.
  {
    // Never told what was missing, so the applicant came a third time: one act, two rules
    // (notice-missing and repeated-visits tie at criticism; the rule listed first counts).
    const v = base(m.wd(10), '城乡居民医保参保登记', '即办件');
    Object.assign(v, { materials_complete: false, missing_count: 1, notified: false, visits: 3, result: '退回补正' });
    add(v,
      p('notice-missing', 'criticism', 'materials incomplete, 一次性告知 = 否'),
      p('repeated-visits', visitsGrade(3), 'not notified, so the applicant came 3 times: the same act as the missing notice', { status: 'merged', into: 'notice-missing' }));
  }
  {
    const v = base(m.wd(12), '就业失业登记', '即办件');
    Object.assign(v, { materials_complete: false, missing_count: 2, result: '退回补正' });
    add(v, p('notice-missing', 'criticism', 'materials incomplete, 一次性告知 left empty'));
  }
  {
    const v = base(m.wd(3), '计划生育证明', '即办件');
    notify(v, m, rng, m.wd(3), 2);
    Object.assign(v, { notice_form: '电话', notified_on: m.add(m.wd(3), 7), result: '退回补正' });
    add(v, p('notice-late', 'reminder', 'notified 7 working days after receipt (limit 5)'));
  }
  {
    const v = base(m.wd(11), '城乡居民医保参保登记', '即办件');
    notify(v, m, rng, m.wd(11), 3);
    Object.assign(v, { notice_form: '当场口头', result: '退回补正' });
    add(v, p('written-notice-required', 'reminder', '3 materials missing, told orally instead of a 书面告知单'));
  }

  // ── 限时办结制/二, 三, 四.
  add(complete(base(m.wd(13), '门前三包登记', '即办件'), m, rng, m.add(m.wd(13), 1)), p('instant-not-same-day', 'reminder', '即办件 with complete materials completed the next working day'));
  add(promised(m.wd(5), '居住证办理', undefined, 8), p('promise-missing', 'reminder', '承诺件 with no 承诺时限'));
  add(promised(m.wd(6), '老年优待证', 15, 8), p('promise-exceeds-statutory', 'reminder', 'promised 15 working days, statutory limit 10'));
  add(promised(m.wd(4), '高龄津贴申请', undefined, 5, '已转报'), p('forwarded-promise-missing', 'reminder', '上报件 with no 承诺时限'));

  // ── 全程代理制/三.3: result told late, or not at all.
  {
    const v = instant(m.wd(7), '就业失业登记');
    v.result_notified_on = m.add(m.wd(7), 4);
    add(v, p('result-notice-late', 'reminder', 'result told 4 working days after completion (limit 2)'));
  }
  {
    const v = promised(m.wd(2), '居住证办理', 10, 7);
    delete v.result_notified_on;
    add(v, p('result-notice-late', 'reminder', 'completed, result never told by as-of'));
  }

  // ── Fees: 工作人员守则/五 and 办事公开制/三 (the handler's part here; the center's part is
  // planted on the items sheet, board.ts, for the fee items these cases charge).
  {
    // The schedule posts 代办服务费 at 0 yuan (free): one charge, the agency-fee rule and the
    // over-standard rule on one act, and a 乱收费 complaint about it (complaints.ts).
    const v = promised(m.wd(8), '低保申请', 20, 10, '已转报');
    Object.assign(v, { fee_item: AGENCY_FEE_LINE.feeItem, fee: 50 });
    add(v,
      p('agency-fee', 'notice', 'a 代办服务费 of 50 yuan charged for the agency service'),
      p('fee-above-standard', 'notice', '代办服务费 50 yuan charged, posted standard 0 (free): the same charge as the agency fee', { status: 'merged', into: 'agency-fee' }));
  }
  {
    const v = promised(m.wd(12), '低保申请', 20, 3, '已转报');
    Object.assign(v, { fee_item: '跑腿费', fee: 20 });
    add(v, p('agency-fee', 'notice', 'a 跑腿费 of 20 yuan charged for running the errand'));
  }
  add(
    Object.assign(promised(m.wd(10), '居住证办理', 10, 4), { fee_item: '工本费', fee: 30, note: '补领' }),
    p('fee-above-standard', 'notice', '工本费 30 yuan charged, posted standard 20 (a 乱收费 complaint is about it, complaints.ts)'),
  );
  add(Object.assign(promised(m.wd(11), '老年优待证', 10, 3), { fee_item: '工本费', fee: 10 }));
  add(Object.assign(instant(m.wd(4), FEE_NOT_POSTED.item), { fee_item: FEE_NOT_POSTED.feeItem, fee: FEE_NOT_POSTED.standard }));
  add(Object.assign(promised(m.wd(6), FEE_NO_BASIS.item, 20, 9, '已转报'), { fee_item: FEE_NO_BASIS.feeItem, fee: FEE_NO_BASIS.standard }));

  // ── 服务承诺制/一.3.
  add(Object.assign(instant(m.wd(12), '城乡居民医保参保登记'), { rating: '不满意' }), p('unsatisfied-rating', 'reminder', '好差评: 不满意'));
  add(
    Object.assign(promised(m.wd(3), '低保申请', 20, 15), { rating: '非常不满意' }),
    p('unsatisfied-rating', 'reminder', '好差评: 非常不满意 (withdrawn on appeal)', { status: 'withdrawn', decision: { decision: '撤销', reason: '评价系申请人误触，本人已书面说明并重新评价为满意' } }),
  );

  // ── 失职追究制/二.3: 王芳 reaches 3 cases with 差错; others stay under the threshold.
  const errorCase = (received: IsoDate, item: string, handler: string): void => {
    const it = itemByName(item);
    const v = cleanCompleteCase(m, rng, received, it, '即办件', handler);
    Object.assign(v, { error: true, note: '复核发现信息录入差错,已更正' });
    add(v);
  };
  errorCase(m.wd(2), '城乡居民医保参保登记', '王芳');
  errorCase(m.wd(9), '城乡居民医保参保登记', '王芳');
  errorCase(m.wd(14), '城乡居民养老保险缴费', '王芳');
  errorCase(m.wd(5), '就业失业登记', '杨帆');
  errorCase(m.wd(13), '就业失业登记', '杨帆');
  errorCase(m.wd(15), '门前三包登记', '陈静');

  // ── 办事公开制/一: a seconded colleague handles cases without being on the staff board.
  for (const n of [10, 11, 12]) add(cleanCompleteCase(m, rng, m.wd(n), itemByName('居住证办理'), '承诺件', SECONDED));

  // ── Unreadable cells (全程代理制/三.4 counts the sheet once).
  out.push({
    values: cleanCompleteCase(m, rng, m.wd(7), itemByName('居住证办理'), '承诺件', '李敏'),
    plants: [],
    bad: { column: 'promised_days', raw: 'abc', code: 'bad-integer', note: '承诺时限 written as text' },
  });
  out.push({ values: cleanCompleteCase(m, rng, m.wd(14), itemByName('门前三包登记'), '即办件', '陈静'), plants: [], duplicateOfPrevious: true });

  // ── Carried over from the month before, open past their deadlines then and now: the history
  // report (that month's audit) charged them, so this month charges only what is new. Entered
  // at the foot of the sheet (补录), below the month's own cases.
  {
    // Overdue 8 working days by the end of last month (notice), more than 10 now (deduction):
    // it kept slipping, so it counts again, charged the new amount less what was charged then.
    // Its materials were never logged: a receipt-time duty, judged last month and not again.
    const { v, grade, overdue, warning } = overdueOpen(m.wd(-12), '临时救助申请', 3);
    v.materials_logged = false;
    out.push({
      values: v,
      plants: [p('case-overdue', grade, `received last month, overdue then (notice) and still open: ${overdue} working days overdue now`, { status: 'counted', reportedIn: earlier })],
      nearMiss: { ruleIds: ['materials-not-logged'], note: 'received last month: its materials were judged then (a receipt-time duty), not again' },
      warning,
      enteredLate: true,
    });
  }
  {
    // Already a deduction at the end of last month, still one: reported before, charged nothing now.
    const { v, grade, overdue, warning } = overdueOpen(m.wd(-16), '高龄津贴申请', 3);
    add(v, p('case-overdue', grade, `received last month, already a deduction then and still open: ${overdue} working days overdue`, { status: 'reported-before', reportedIn: earlier }));
    warn(warning);
    out[out.length - 1]!.enteredLate = true;
  }

  {
    // Due within 2 working days after as-of: a warning (预警), no finding.
    const received = m.wd(m.working.length - 2);
    const v = base(received, '居住证办理');
    Object.assign(v, { promised_days: 3, result: '办理中' });
    const due = m.add(received, 3);
    const left = m.between(m.asOf, due);
    quiet(v, ['case-overdue'], `open and due ${left} working day(s) after as-of: due soon (预警), not overdue`);
    warn({ kind: 'due-soon', dueOn: due, workingDaysLeft: left, note: 'open, due soon' });
  }
  return out;
}
