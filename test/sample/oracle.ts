/**
 * An independent reading of the catalogue's "fires when" column (docs/ARCHITECTURE.md), written
 * straight from the table over the sample's typed records with the working-day calendar. It
 * shares no code with the rules engine or the facts library, so the sample is checked against
 * the contract itself: every planted violation fires, and nothing else does.
 */
import { monthOf } from '../../src/calendar/dates.js';
import type { WorkCalendar } from '../../src/calendar/types.js';
import type { Grade } from '../../src/grade-scale.js';
import type { SheetKey } from '../../src/ledger/types.js';
import type { SampleMonth, SampleRow } from '../../src/sample/types.js';

export interface Expected {
  ruleId: string;
  sheet: SheetKey;
  key: string;
  row: number;
  baseGrade: Grade;
}

type V = SampleRow['values'];
const empty = (x: unknown): boolean => x === undefined || x === null || x === '';
const str = (x: unknown): string => String(x);

export function expectedFindings(month: SampleMonth, cal: WorkCalendar): Expected[] {
  const { period, asOf } = month;
  const out: Expected[] = [];
  const sheet = (k: SheetKey): SampleRow[] => month.sheets.find((s) => s.key === k)!.rows;
  const fire = (ruleId: string, s: SheetKey, key: string, row: number, baseGrade: Grade): void => {
    out.push({ ruleId, sheet: s, key, row, baseGrade });
  };
  const between = (a: string, b: string): number => (b > a ? cal.workingDaysBetween(a, b) : 0);

  // Rows with an unreadable cell, or repeating an earlier 受理编号, are set aside.
  const setAside = new Map<SheetKey, number[]>();
  const readable = (k: SheetKey): SampleRow[] => {
    const seen = new Set<string>();
    return sheet(k).filter((r) => {
      const dup = k === 'cases' && seen.has(str(r.values.case_id));
      if (k === 'cases') seen.add(str(r.values.case_id));
      if (r.bad || dup) {
        setAside.set(k, [...(setAside.get(k) ?? []), r.row]);
        return false;
      }
      return true;
    });
  };

  // An item may take several rows (one per fee line): its 法定时限 and postings come from its rows.
  const itemRows = new Map<string, SampleRow[]>();
  for (const r of readable('items')) itemRows.set(str(r.values.item), [...(itemRows.get(str(r.values.item)) ?? []), r]);
  const firstValue = (rows: SampleRow[] | undefined, key: string): unknown => rows?.find((r) => r.values[key] !== undefined)?.values[key];
  const board = new Map(readable('staff').map((r) => [str(r.values.name), r]));
  // A handover row covers 日期 … 结束日期.
  const handoverRows = readable('handovers').map((r) => ({ who: str(r.values.absent_staff), from: str(r.values.date), to: str(r.values.end_date ?? r.values.date) }));
  const covered = (who: string, day: string): boolean => handoverRows.some((h) => h.who === who && h.from <= day && day <= h.to);
  // Text that only holds a place is no reason.
  const PLACEHOLDERS = ['无', '没有', '暂无', '/', '／', '-', '－', '—', '——', 'N/A', 'n/a', 'NA', '空'];
  const noReason = (x: unknown): boolean => empty(x) || PLACEHOLDERS.includes(str(x));
  const feeItemsCharged = new Map<string, Set<string>>();
  // Each act is judged in the month of its event (docs/grading.md): a date on or before as-of in the period.
  const inPeriod = (date: string | null): boolean => date !== null && date <= asOf && monthOf(date) === period;
  /** The first working day past a window of `days` working days after `from`, once it has come. */
  const pastWindow = (from: string, days: number): string | null => {
    const day = cal.addWorkingDays(from, days + 1);
    return day <= asOf ? day : null;
  };
  const byAsOf = (x: unknown): string | null => (x === undefined ? null : str(x) <= asOf ? str(x) : null);

  // ── cases: every case by as-of; the month's workload is the period's cases, received in it or still open / completed in it
  const cases = readable('cases').filter((r) => str(r.values.received_on) <= asOf);
  const errors = new Map<string, number>();
  const handlerFirstRow = new Map<string, number>();
  const handled = new Map<string, number>();
  for (const r of cases) {
    const v: V = r.values;
    const id = str(v.case_id);
    const received = str(v.received_on);
    const completed = byAsOf(v.completed_on);
    const ofPeriod = monthOf(received) === period || (received < `${period}-01` && (completed === null || monthOf(completed) === period));
    const handler = str(v.handler);
    if (ofPeriod && !handlerFirstRow.has(handler)) handlerFirstRow.set(handler, r.row);
    if (ofPeriod && !handled.has(str(v.item))) handled.set(str(v.item), r.row);
    // Facts with no date of their own (差错, 偏差, 遗失, 满意度, 往返次数, 不予办理): the 办结日期, or as-of while open.
    const outcome = completed ?? asOf;
    if (ofPeriod && v.error === true && inPeriod(outcome)) errors.set(handler, (errors.get(handler) ?? 0) + 1);
    const atReceipt = inPeriod(received);
    const notifiedOn = v.notified === true ? (byAsOf(v.notified_on) ?? (v.notified_on === undefined ? received : null)) : null;
    const noticeEvent = inPeriod(notifiedOn ?? pastWindow(received, 5));
    const promised = v.promised_days === undefined ? null : Number(v.promised_days);
    const rows = itemRows.get(str(v.item));
    const statutoryValue = firstValue(rows, 'statutory_days');
    const statutory = statutoryValue === undefined ? null : Number(statutoryValue);
    // The limit the case is bound by: none when 退回补正; the statutory one for a 即办件 or with
    // no promise; a promise never beyond the statutory limit. It counts from 补齐日期 when later.
    const limit =
      v.result === '退回补正' ? null
      : v.kind === '即办件' || promised === null ? statutory
      : statutory !== null && promised > statutory ? statutory
      : promised;
    const start = v.materials_completed_on !== undefined && str(v.materials_completed_on) > received ? str(v.materials_completed_on) : received;
    const deadline = limit === null ? null : cal.addWorkingDays(start, limit);
    const overdue = deadline === null ? null : between(deadline, outcome);
    // Finished late: judged in the month of its completion; open past the deadline: every month it stays open.
    const overdueEvent = completed !== null ? inPeriod(completed) : overdue !== null && overdue > 0;
    const visits = Number(v.visits ?? 1);
    const loss = Number(v.loss ?? 0);
    const fee = Number(v.fee ?? 0);

    if (inPeriod(outcome)) {
      if (v.materials_complete === false && visits >= 3) fire('repeated-visits', 'cases', id, r.row, visits >= 4 ? 'notice' : 'criticism');
      if (v.deviation === true && loss > 0) fire('policy-deviation-loss', 'cases', id, r.row, loss >= 1000 ? 'deduction' : 'notice');
      if (v.result === '不予办理' && noReason(v.refusal_reason)) fire('refusal-without-reason', 'cases', id, r.row, 'criticism');
      if (v.materials_lost === true) fire('materials-lost', 'cases', id, r.row, 'notice');
      if (v.rating === '不满意' || v.rating === '非常不满意') fire('unsatisfied-rating', 'cases', id, r.row, 'reminder');
    }
    if (overdueEvent && overdue !== null && overdue >= 1 && noReason(v.extension_reason)) {
      fire('case-overdue', 'cases', id, r.row, overdue >= 11 ? 'deduction' : overdue >= 6 ? 'notice' : overdue >= 3 ? 'criticism' : 'reminder');
    }
    if (atReceipt && v.materials_logged === false) fire('materials-not-logged', 'cases', id, r.row, 'reminder');
    if (noticeEvent) {
      if (v.materials_complete === false && v.notified !== true) fire('notice-missing', 'cases', id, r.row, 'criticism');
      if (v.materials_complete === false && v.notified === true && between(received, str(v.notified_on)) > 5) fire('notice-late', 'cases', id, r.row, 'reminder');
      if (Number(v.missing_count ?? 0) >= 3 && v.notice_form !== '书面告知单') fire('written-notice-required', 'cases', id, r.row, 'reminder');
    }
    const sameDayEvent = inPeriod(completed ?? pastWindow(received, 0));
    if (sameDayEvent && v.kind === '即办件' && v.materials_complete === true && v.result !== '不予办理' && v.result !== '退回补正' && completed !== received) {
      fire('instant-not-same-day', 'cases', id, r.row, 'reminder');
    }
    if (atReceipt) {
      if (v.kind === '承诺件' && promised === null) fire('promise-missing', 'cases', id, r.row, 'reminder');
      if ((v.kind === '承诺件' || v.kind === '上报件') && promised !== null && statutory !== null && promised > statutory) {
        fire('promise-exceeds-statutory', 'cases', id, r.row, 'reminder');
      }
      if (v.kind === '上报件' && promised === null) fire('forwarded-promise-missing', 'cases', id, r.row, 'reminder');
    }
    if ((v.result === '办结' || v.result === '不予办理') && completed !== null) {
      const told = byAsOf(v.result_notified_on);
      if (inPeriod(told ?? pastWindow(completed, 2)) && between(completed, told ?? asOf) > 2) fire('result-notice-late', 'cases', id, r.row, 'reminder');
    }
    const feeItem = v.fee_item === undefined ? '' : str(v.fee_item);
    if (atReceipt && fee > 0 && ['代办', '服务费', '手续费', '跑腿费'].some((k) => feeItem.includes(k))) fire('agency-fee', 'cases', id, r.row, 'notice');
    const line = rows?.find((x) => x.values.fee_item !== undefined && x.values.fee_item === feeItem)?.values;
    if (atReceipt && fee > 0 && line && line.fee_posted === true && line.fee_standard !== undefined && fee > Number(line.fee_standard)) fire('fee-above-standard', 'cases', id, r.row, 'notice');
    if (fee > 0 && monthOf(received) === period) feeItemsCharged.set(str(v.item), new Set([...(feeItemsCharged.get(str(v.item)) ?? []), feeItem]));
  }

  // ── complaints: judged on the 核实日期, else the 登记日期, else (logged earlier, 是 now) on as-of
  for (const r of readable('complaints')) {
    const v = r.values;
    const logged = str(v.logged_on);
    const event = v.verified_on !== undefined ? byAsOf(v.verified_on) : logged >= `${period}-01` ? logged : v.substantiated === '是' ? asOf : logged;
    const id = str(v.complaint_id);
    const cat = v.category;
    // A complaint still 待查 is never graded.
    if (inPeriod(event)) {
      if ((cat === '态度粗暴' || cat === '接待不耐心') && v.substantiated === '是') fire('complaint-rude', 'complaints', id, r.row, 'criticism');
      if ((cat === '推诿扯皮' || cat === '故意刁难') && v.substantiated === '是') fire('complaint-shirking', 'complaints', id, r.row, 'notice');
      if (cat === '拖压卡' && v.substantiated === '是') fire('complaint-delay', 'complaints', id, r.row, 'criticism');
      if (cat === '乱收费' && v.substantiated === '是') fire('complaint-fee', 'complaints', id, r.row, 'notice');
    }
    if (inPeriod(logged) && (empty(v.complainant) || empty(v.contact) || empty(v.content))) fire('complaint-record-incomplete', 'complaints', id, r.row, 'reminder');
  }

  // ── attendance: an absence is one person's 请假/出差/会议 rows on consecutive working days,
  // judged once, on its first row in the ledger.
  const away = (s: unknown): boolean => s === '请假' || s === '出差' || s === '会议';
  const absences: SampleRow[][] = [];
  const byPerson = new Map<string, SampleRow[]>();
  for (const r of readable('attendance')) if (away(r.values.status)) byPerson.set(str(r.values.staff), [...(byPerson.get(str(r.values.staff)) ?? []), r]);
  for (const rows of byPerson.values()) {
    rows.sort((a, b) => str(a.values.date).localeCompare(str(b.values.date)) || a.row - b.row);
    for (const r of rows) {
      const last = absences.at(-1);
      const prev = last?.at(-1);
      if (last && prev && prev.values.staff === r.values.staff && between(str(prev.values.date), str(r.values.date)) <= 1) last.push(r);
      else absences.push([r]);
    }
  }
  for (const rows of absences) {
    const first = rows[0]!;
    const v = first.values;
    if (monthOf(str(v.date)) !== period) continue;
    const key = `${str(v.staff)}@${str(v.date)}`;
    if (!rows.every((r) => covered(str(r.values.staff), str(r.values.date)))) fire('absence-without-handover', 'attendance', key, first.row, 'criticism');
    if (rows.some((r) => r.values.approved === false)) fire('absence-not-approved', 'attendance', key, first.row, 'reminder');
  }
  for (const r of readable('attendance')) {
    const v = r.values;
    if (monthOf(str(v.date)) !== period) continue;
    const key = `${str(v.staff)}@${str(v.date)}`;
    const s = v.status;
    if (s === '迟到' || s === '早退') fire('attendance-late', 'attendance', key, r.row, 'reminder');
    if (s === '擅自离岗' || s === '旷工') fire('attendance-absent', 'attendance', key, r.row, 'criticism');
  }

  // ── staff: the board, then handlers not on it
  const people = [...board.keys(), ...[...handlerFirstRow.keys()].filter((n) => !board.has(n))];
  for (const name of people) {
    const b = board.get(name);
    const row = b ? b.row : handlerFirstRow.get(name)!;
    const ref = b ? 'staff' : 'cases';
    const n = errors.get(name) ?? 0;
    if (n >= 3) fire('repeated-errors', ref, name, row, n >= 5 ? 'notice' : 'criticism');
    if (!b) fire('handler-not-on-board', ref, name, row, 'reminder');
    if (b && (empty(b.values.position) || empty(b.values.phone) || b.values.posted === false)) fire('board-entry-incomplete', ref, name, row, 'reminder');
    if (b && b.values.badge === false) fire('no-badge', ref, name, row, 'reminder');
  }

  // ── items handled this month
  for (const [name, firstRow] of handled) {
    const rows = itemRows.get(name);
    const it = rows?.[0];
    const undisclosed = !rows || ['procedure_posted', 'materials_posted', 'limit_posted'].some((k) => firstValue(rows, k) !== true);
    if (undisclosed) fire('item-not-disclosed', it ? 'items' : 'cases', name, it ? it.row : firstRow, 'reminder');
    // The center's part of 办事公开制/三: a fee item charged this period that the schedule lacks,
    // does not post, or posts without 收费依据.
    const gaps = [...(feeItemsCharged.get(name) ?? [])].filter((f) => {
      const line = rows?.find((x) => x.values.fee_item === f)?.values;
      return !line || line.fee_posted !== true || empty(line.fee_basis);
    });
    if (gaps.length > 0) fire('fee-schedule-incomplete', it ? 'items' : 'cases', name, it ? it.row : firstRow, 'reminder');
  }

  // ── center
  for (const r of readable('center')) {
    if (r.values.rules_posted === false) fire('rules-not-posted', 'center', 'center', r.row, 'reminder');
    if (empty(r.values.complaint_phone) || r.values.phone_posted === false) fire('complaint-phone-missing', 'center', 'center', r.row, 'reminder');
  }

  // ── other
  const grades: Record<string, Grade> = { 提醒: 'reminder', 批评教育: 'criticism', 通报批评: 'notice', 扣除奖金: 'deduction' };
  for (const r of readable('other')) {
    if (monthOf(str(r.values.date)) !== period) continue;
    fire('other-dereliction', 'other', `${str(r.values.staff)}@${str(r.values.date)}`, r.row, grades[str(r.values.grade)]!);
  }

  // ── the ledger itself
  for (const [s, rows] of setAside) fire('ledger-incomplete', s, s, Math.min(...rows), 'reminder');
  return out;
}

export function sortKey(e: Expected): string {
  return `${e.sheet}|${String(e.row).padStart(7, '0')}|${e.ruleId}|${e.key}|${e.baseGrade}`;
}
