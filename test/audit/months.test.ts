/**
 * A September → October pair built in code and audited as an inspector would: September first,
 * its JSON report kept, then October with `--history`. No act is charged twice; an open case
 * that kept slipping is charged only the difference; overlapping rules leave one finding that
 * counts; decisions withdraw or regrade; a bad history or decisions file stops with its name.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, type AuditOptions } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import { DutyAuditError } from '../../src/errors.js';
import type { Finding } from '../../src/findings/types.js';
import type { CaseRecord, ComplaintRecord } from '../../src/ledger/types.js';
import { reportJsonText } from '../../src/report/json.js';
import { ledgerOf } from '../facts/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-months-'));
const CENTER = { center: '测试社区便民服务中心', district: '城东街道', complaint_phone: '0571-1', phone_posted: true, rules_posted: true };

/** An open 承诺件 with a 3-working-day promise. */
function openCase(case_id: string, handler: string, received_on: string): Partial<CaseRecord> {
  return { case_id, handler, received_on, kind: '承诺件', promised_days: 3, result: '办理中', completed_on: undefined };
}

/** A 承诺件 completed late. */
function lateCase(case_id: string, handler: string, received_on: string, completed_on: string): Partial<CaseRecord> {
  return { case_id, handler, received_on, kind: '承诺件', promised_days: 3, result: '办结', completed_on, result_notified_on: completed_on };
}

/** Received incomplete, not notified, a third visit: notice-missing and repeated-visits on one case. */
function unnotified(case_id: string, handler: string, received_on: string): Partial<CaseRecord> {
  return { case_id, handler, received_on, materials_complete: false, notified: false, visits: 3, result: '办理中', completed_on: undefined };
}

const SEPTEMBER_CASES: Partial<CaseRecord>[] = [
  // 赵敏: four cases open past their deadline by 15–18 working days on 09-30 (deduction each; the cap is ¥500).
  openCase('S-Z1', '赵敏', '2026-09-01'),
  openCase('S-Z2', '赵敏', '2026-09-02'),
  openCase('S-Z3', '赵敏', '2026-09-03'),
  openCase('S-Z4', '赵敏', '2026-09-04'),
  // 王强: two cases finished a day late (reminders), then C, 9 days over on 09-30 (notice, raised to deduction as the 3rd).
  lateCase('S-W1', '王强', '2026-09-01', '2026-09-07'),
  lateCase('S-W2', '王强', '2026-09-02', '2026-09-08'),
  openCase('S-WC', '王强', '2026-09-14'),
  // 李敏: 3 days over on 09-30 (criticism), 21 by 10-31 (deduction); and an unnotified third visit.
  openCase('S-L1', '李敏', '2026-09-21'),
  unnotified('S-L2', '李敏', '2026-09-10'),
];

/** The October ledger carries September's open cases over, as real ledgers do. */
const OCTOBER_CASES: Partial<CaseRecord>[] = [
  ...SEPTEMBER_CASES.filter((c) => c.result === '办理中'),
  unnotified('O-W1', '王强', '2026-10-12'),
  lateCase('O-L3', '李敏', '2026-10-12', '2026-10-19'),
];

async function auditMonth(cases: Partial<CaseRecord>[], period: string, options: AuditOptions = {}): Promise<AuditResult> {
  const file = join(dir, `测试社区-${period}.xlsx`);
  writeFileSync(file, period); // stands in for the workbook: the report lists its SHA-256
  return audit(file, { ledger: ledgerOf({ cases, center: [CENTER] }, [], file), period, ...options });
}

function byKey(result: AuditResult, ruleId: string, key: string): Finding {
  const found = result.findings.find((f) => f.ruleId === ruleId && f.ref.key === key);
  if (!found) throw new Error(`no ${ruleId} finding on ${key}`);
  return found;
}

function yuanOf(result: AuditResult, name: string): number {
  return result.people.find((p) => p.name === name)?.deductionYuan ?? 0;
}

let september: AuditResult;
let october: AuditResult;
const history = join(dir, 'reports');

beforeAll(async () => {
  september = await auditMonth(SEPTEMBER_CASES, '2026-09');
  mkdirSync(history, { recursive: true });
  writeFileSync(join(history, '测试社区便民服务中心-2026-09.json'), reportJsonText(september, { lang: 'zh', mask: true }));
  october = await auditMonth(OCTOBER_CASES, '2026-10', { history });
});

describe('September, audited alone', () => {
  it('charges 赵敏 the monthly cap for her four overdue cases', () => {
    expect(['S-Z1', 'S-Z2', 'S-Z3', 'S-Z4'].map((k) => byKey(september, 'case-overdue', k).deductionYuan)).toEqual([200, 200, 100, 0]);
    expect(yuanOf(september, '赵敏')).toBe(500);
  });

  it('raises 王强\'s third overdue case from notice to deduction and charges it', () => {
    expect(byKey(september, 'case-overdue', 'S-WC')).toMatchObject({ baseGrade: 'notice', grade: 'deduction', deductionYuan: 200 });
  });

  it('counts one finding for the unnotified third visit: repeated-visits is merged into notice-missing', () => {
    const counted = byKey(september, 'notice-missing', 'S-L2');
    expect(counted.status).toBe('counted');
    expect(byKey(september, 'repeated-visits', 'S-L2')).toMatchObject({ status: 'merged', mergedInto: counted.id });
  });

  it('says in the report that no history was given', () => {
    expect(september.history).toBeUndefined();
  });
});

describe('October, audited with September\'s report as history', () => {
  it('uses the September report and lists it with its SHA-256', () => {
    expect(october.history!.reports).toEqual([expect.objectContaining({ period: '2026-09', file: expect.stringContaining('测试社区便民服务中心-2026-09.json'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });

  it('charges 赵敏 nothing again: her four cases were reported in September', () => {
    for (const k of ['S-Z1', 'S-Z2', 'S-Z3', 'S-Z4']) expect(byKey(october, 'case-overdue', k)).toMatchObject({ status: 'reported-before', reportedIn: '2026-09', deductionYuan: 0 });
    expect(yuanOf(october, '赵敏')).toBe(0);
    expect(october.people.find((p) => p.name === '赵敏')).toMatchObject({ highest: null, reportedBefore: 4 });
  });

  it('charges a case that kept slipping only the difference', () => {
    // 李敏's S-L1: criticism (¥0) in September, deduction now: the full ¥200.
    expect(byKey(october, 'case-overdue', 'S-L1')).toMatchObject({ status: 'counted', reportedIn: '2026-09', baseGrade: 'deduction', deductionYuan: 200, chargedBeforeYuan: 0 });
    // 王强's S-WC: already charged ¥200 in September (escalated to deduction); its base is now deduction: nothing more.
    expect(byKey(october, 'case-overdue', 'S-WC')).toMatchObject({ status: 'counted', reportedIn: '2026-09', grade: 'deduction', deductionYuan: 0, chargedBeforeYuan: 200 });
  });

  it('charges no act twice over the two months', () => {
    const charged = new Map<string, number>();
    for (const f of [...september.findings, ...october.findings]) charged.set(f.id, (charged.get(f.id) ?? 0) + f.deductionYuan);
    expect([...charged.values()].every((yuan) => yuan <= 200)).toBe(true);
    expect(september.findings.reduce((n, f) => n + f.deductionYuan, 0) + october.findings.reduce((n, f) => n + f.deductionYuan, 0)).toBe(500 + 200 + 200);
  });

  it('does not judge the carried-over notice-missing again, and takes the third visit for a repeat of it', () => {
    // The notice window closed in September: October judges no notice on S-L2.
    expect(october.findings.filter((f) => f.ruleId === 'notice-missing' && f.ref.key === 'S-L2')).toEqual([]);
    // 往返次数 has no date of its own: dated as-of, it is judged again; its partner was reported in September.
    const september_notice = byKey(september, 'notice-missing', 'S-L2');
    expect(byKey(october, 'repeated-visits', 'S-L2')).toMatchObject({ status: 'reported-before', reportedIn: '2026-09', date: '2026-10-31' });
    expect(september_notice.status).toBe('counted');
  });

  it('counts October\'s own acts as new', () => {
    expect(byKey(october, 'notice-missing', 'O-W1')).toMatchObject({ status: 'counted' });
    expect(byKey(october, 'repeated-visits', 'O-W1')).toMatchObject({ status: 'merged' });
    expect(byKey(october, 'case-overdue', 'O-L3')).toMatchObject({ status: 'counted' });
    expect(october.findings.filter((f) => f.status === 'counted' && f.reportedIn === undefined).map((f) => `${f.ruleId} ${f.ref.key}`).sort()).toEqual([
      'case-overdue O-L3',
      'notice-missing O-W1',
    ]);
  });

  it('counts only what counts in the summary', () => {
    expect(october.summary.byStatus).toEqual({ counted: 4, merged: 1, 'reported-before': 5, withdrawn: 0, regraded: 0 });
    expect(october.summary.byGrade).toEqual({ reminder: 1, criticism: 1, notice: 0, deduction: 2 });
  });
});

describe('October without history', () => {
  it('charges the carried-over cases again, as the report warns', async () => {
    const alone = await auditMonth(OCTOBER_CASES, '2026-10');
    expect(alone.history).toBeUndefined();
    expect(yuanOf(alone, '赵敏')).toBe(500);
  });
});

describe('history files', () => {
  async function historyError(files: Record<string, string>): Promise<DutyAuditError> {
    const folder = mkdtempSync(join(dir, 'h-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    const err = await auditMonth(OCTOBER_CASES, '2026-10', { history: folder }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    return err as DutyAuditError;
  }

  it('a JSON file that is not a duty-audit report is an error naming the file', async () => {
    const err = await historyError({ 'notes.json': '{"hello": "world"}' });
    expect(err.code).toBe('bad-history');
    expect(err.message).toMatch(/^history file .*notes\.json: it is not a duty-audit report/);
    expect(err.hint).toMatch(/--history/);
  });

  it('a file that is not JSON at all is an error naming the file', async () => {
    const err = await historyError({ 'broken.json': '{"tool": ' });
    expect(err.message).toMatch(/broken\.json: it is not JSON/);
  });

  it('a report of another center is an error naming the file and both centers', async () => {
    const other = { ...JSON.parse(reportJsonText(september, { lang: 'zh', mask: true })), center: '城西社区便民服务中心' };
    const err = await historyError({ 'west-2026-09.json': JSON.stringify(other) });
    expect(err.message).toMatch(/west-2026-09\.json is the report of 城西社区便民服务中心, not of 测试社区便民服务中心/);
  });

  it('a report of this period or a later one is set aside, not used', async () => {
    const folder = mkdtempSync(join(dir, 'h-'));
    writeFileSync(join(folder, 'sep.json'), reportJsonText(september, { lang: 'zh', mask: true }));
    writeFileSync(join(folder, 'oct.json'), reportJsonText(october, { lang: 'zh', mask: true }));
    const again = await auditMonth(OCTOBER_CASES, '2026-10', { history: folder });
    expect(again.history!.reports.map((r) => r.period)).toEqual(['2026-09']);
    expect(again.history!.ignored).toEqual([expect.objectContaining({ period: '2026-10', reason: 'same-period' })]);
    expect(again.findings.map((f) => [f.id, f.status])).toEqual(october.findings.map((f) => [f.id, f.status]));
  });

  it('of two reports of one period the one with the later as-of is used', async () => {
    const folder = mkdtempSync(join(dir, 'h-'));
    const early = await auditMonth(SEPTEMBER_CASES, '2026-09', { asOf: '2026-09-22' });
    writeFileSync(join(folder, 'a-late.json'), reportJsonText(september, { lang: 'zh', mask: true }));
    writeFileSync(join(folder, 'b-early.json'), reportJsonText(early, { lang: 'zh', mask: true }));
    const again = await auditMonth(OCTOBER_CASES, '2026-10', { history: folder });
    expect(again.history!.reports).toEqual([expect.objectContaining({ asOf: '2026-09-30' })]);
    expect(again.history!.ignored).toEqual([expect.objectContaining({ reason: 'superseded', file: expect.stringContaining('b-early.json') })]);
  });
});

describe('decisions', () => {
  it('withdraws, upholds and regrades October findings named by id or by rule and record', async () => {
    const file = join(dir, 'decisions.json');
    const counted = byKey(october, 'notice-missing', 'O-W1');
    writeFileSync(
      file,
      JSON.stringify([
        { id: counted.id, decision: '撤销', reason: '申请人当场已获口头告知', reviewer: '周主任', date: '2026-11-05' },
        { 规则: 'case-overdue', 记录: 'O-L3', 决定: '维持', 理由: '无延期审批', 复核人: '周主任', 日期: '2026/11/5' },
        { ruleId: 'case-overdue', key: 'S-L1', decision: '改为批评教育', reason: '区里批复延误十天', reviewer: '周主任', date: '2026-11-05' },
      ]),
    );
    const decided = await auditMonth(OCTOBER_CASES, '2026-10', { history, decisions: file });
    expect(byKey(decided, 'notice-missing', 'O-W1')).toMatchObject({ status: 'withdrawn', decision: { reason: '申请人当场已获口头告知' } });
    expect(byKey(decided, 'case-overdue', 'O-L3')).toMatchObject({ status: 'counted', decision: { verdict: { kind: 'upheld' }, date: '2026-11-05' } });
    // S-L1 counted as a deduction (¥200) without the appeal; regraded to criticism it charges nothing.
    expect(byKey(decided, 'case-overdue', 'S-L1')).toMatchObject({ status: 'regraded', baseGrade: 'deduction', grade: 'criticism', deductionYuan: 0, decision: { verdict: { kind: 'regraded', grade: 'criticism' } } });
    expect(yuanOf(decided, '李敏')).toBe(yuanOf(october, '李敏') - 200);
    expect(decided.decisions).toEqual({ file: expect.stringContaining('decisions.json'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), count: 3 });
  });

  it('a decision on a finding reported in September is an error at its line and column', async () => {
    const file = join(dir, 'late-appeal.json');
    const repeated = byKey(october, 'case-overdue', 'S-Z1');
    writeFileSync(file, `[\n  { "id": "${repeated.id}", "decision": "撤销", "reason": "x", "reviewer": "y", "date": "2026-11-05" }\n]\n`);
    const err = await auditMonth(OCTOBER_CASES, '2026-10', { history, decisions: file }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).message).toMatch(/late-appeal\.json:2:11: F-[0-9a-f]{12} was reported in 2026-09 and counts for nothing this month/);
  });
});

describe('a 拖压卡 complaint reported in September, and its case overdue in October', () => {
  // 陈静's case S-K1 (a 3-day promise from Friday 09-25, due 09-30) drew a substantiated 拖压卡
  // complaint on 09-28, judged in September. October finishes it on 10-13, 5 working days late
  // (10-08, 10-09, the make-up Saturday 10-10, 10-12, 10-13): criticism, no higher than the
  // complaint's. October's ledger lists the case but not the complaint, logged a month before.
  const stalled: Partial<CaseRecord> = { case_id: 'S-K1', handler: '陈静', received_on: '2026-09-25', kind: '承诺件', promised_days: 3 };
  const complaint: Partial<ComplaintRecord> = {
    complaint_id: 'TS-K1', logged_on: '2026-09-28', complainant: '刘某', contact: '138', content: '拖着不办',
    respondent: '陈静', category: '拖压卡', substantiated: '是', first_responder: '周主任', case_id: 'S-K1',
  };

  async function monthsOfOneAct(): Promise<{ sep: AuditResult; oct: AuditResult }> {
    const folder = join(dir, 'stalled');
    mkdirSync(folder, { recursive: true });
    const sepFile = join(dir, '测试社区-stalled-2026-09.xlsx');
    writeFileSync(sepFile, 'sep');
    const sep = await audit(sepFile, { ledger: ledgerOf({ cases: [{ ...stalled, result: '办理中', completed_on: undefined }], complaints: [complaint], center: [CENTER] }, [], sepFile), period: '2026-09' });
    writeFileSync(join(folder, '测试社区便民服务中心-2026-09.json'), reportJsonText(sep, { lang: 'zh', mask: true }));
    const octFile = join(dir, '测试社区-stalled-2026-10.xlsx');
    writeFileSync(octFile, 'oct');
    const done: Partial<CaseRecord> = { ...stalled, result: '办结', completed_on: '2026-10-13', result_notified_on: '2026-10-13' };
    const oct = await audit(octFile, { ledger: ledgerOf({ cases: [done], center: [CENTER] }, [], octFile), period: '2026-10', history: folder });
    return { sep, oct };
  }

  it('writes the complaint\'s case into its finding\'s ref in the JSON report', async () => {
    const { sep } = await monthsOfOneAct();
    const json = JSON.parse(reportJsonText(sep, { lang: 'zh', mask: true })) as { findings: { ruleId: string; ref: Record<string, unknown> }[] };
    expect(json.findings.find((f) => f.ruleId === 'complaint-delay')?.ref).toEqual({ sheet: 'complaints', row: 2, key: 'TS-K1', caseId: 'S-K1' });
  });

  it('charges the overdue case as a repeat of the complaint, not as a second act (regression: it counted criticism again)', async () => {
    const { sep, oct } = await monthsOfOneAct();
    expect(byKey(sep, 'complaint-delay', 'TS-K1')).toMatchObject({ status: 'counted', grade: 'criticism' });
    expect(byKey(oct, 'case-overdue', 'S-K1')).toMatchObject({ baseGrade: 'criticism', status: 'reported-before', reportedIn: '2026-09' });
  });
});
