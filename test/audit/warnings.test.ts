/**
 * 预警 on a fixture month audited end to end (docs/grading.md, "Warnings, not sanctions"), as of
 * Friday 2026-10-30. The working days after it: 11-02 (1), 11-03 (2), 11-04 (3).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, type AuditOptions } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import type { CaseRecord } from '../../src/ledger/types.js';
import { reportJsonText } from '../../src/report/json.js';
import { ledgerOf, type SheetInput } from '../facts/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-warnings-'));
const CENTER = { center: '测试社区便民服务中心', complaint_phone: '0571-1', phone_posted: true, rules_posted: true };
const AS_OF = '2026-10-30';

const open = (case_id: string, received_on: string, promised_days: number, more: Partial<CaseRecord> = {}): Partial<CaseRecord> => ({
  case_id, received_on, kind: '承诺件', promised_days, result: '办理中', completed_on: undefined, handler: '李敏', ...more,
});

const complaint = (complaint_id: string, logged_on: string, substantiated: '是' | '否' | '待查') => ({
  complaint_id, logged_on, substantiated, respondent: '王芳', category: '推诿扯皮' as const, first_responder: '赵六', complainant: '周', contact: '139', content: '来回跑',
});

const MONTH: SheetInput = {
  cases: [
    open('DUE-TODAY', '2026-10-27', 3), // 28 29 30: due on as-of
    open('DUE-IN-2', '2026-10-29', 3), // 30, 11-02, 11-03
    open('DUE-IN-3', '2026-10-30', 3), // 11-02 03 04: not yet
    open('OVERDUE', '2026-10-19', 3), // due 10-22, 6 working days over
    open('EXTENDED', '2026-10-19', 3, { extension_reason: '等待区民政局审批' }),
    open('PLACEHOLDER', '2026-10-19', 3, { extension_reason: '无' }),
    open('CARRIED', '2026-09-21', 3), // due 09-24: 09-28 29 30 and October's 18 working days over
    open('RETURNED', '2026-10-19', 3, { result: '退回补正', materials_complete: false, notified: true, notified_on: '2026-10-19', notice_form: '书面告知单', missing_count: 1 }),
    open('PAST-CALENDARS', '2026-10-30', 60), // due in 2027: no calendar for it
    { case_id: 'DONE', received_on: '2026-10-19', kind: '承诺件', promised_days: 3, completed_on: '2026-10-28', result_notified_on: '2026-10-28', result: '办结', handler: '李敏' },
  ],
  complaints: [complaint('PENDING-OCT', '2026-10-20', '待查'), complaint('PENDING-SEP', '2026-09-24', '待查'), complaint('DONE-YES', '2026-10-21', '是')],
};

async function auditMonth(options: AuditOptions = {}): Promise<AuditResult> {
  const file = join(dir, `测试社区-2026-10-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, '2026-10');
  return audit(file, { ledger: ledgerOf({ center: [CENTER], ...MONTH }, [], file), period: '2026-10', asOf: AS_OF, ...options });
}

let result: AuditResult;
beforeAll(async () => {
  result = await auditMonth();
});

const row = (r: AuditResult) => r.warnings.map((w) => [w.kind, w.ref.key, w.dueOn, w.workingDaysLeft, w.findingId === null ? null : 'finding']);

describe('warnings on as-of', () => {
  it('lists due-soon (0 and 2 days left), overdue-open (negative days, with the finding that judges it) and pending complaints, most urgent first', () => {
    expect(row(result)).toEqual([
      ['due-soon', 'DUE-TODAY', '2026-10-30', 0, null],
      ['due-soon', 'DUE-IN-2', '2026-11-03', 2, null],
      ['overdue-open', 'CARRIED', '2026-09-24', -21, 'finding'],
      ['overdue-open', 'OVERDUE', '2026-10-22', -6, 'finding'],
      ['overdue-open', 'EXTENDED', '2026-10-22', -6, null],
      ['overdue-open', 'PLACEHOLDER', '2026-10-22', -6, 'finding'],
      ['pending-complaint', 'PENDING-SEP', null, null, null],
      ['pending-complaint', 'PENDING-OCT', null, null, null],
    ]);
    expect(result.summary.byWarning).toEqual({ 'due-soon': 2, 'overdue-open': 4, 'pending-complaint': 2 });
  });

  it('an overdue case\'s finding is the overdue rule\'s on that case; a real 延期原因 is shown, a placeholder is not', () => {
    const overdue = result.findings.find((f) => f.ruleId === 'case-overdue' && f.ref.key === 'OVERDUE')!;
    expect(result.warnings.find((w) => w.ref.key === 'OVERDUE')).toMatchObject({ findingId: overdue.id, subject: { kind: 'staff', name: '李敏' }, date: '2026-10-19' });
    expect(result.warnings.find((w) => w.ref.key === 'EXTENDED')!.extensionReason).toBe('等待区民政局审批');
    expect(result.warnings.find((w) => w.ref.key === 'PLACEHOLDER')!.extensionReason).toBeUndefined();
  });

  it('takes the placeholder reasons and the judging finding from the overdue rules whatever their ids (regression: read from the rule named case-overdue only)', async () => {
    const rules = await ruleSetOf();
    const renamed = rules.rules.map((r) => (r.id === 'case-overdue' ? { ...r, id: 'overdue-renamed' } : r));
    const month = await auditMonth({ ruleSet: { ...rules, rules: renamed } });
    const overdue = month.findings.find((f) => f.ruleId === 'overdue-renamed' && f.ref.key === 'OVERDUE')!;
    expect(month.warnings.find((w) => w.ref.key === 'OVERDUE')!.findingId).toBe(overdue.id);
    expect(month.warnings.find((w) => w.ref.key === 'PLACEHOLDER')!.extensionReason).toBeUndefined();
    expect(month.warnings.find((w) => w.ref.key === 'EXTENDED')!.extensionReason).toBe('等待区民政局审批');
  });

  it('lists no case due in 3 working days (due_soon_days 2), returned for completion, due past the calendars or completed; no complaint decided', () => {
    const keys = result.warnings.map((w) => w.ref.key);
    for (const key of ['DUE-IN-3', 'RETURNED', 'PAST-CALENDARS', 'DONE', 'DONE-YES']) expect(keys).not.toContain(key);
  });

  it('grades no one: more or fewer warnings leave the findings, people and grade counts as they are', async () => {
    expect(result.findings.map((f) => f.ref.key).filter((k) => k.startsWith('DUE') || k.startsWith('PENDING'))).toEqual([]);
    const rules = await ruleSetOf();
    const none = await auditMonth({ ruleSet: { ...rules, policy: { ...rules.policy, due_soon_days: 0 } } });
    const many = await auditMonth({ ruleSet: { ...rules, policy: { ...rules.policy, due_soon_days: 10 } } });
    expect(many.warnings.length).toBeGreaterThan(none.warnings.length);
    expect(many.findings).toEqual(none.findings);
    expect(many.people).toEqual(none.people);
    expect(many.summary.byGrade).toEqual(none.summary.byGrade);
    expect(many.summary.byStatus).toEqual(none.summary.byStatus);
  });

  it('due_soon_days in the policy widens the window', async () => {
    const wider = await auditMonth({ ruleSet: { ...(await ruleSetOf()), policy: { ...(await ruleSetOf()).policy, due_soon_days: 3 } } });
    expect(wider.warnings.filter((w) => w.kind === 'due-soon').map((w) => [w.ref.key, w.workingDaysLeft])).toEqual([
      ['DUE-TODAY', 0],
      ['DUE-IN-2', 2],
      ['DUE-IN-3', 3],
    ]);
  });

  it('are the same whatever history and decisions say', async () => {
    const reports = mkdtempSync(join(dir, 'h-'));
    writeFileSync(join(dir, 'sep.xlsx'), '2026-09');
    const september = await audit(join(dir, 'sep.xlsx'), {
      ledger: ledgerOf({ center: [CENTER], cases: MONTH.cases!.filter((c) => c.case_id === 'CARRIED') }, [], join(dir, 'sep.xlsx')),
      period: '2026-09',
    });
    writeFileSync(join(reports, 'sep.json'), reportJsonText(september, { lang: 'zh', mask: true }));
    const overdue = result.findings.find((f) => f.ruleId === 'case-overdue' && f.ref.key === 'OVERDUE')!;
    const decisions = join(dir, 'decisions.json');
    writeFileSync(decisions, JSON.stringify([{ id: overdue.id, decision: '撤销', reason: '已批准延期', reviewer: '周主任', date: '2026-11-03' }]));
    const settled = await auditMonth({ history: reports, decisions });
    expect(settled.findings.find((f) => f.id === overdue.id)!.status).toBe('withdrawn');
    expect(settled.findings.find((f) => f.ruleId === 'case-overdue' && f.ref.key === 'CARRIED')!.reportedIn).toBe('2026-09');
    expect(settled.warnings).toEqual(result.warnings);
  });
});

async function ruleSetOf() {
  const { loadValidRuleSet } = await import('../../src/rules/load.js');
  const { DEFAULT_RULES_DIR } = await import('../../src/paths.js');
  return loadValidRuleSet(DEFAULT_RULES_DIR);
}
