/**
 * Attendance exceptions and the A/B post handovers that cover absences. Every approved leave,
 * trip or meeting has a handover row that day, except the planted ones; a 5-day trip is covered
 * by one handover row with 结束日期 (no finding), a 3-day leave by none (one finding, on its
 * first day), a 2-day unapproved leave gives one finding, a leave neither approved nor handed over
 * gives two findings on one act (one merged); one person is late often enough that
 * repeat escalation shows; one row carries an impossible date.
 */
import type { AttendanceStatus } from '../ledger/types.js';
import type { MonthDays } from './month-days.js';
import type { Random } from './random.js';
import { DIRECTOR, STAFF } from './roster.js';
import type { NearMiss, Plant, SampleRecord } from './types.js';

interface AttendanceSpec {
  wd: number;
  /** Consecutive working days from `wd` (an absence of several days); default 1. */
  days?: number;
  /** Several days: one handover row with 结束日期 instead of one per day. */
  handoverRange?: boolean;
  staff: string;
  status: AttendanceStatus;
  minutes?: number;
  approved?: boolean;
  /** Absences: who covers (omitted → no handover row). */
  cover?: string;
  reason?: string;
  /** On the first day's row. */
  plant?: Plant;
  /** A second rule on the same absence (one act: merged into `plant`). */
  alsoPlant?: Plant;
  nearMiss?: NearMiss;
  /** Written with an impossible date (a data issue). */
  badDate?: boolean;
}

const late = (wd: number, staff: string, status: '迟到' | '早退', minutes: number): AttendanceSpec => ({
  wd, staff, status, minutes,
  plant: { ruleId: 'attendance-late', baseGrade: 'reminder', note: `${status} ${minutes} 分钟` },
});

const away = (wd: number, staff: string, status: '请假' | '出差' | '会议', cover: string, reason: string): AttendanceSpec => ({
  wd, staff, status, approved: true, cover, reason,
});

const SPECS: AttendanceSpec[] = [
  late(2, '杨帆', '迟到', 25),
  late(5, '杨帆', '迟到', 15),
  late(9, '杨帆', '迟到', 40),
  late(14, '杨帆', '早退', 30),
  late(7, '赵丽', '迟到', 10),
  { wd: 11, staff: '黄磊', status: '擅自离岗', minutes: 90, plant: { ruleId: 'attendance-absent', baseGrade: 'criticism', note: '擅自离岗 90 分钟' } },
  { wd: 4, staff: '陈静', status: '旷工', plant: { ruleId: 'attendance-absent', baseGrade: 'criticism', note: '旷工 one day' } },
  { wd: 10, staff: '刘洋', status: '会议', approved: true, reason: '区民政局低保业务培训', plant: { ruleId: 'absence-without-handover', baseGrade: 'criticism', note: 'approved meeting, no A/B handover that day' } },
  { wd: 13, days: 2, staff: '李敏', status: '请假', approved: false, cover: '陈静', reason: '事假', plant: { ruleId: 'absence-not-approved', baseGrade: 'reminder', note: '2-day 请假 without approval (已报批 = 否): one absence, one finding on its first day; the handovers were made' } },
  { wd: 16, days: 3, staff: '杨帆', status: '请假', approved: true, reason: '病假', plant: { ruleId: 'absence-without-handover', baseGrade: 'criticism', note: '3-day approved 请假 with no A/B handover: one absence, one finding on its first day' } },
  {
    wd: 17, staff: '黄磊', status: '请假', approved: false, reason: '事假',
    plant: { ruleId: 'absence-without-handover', baseGrade: 'criticism', note: '请假 neither approved nor handed over: one absence, two rules' },
    alsoPlant: { ruleId: 'absence-not-approved', baseGrade: 'reminder', note: 'the same absence, not approved: merged into the missing handover', settled: { status: 'merged', into: 'absence-without-handover' } },
  },
  away(1, '王芳', '请假', '杨帆', '病假'),
  away(2, '陈静', '请假', '李敏', '年休假'),
  away(3, DIRECTOR, '会议', '李敏', '街道月度工作例会'),
  away(4, '赵丽', '出差', '李敏', '区卫健局业务对接'),
  { ...away(5, '黄磊', '请假', '刘洋', '事假'), badDate: true },
  away(6, '刘洋', '请假', '黄磊', '事假'),
  away(7, '王芳', '请假', '杨帆', '年休假'),
  away(8, '陈静', '会议', '李敏', '区政务服务办窗口规范培训'),
  away(8, '黄磊', '出差', '刘洋', '市残联鉴定送件'),
  away(10, '李敏', '会议', '陈静', '街道便民服务工作会'),
  away(12, '杨帆', '请假', '李敏', '年休假'),
  away(12, '王芳', '会议', '赵丽', '医保政策培训'),
  { ...away(14, DIRECTOR, '出差', '王芳', '市级示范中心考察'), days: 5, handoverRange: true, nearMiss: { ruleIds: ['absence-without-handover'], note: '5-day trip covered by one handover row whose 结束日期 is its last day' } },
  away(15, '赵丽', '请假', '陈静', '病假'),
  away(15, '刘洋', '会议', '黄磊', '临时救助专项督查'),
];

export interface AttendanceRecords {
  attendance: SampleRecord[];
  handovers: SampleRecord[];
}

export function attendanceRecords(m: MonthDays, rng: Random): AttendanceRecords {
  const days = SPECS.flatMap((s) => Array.from({ length: s.days ?? 1 }, (_, i) => ({ s, day: i, date: m.wd(s.wd + i) })));
  const order = (name: string): number => STAFF.findIndex((x) => x.name === name);
  days.sort((a, b) => a.date.localeCompare(b.date) || order(a.s.staff) - order(b.s.staff));
  const attendance: SampleRecord[] = [];
  const handovers: SampleRecord[] = [];
  for (const { s, day, date } of days) {
    const values: SampleRecord['values'] = { date, staff: s.staff, status: s.status };
    if (s.minutes !== undefined) values.minutes = s.minutes;
    if (s.approved !== undefined) values.approved = s.approved;
    if (s.cover) values.cover = s.cover;
    const record: SampleRecord = { values, plants: day === 0 ? [s.plant, s.alsoPlant].filter((x): x is Plant => x !== undefined) : [] };
    if (s.nearMiss && day === 0) record.nearMiss = s.nearMiss;
    if (s.badDate) {
      const [y, mo] = m.period.split('-').map(Number);
      record.bad = { column: 'date', raw: `${y}年${mo}月32日`, code: 'bad-date', note: 'a day that does not exist' };
    }
    attendance.push(record);
    if (s.cover && (!s.handoverRange || day === 0)) {
      const approver = s.staff === DIRECTOR ? '李敏' : DIRECTOR;
      const end = s.handoverRange ? { end_date: m.wd(s.wd + (s.days ?? 1) - 1) } : {};
      handovers.push({
        values: { date, ...end, absent_staff: s.staff, cover: s.cover, reason: `${s.status}:${s.reason ?? ''}`, approver, items: rng.pick(HANDOVER_ITEMS) },
        plants: [],
      });
    }
  }
  return { attendance, handovers };
}

const HANDOVER_ITEMS = ['在办件3件及材料清单', '窗口受理及咨询', '在办承诺件2件、待告知结果1件', '窗口钥匙、公章登记簿', '当日预约办件'];
