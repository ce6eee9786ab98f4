/**
 * One act, one finding (docs/grading.md, "One act, one finding"), on a fixture October audited
 * end to end: each overlap pair of rules/policy.json on one act leaves one finding that counts,
 * and the merged one is no occurrence — each person's later findings of its clause escalate
 * without it (shown against the same month audited with no overlaps).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { CaseRecord } from '../../src/ledger/types.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { loadValidRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';
import { ledgerOf, type SheetInput } from '../facts/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-overlaps-'));
const CENTER = { center: '测试社区便民服务中心', complaint_phone: '0571-1', phone_posted: true, rules_posted: true };

const done = (case_id: string, handler: string, received_on: string, completed_on: string, more: Partial<CaseRecord> = {}): Partial<CaseRecord> => ({
  case_id, handler, received_on, kind: '承诺件', promised_days: 10, completed_on, result_notified_on: completed_on, result: '办结', ...more,
});
const visits = { materials_complete: false, visits: 3, missing_count: 1, notice_form: '当场口头' } as const;
const notifiedOn = (date: string) => ({ ...visits, notified: true, notified_on: date });
const complaint = (complaint_id: string, respondent: string, category: '拖压卡' | '乱收费', logged_on: string, case_id?: string) => ({
  complaint_id, respondent, category, logged_on, substantiated: '是' as const, first_responder: '赵六', complainant: '周', contact: '139', content: '……', ...(case_id ? { case_id } : {}),
});
const item = (fee_item: string, fee_standard: number) => ({ item: '居住证办理', procedure_posted: true, materials_posted: true, limit_posted: true, statutory_days: 20, fee_item, fee_standard, fee_basis: '省物价局收费文件', fee_posted: true });

const MONTH: SheetInput = {
  cases: [
    // 李敏: three third visits (二.2); the first was also never notified (一次性告知制/二).
    done('V1', '李敏', '2026-10-12', '2026-10-20', { ...visits, notified: false }),
    done('V2', '李敏', '2026-10-12', '2026-10-21', notifiedOn('2026-10-12')),
    done('V3', '李敏', '2026-10-12', '2026-10-22', notifiedOn('2026-10-12')),
    // 王芳: O1 four working days late (criticism), a 拖压卡 complaint about it; then O2 one day late.
    done('O1', '王芳', '2026-10-08', '2026-10-28', { promised_days: 10 }),
    done('O2', '王芳', '2026-10-12', '2026-10-29', { promised_days: 12 }),
    // 张伟: F1 charged an agency fee above its posted standard, complained of; F2, F3 工本费 above the standard.
    done('F1', '张伟', '2026-10-12', '2026-10-16', { fee_item: '代办服务费', fee: 50 }),
    done('F2', '张伟', '2026-10-13', '2026-10-16', { fee_item: '工本费', fee: 30 }),
    done('F3', '张伟', '2026-10-14', '2026-10-16', { fee_item: '工本费', fee: 30 }),
  ],
  complaints: [
    complaint('TS-O1', '王芳', '拖压卡', '2026-10-26', 'O1'),
    complaint('TS-F1', '张伟', '乱收费', '2026-10-19', 'F1'),
    complaint('TS-F2', '张伟', '乱收费', '2026-10-26'),
    complaint('TS-F3', '张伟', '乱收费', '2026-10-27'),
  ],
  items: [item('代办服务费', 10), item('工本费', 20)],
  // 赵丽: A1 two days without approval or handover; A2 and A3 handed over but not approved.
  attendance: [
    { date: '2026-10-12', staff: '赵丽', status: '请假', approved: false },
    { date: '2026-10-13', staff: '赵丽', status: '请假', approved: false },
    { date: '2026-10-19', staff: '赵丽', status: '出差', approved: false },
    { date: '2026-10-26', staff: '赵丽', status: '会议', approved: false },
  ],
  handovers: [
    { date: '2026-10-19', absent_staff: '赵丽', cover: '李敏', approver: '周主任' },
    { date: '2026-10-26', absent_staff: '赵丽', cover: '李敏', approver: '周主任' },
  ],
};

async function auditWith(ruleSet: RuleSet): Promise<AuditResult> {
  const file = join(dir, `测试社区-2026-10-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, '2026-10');
  return audit(file, { ledger: ledgerOf({ center: [CENTER], ...MONTH }, [], file), period: '2026-10', ruleSet });
}

let merged: AuditResult;
let apart: AuditResult;
beforeAll(async () => {
  const ruleSet = await loadValidRuleSet(DEFAULT_RULES_DIR);
  merged = await auditWith(ruleSet);
  apart = await auditWith({ ...ruleSet, policy: { ...ruleSet.policy, overlaps: [] } });
});

function find(r: AuditResult, ruleId: string, key: string): Finding {
  const f = r.findings.find((x) => x.ruleId === ruleId && x.ref.key === key);
  if (!f) throw new Error(`no ${ruleId} on ${key}`);
  return f;
}

const graded = (f: Finding) => [f.status, f.grade, f.escalation.kind === 'repeat' ? f.escalation.occurrence : 0];

describe('each overlap pair on one act', () => {
  it('notice-missing + repeated-visits: the visit is merged into the notice (a tie goes to the rule listed first); V3 is 李敏\'s 2nd visit, not her 3rd', () => {
    expect(find(merged, 'repeated-visits', 'V1')).toMatchObject({ status: 'merged', mergedInto: find(merged, 'notice-missing', 'V1').id });
    expect(graded(find(merged, 'repeated-visits', 'V3'))).toEqual(['counted', 'criticism', 2]);
    expect(graded(find(apart, 'repeated-visits', 'V3'))).toEqual(['counted', 'notice', 3]);
  });

  it('case-overdue + complaint-delay (拖压卡 about that case, by 关联受理编号): the complaint is merged; O2 is 王芳\'s 2nd overdue, not her 3rd', () => {
    expect(find(merged, 'complaint-delay', 'TS-O1')).toMatchObject({ status: 'merged', mergedInto: find(merged, 'case-overdue', 'O1').id });
    expect(graded(find(merged, 'case-overdue', 'O2'))).toEqual(['counted', 'reminder', 2]);
    expect(graded(find(apart, 'case-overdue', 'O2'))).toEqual(['counted', 'criticism', 3]);
  });

  it('agency-fee + fee-above-standard + complaint-fee on F1: one finding counts; F3 and TS-F3 are 张伟\'s 2nd of their clauses, not 3rd', () => {
    const agency = find(merged, 'agency-fee', 'F1');
    expect(agency.status).toBe('counted');
    expect(find(merged, 'fee-above-standard', 'F1')).toMatchObject({ status: 'merged', mergedInto: agency.id });
    expect(find(merged, 'complaint-fee', 'TS-F1')).toMatchObject({ status: 'merged', mergedInto: agency.id });
    expect(graded(find(merged, 'fee-above-standard', 'F3'))).toEqual(['counted', 'notice', 2]);
    expect(graded(find(apart, 'fee-above-standard', 'F3'))).toEqual(['counted', 'deduction', 3]);
    expect(graded(find(merged, 'complaint-fee', 'TS-F3'))).toEqual(['counted', 'notice', 2]);
    expect(graded(find(apart, 'complaint-fee', 'TS-F3'))).toEqual(['counted', 'deduction', 3]);
  });

  it('absence-not-approved + absence-without-handover on one two-day absence: the criticism counts; A3 is 赵丽\'s 2nd unapproved absence, not her 3rd', () => {
    const key = '赵丽@2026-10-12';
    expect(find(merged, 'absence-not-approved', key)).toMatchObject({ status: 'merged', mergedInto: find(merged, 'absence-without-handover', key).id });
    expect(graded(find(merged, 'absence-not-approved', '赵丽@2026-10-26'))).toEqual(['counted', 'reminder', 2]);
    expect(graded(find(apart, 'absence-not-approved', '赵丽@2026-10-26'))).toEqual(['counted', 'criticism', 3]);
  });

  it('a merged finding deducts nothing: 张伟 pays for F1 once', () => {
    expect(merged.findings.filter((f) => ['F1', 'TS-F1'].includes(f.ref.key)).map((f) => [f.ruleId, f.status, f.deductionYuan])).toEqual(
      expect.arrayContaining([
        ['agency-fee', 'counted', 0],
        ['fee-above-standard', 'merged', 0],
        ['complaint-fee', 'merged', 0],
      ]),
    );
    expect(merged.people.find((p) => p.name === '张伟')).toMatchObject({ merged: 2 });
  });
});
