/**
 * The lookup sheets — staff board, items and fee schedule, the center row — and the
 * inspector's 其他失职 rows. Planted here: a board entry without a phone, a missing badge, an
 * item whose time limit is not posted, the fee schedule's gaps for the fee items the planted
 * cases charge (fixed-cases.ts: pairs missing from it, a line not posted, a line without its
 * 收费依据), a center that posts neither its rules nor its complaint phone, and two inspector
 * entries.
 */
import type { MonthDays } from './month-days.js';
import { COMPLAINT_PHONE, DISTRICT, ITEMS, STAFF } from './roster.js';
import type { SampleRecord } from './types.js';

export const NO_PHONE_ON_BOARD = '黄磊';
export const NO_BADGE = '杨帆';
export const LIMIT_NOT_POSTED = '高龄津贴申请';

/** A fee line in the schedule that is not posted (收费公开 = 否); one planted case charges it. */
export const FEE_NOT_POSTED = { item: '计划生育证明', feeItem: '证明材料复印费', standard: 2, basis: '街道收费目录(2025)' } as const;
/**
 * 低保申请's schedule posts the agency service as free (0 yuan): the case charging a 代办服务费
 * is both an agency fee and a fee above its posted standard (one act, fixed-cases.ts).
 */
export const AGENCY_FEE_LINE = { item: '低保申请', feeItem: '代办服务费', standard: 0, basis: '全程代理制:代办服务一律免费' } as const;
/** A fee line posted without its 收费依据; one planted case charges it. */
export const FEE_NO_BASIS = { item: '残疾人证办理', feeItem: '照片采集费', standard: 20 } as const;

/** 办事公开制/三, the center's part: each item whose charged fee items the schedule fails, and how. */
const FEE_SCHEDULE_GAPS: Readonly<Record<string, string>> = {
  低保申请: '跑腿费 was charged; it is not a line of the fee schedule',
  老年优待证: '工本费 was charged; the item has no line in the fee schedule',
  [FEE_NOT_POSTED.item]: `${FEE_NOT_POSTED.feeItem} was charged; its line is in the schedule but not posted`,
  [FEE_NO_BASIS.item]: `${FEE_NO_BASIS.feeItem} was charged; its line is posted without 收费依据`,
};

export function staffRecords(): SampleRecord[] {
  return STAFF.map((s): SampleRecord => {
    const values: SampleRecord['values'] = { name: s.name, position: s.position, phone: s.phone, posted: true, badge: true };
    const plants: SampleRecord['plants'] = [];
    if (s.name === NO_PHONE_ON_BOARD) {
      delete values.phone;
      plants.push({ ruleId: 'board-entry-incomplete', baseGrade: 'reminder', note: 'staff board entry has no phone' });
    }
    if (s.name === NO_BADGE) {
      values.badge = false;
      plants.push({ ruleId: 'no-badge', baseGrade: 'reminder', note: '佩戴胸卡 = 否' });
    }
    return { values, plants };
  });
}

export function itemRecords(): SampleRecord[] {
  const rows = ITEMS.map((it): SampleRecord => {
    const values: SampleRecord['values'] = {
      item: it.name,
      procedure_posted: true,
      materials_posted: true,
      limit_posted: it.name !== LIMIT_NOT_POSTED,
      statutory_days: it.statutoryDays,
    };
    if (it.fee) Object.assign(values, { fee_item: it.fee.feeItem, fee_standard: it.fee.standard, fee_basis: it.fee.basis, fee_posted: true });
    if (it.name === FEE_NOT_POSTED.item) Object.assign(values, { fee_item: FEE_NOT_POSTED.feeItem, fee_standard: FEE_NOT_POSTED.standard, fee_basis: FEE_NOT_POSTED.basis, fee_posted: false });
    if (it.name === FEE_NO_BASIS.item) Object.assign(values, { fee_item: FEE_NO_BASIS.feeItem, fee_standard: FEE_NO_BASIS.standard, fee_posted: true });
    const plants: SampleRecord['plants'] =
      it.name === LIMIT_NOT_POSTED ? [{ ruleId: 'item-not-disclosed', baseGrade: 'reminder', note: '时限公开 = 否' }] : [];
    const gap = FEE_SCHEDULE_GAPS[it.name];
    if (gap) plants.push({ ruleId: 'fee-schedule-incomplete', baseGrade: 'reminder', note: gap });
    return { values, plants };
  });
  // A second fee line of an item is a row of its own.
  const a = AGENCY_FEE_LINE;
  rows.push({ values: { item: a.item, fee_item: a.feeItem, fee_standard: a.standard, fee_basis: a.basis, fee_posted: true }, plants: [] });
  return rows;
}

export function centerRecords(center: string): SampleRecord[] {
  return [
    {
      values: { center, district: DISTRICT, complaint_phone: COMPLAINT_PHONE, phone_posted: false, rules_posted: false },
      plants: [
        { ruleId: 'rules-not-posted', baseGrade: 'reminder', note: '制度公开 = 否' },
        { ruleId: 'complaint-phone-missing', baseGrade: 'reminder', note: '投诉电话公开 = 否' },
      ],
    },
  ];
}

export function otherRecords(m: MonthDays): SampleRecord[] {
  return [
    {
      values: { date: m.wd(6), staff: '王芳', description: '未经审核擅自修改参保人缴费档次', grade: '批评教育', basis: '失职追究制/二.10 督查记录' },
      plants: [{ ruleId: 'other-dereliction', baseGrade: 'criticism', note: 'inspector entry, suggested 批评教育' }],
    },
    {
      values: { date: m.wd(13), staff: '黄磊', description: '下班未锁存放申请材料的文件柜', grade: '提醒', basis: '失职追究制/二.10 夜查记录' },
      plants: [{ ruleId: 'other-dereliction', baseGrade: 'reminder', note: 'inspector entry, suggested 提醒' }],
    },
  ];
}
