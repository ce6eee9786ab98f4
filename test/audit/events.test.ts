/**
 * Each act is judged once, across months (docs/grading.md): fixture months built here and
 * audited end to end, September, October and November 2026, with no history, so that only the
 * events decide. September's working days end 28 29 30; 10-01…10-07 is the national holiday;
 * October's working days are 08 09 10(Sat, make-up) 12 … 30.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import type { CaseRecord } from '../../src/ledger/types.js';
import { ledgerOf, type SheetInput } from '../facts/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-events-'));
const CENTER = { center: '测试社区便民服务中心', complaint_phone: '0571-1', phone_posted: true, rules_posted: true };

async function auditMonth(sheets: SheetInput, period: string, asOf?: string): Promise<AuditResult> {
  const file = join(dir, `测试社区-${period}-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, period);
  return audit(file, { ledger: ledgerOf({ center: [CENTER], ...sheets }, [], file), period, ...(asOf ? { asOf } : {}) });
}

/** `ruleId date` of every finding on a record, sorted. */
function on(result: AuditResult, key: string): string[] {
  return result.findings.filter((f) => f.ref.key === key).map((f) => `${f.ruleId} ${f.date}`).sort();
}

const open = { result: '办理中', completed_on: undefined } as const;

/** A 承诺件 received 09-21, due 09-24, still open; logged no materials and charged an agency fee at receipt. */
const carried: Partial<CaseRecord> = {
  case_id: 'CARRY', received_on: '2026-09-21', kind: '承诺件', promised_days: 3, materials_logged: false, fee_item: '代办服务费', fee: 50, ...open,
};
/** Completed 09-29, the result never told: the window (2 working days: 09-30, 10-08) closes in October. */
const untold: Partial<CaseRecord> = { case_id: 'UNTOLD', received_on: '2026-09-21', kind: '承诺件', promised_days: 10, completed_on: '2026-09-29', result: '办结' };
/** Completed 09-29 and told late, on 10-12. */
const toldLate: Partial<CaseRecord> = { ...untold, case_id: 'TOLD-LATE', result_notified_on: '2026-10-12' };
/** Incomplete on 09-28 and never notified: the window (5 working days) closes on 10-10; 10-12 is the first day past it. */
const unnotified: Partial<CaseRecord> = { case_id: 'UNNOTIFIED', received_on: '2026-09-28', kind: '承诺件', promised_days: 20, materials_complete: false, notified: false, ...open };
/** A 即办件 received on 09-30, completed on 10-08: not the same day. */
const instant: Partial<CaseRecord> = { case_id: 'INSTANT', received_on: '2026-09-30', kind: '即办件', completed_on: '2026-10-08', result_notified_on: '2026-10-08', result: '办结' };

const months = { cases: [carried, untold, toldLate, unnotified, instant] };
let september: AuditResult;
let october: AuditResult;
let november: AuditResult;

beforeAll(async () => {
  [september, october, november] = await Promise.all([auditMonth(months, '2026-09'), auditMonth(months, '2026-10'), auditMonth(months, '2026-11')]);
});

describe('a case received in September and still open in October', () => {
  it('September judges its receipt-time duties and its overdue', () => {
    expect(on(september, 'CARRY')).toEqual(['agency-fee 2026-09-21', 'case-overdue 2026-09-28', 'materials-not-logged 2026-09-21']);
  });

  it('October judges it only for its overdue, still under way, dated the first working day past its deadline', () => {
    expect(on(october, 'CARRY')).toEqual(['case-overdue 2026-09-28']);
    const overdue = october.findings.find((f) => f.ref.key === 'CARRY')!;
    // 09-28 29 30 and October's 18 working days.
    expect(overdue).toMatchObject({ baseGrade: 'deduction', facts: { overdue_days: 21 } });
  });

  it('keeps the same finding id in both months, so history can tell the repeat', () => {
    const id = (r: AuditResult) => r.findings.find((f) => f.ref.key === 'CARRY' && f.ruleId === 'case-overdue')!.id;
    expect(id(october)).toBe(id(september));
  });
});

describe('windowed duties are judged once, in the month their window closes or the act is done', () => {
  it('the result notice: not in September (the window is open), in October on the first working day past it, not in November', () => {
    expect(on(september, 'UNTOLD')).toEqual([]);
    expect(on(october, 'UNTOLD')).toEqual(['result-notice-late 2026-10-09']);
    expect(on(november, 'UNTOLD')).toEqual([]);
  });

  it('a result told late is judged on the day it was told', () => {
    expect(on(september, 'TOLD-LATE')).toEqual([]);
    expect(on(october, 'TOLD-LATE')).toEqual(['result-notice-late 2026-10-12']);
    expect(on(november, 'TOLD-LATE')).toEqual([]);
  });

  it('the one-time notice: its window closes on 10-10, so October judges it, dated 10-12', () => {
    expect(on(september, 'UNNOTIFIED').filter((f) => f.startsWith('notice'))).toEqual([]);
    expect(on(october, 'UNNOTIFIED').filter((f) => f.startsWith('notice'))).toEqual(['notice-missing 2026-10-12']);
    expect(on(november, 'UNNOTIFIED').filter((f) => f.startsWith('notice'))).toEqual([]);
  });

  it('same-day completion: received on September\'s as-of, so judged in October on the day it was completed', () => {
    expect(on(september, 'INSTANT')).toEqual([]);
    expect(on(october, 'INSTANT')).toEqual(['instant-not-same-day 2026-10-08']);
    expect(on(november, 'INSTANT')).toEqual([]);
  });

  it('a notice window still open on as-of is no event yet: not judged in a mid-month audit', async () => {
    const early = await auditMonth(months, '2026-10', '2026-10-09');
    expect(on(early, 'UNNOTIFIED').filter((f) => f.startsWith('notice'))).toEqual([]);
    expect(on(early, 'UNTOLD')).toEqual(['result-notice-late 2026-10-09']);
  });
});

describe('complaints are judged on their 核实日期, else their 登记日期, else as-of when found 是 later', () => {
  const base = { respondent: '李敏', category: '态度粗暴', first_responder: '赵六', complainant: '周', contact: '139', content: '态度差' } as const;
  const complaints = [
    // logged in September, still 待查 then: a warning in September, never a finding
    { ...base, complaint_id: 'PENDING-THEN', logged_on: '2026-09-24', substantiated: '待查' },
    // logged in September and found 是 in October, verified_on given
    { ...base, complaint_id: 'VERIFIED-OCT', logged_on: '2026-09-24', substantiated: '是', verified_on: '2026-10-09' },
    // logged in September, 是 in October's ledger, no 核实日期: dated as-of
    { ...base, complaint_id: 'YES-NOW', logged_on: '2026-09-24', substantiated: '是' },
    // logged and substantiated in October
    { ...base, complaint_id: 'OCT', logged_on: '2026-10-12', substantiated: '是' },
  ] as const;

  it('October judges the September complaints substantiated since, and its own', async () => {
    const r = await auditMonth({ cases: [], complaints: [...complaints] }, '2026-10');
    expect(r.findings.map((f) => `${f.ruleId} ${f.ref.key} ${f.date}`)).toEqual([
      'complaint-rude VERIFIED-OCT 2026-10-09',
      'complaint-rude OCT 2026-10-12',
      'complaint-rude YES-NOW 2026-10-31',
    ]);
  });

  it('September judges none of them (待查 and not yet verified), and lists the 待查 one as a warning', async () => {
    const sept = [{ ...complaints[0] }, { ...complaints[1], substantiated: '待查' as const, verified_on: undefined }];
    const r = await auditMonth({ cases: [], complaints: sept }, '2026-09');
    expect(r.findings).toEqual([]);
    expect(r.warnings.map((w) => `${w.kind} ${w.ref.key}`)).toEqual(['pending-complaint PENDING-THEN', 'pending-complaint VERIFIED-OCT']);
  });
});

describe('二.3 counts the errors dated in the period', () => {
  it('an error on a case completed in September counts in September, one on a case still open counts each month it is open', async () => {
    const errors = (n: number, fields: Partial<CaseRecord>) =>
      Array.from({ length: n }, (_, i) => ({ case_id: `${fields.case_id}-${i}`, handler: '王芳', kind: '承诺件' as const, promised_days: 30, error: true, ...fields }));
    const cases = [...errors(2, { case_id: 'DONE', received_on: '2026-09-14', completed_on: '2026-09-18', result_notified_on: '2026-09-18', result: '办结' }), ...errors(3, { case_id: 'OPEN', received_on: '2026-09-15', ...open })];
    const count = (r: AuditResult) => r.findings.filter((f) => f.ruleId === 'repeated-errors').map((f) => [f.facts['error_count'], f.date]);
    expect(count(await auditMonth({ cases }, '2026-09'))).toEqual([[5, '2026-09-30']]);
    expect(count(await auditMonth({ cases }, '2026-10'))).toEqual([[3, '2026-10-31']]);
  });
});
