/**
 * Every finding's status is shown wherever it appears (docs/report.md): the 问题清单 column, the
 * JSON, the terminal; the counts and 人员汇总 count only the findings that count and show the
 * others apart; 运行信息 names the history and decisions files, or says a repeat is possible.
 */
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import type { Finding } from '../../src/findings/types.js';
import { toReportJson } from '../../src/report/json.js';
import { statusText } from '../../src/report/labels.js';
import { terminalSummary } from '../../src/report/terminal.js';
import { FINDINGS, makeResult, SETTLED } from './fixture.js';
import { rowsOf, tableRecords, writtenBook } from './read-back.js';
import { schemaErrors } from './schema.js';


const [merged, repeated, slipped, withdrawn, regraded, upheld] = SETTLED as [Finding, Finding, Finding, Finding, Finding, Finding];

function settledResult(extra: Partial<AuditResult> = {}): AuditResult {
  return { ...makeResult([...FINDINGS, ...SETTLED]), ...extra };
}

describe('status in words', () => {
  it.each([
    [merged, '并入 F-00000000000b', 'merged into F-00000000000b'],
    [repeated, '已于2026-09通报', 'reported in 2026-09'],
    [slipped, '计入（2026-09已通报，现等级更高，已扣100元，只计差额）', 'Counted (reported in 2026-09 at a lower grade; ¥100 charged then, only the difference now)'],
    [withdrawn, '已撤销：申请人自行撤回申请', 'withdrawn: 申请人自行撤回申请'],
    [regraded, '复核改为提醒：系统故障所致', 'regraded to Reminder on appeal: 系统故障所致'],
    [upheld, '计入（复核维持：记录属实）', 'Counted (upheld on appeal: 记录属实)'],
    [FINDINGS[0]!, '计入', 'Counted'],
  ])('%#: %s', (f, zh, en) => {
    expect(statusText(f, 'zh')).toBe(zh);
    expect(statusText(f, 'en')).toBe(en);
  });
});

describe('JSON', () => {
  it('carries status, mergedInto, reportedIn, chargedBeforeYuan and the decision, and validates', () => {
    const json = toReportJson(settledResult(), { lang: 'zh', mask: true });
    expect(schemaErrors(json)).toEqual([]);
    const byId = new Map(json.findings.map((f) => [f.id, f]));
    expect(byId.get(merged.id)).toMatchObject({ status: 'merged', mergedInto: 'F-00000000000b' });
    expect(byId.get(repeated.id)).toMatchObject({ status: 'reported-before', reportedIn: '2026-09', statusText: '已于2026-09通报' });
    expect(byId.get(slipped.id)).toMatchObject({ status: 'counted', reportedIn: '2026-09', chargedBeforeYuan: 100 });
    expect(byId.get(withdrawn.id)).toMatchObject({ status: 'withdrawn', decision: { verdict: 'withdrawn', reason: '申请人自行撤回申请', reviewer: '周主任', date: '2026-11-05' } });
    expect(byId.get(regraded.id)!.decision).toEqual({ verdict: 'regraded', grade: 'reminder', reason: '系统故障所致', reviewer: '周主任', date: '2026-11-05' });
    expect(byId.get(FINDINGS[0]!.id)).not.toHaveProperty('mergedInto');
  });

  it('counts by grade the counted and regraded findings only, and every finding by status', () => {
    const json = toReportJson(settledResult(), { lang: 'zh', mask: true });
    // FINDINGS: 2 reminder, 2 criticism, 1 notice, 1 deduction; SETTLED adds slipped (deduction), regraded (reminder), upheld (reminder).
    expect(json.summary.byGrade).toEqual({ reminder: 4, criticism: 2, notice: 1, deduction: 2 });
    expect(json.summary.byStatus).toEqual({ counted: 8, merged: 1, 'reported-before': 1, withdrawn: 1, regraded: 1 });
    expect(json.people.find((p) => p.name === '李敏')).toMatchObject({ merged: 1, reportedBefore: 1, withdrawn: 1 });
  });

  it('the schema refuses a merged finding without mergedInto and a withdrawn one without its decision', () => {
    const json = toReportJson(settledResult(), { lang: 'zh', mask: true });
    const noTarget = structuredClone(json);
    delete (noTarget.findings.find((f) => f.status === 'merged') as { mergedInto?: string }).mergedInto;
    expect(schemaErrors(noTarget).join()).toMatch(/mergedInto/);
    const noDecision = structuredClone(json);
    delete (noDecision.findings.find((f) => f.status === 'withdrawn') as { decision?: unknown }).decision;
    expect(schemaErrors(noDecision).join()).toMatch(/decision/);
    const noStatus = structuredClone(json);
    delete (noStatus.findings[0] as { status?: string }).status;
    expect(schemaErrors(noStatus).join()).toMatch(/status/);
  });

  it('history and decisions are null without --history and --decisions, and listed with their SHA-256 with them', () => {
    expect(toReportJson(settledResult(), { lang: 'zh', mask: true })).toMatchObject({ history: null, decisions: null });
    const given = settledResult({
      history: { source: 'reports', reports: [{ file: 'reports/城东-2026-09.json', sha256: 'c'.repeat(64), period: '2026-09', asOf: '2026-09-30' }], ignored: [{ file: 'reports/城东-2026-10.json', period: '2026-10', reason: 'same-period' }] },
      decisions: { file: 'decisions.json', sha256: 'd'.repeat(64), count: 3 },
    });
    const json = toReportJson(given, { lang: 'zh', mask: true });
    expect(schemaErrors(json)).toEqual([]);
    expect(json.history!.reports[0]).toEqual({ file: 'reports/城东-2026-09.json', sha256: 'c'.repeat(64), period: '2026-09', asOf: '2026-09-30' });
    expect(json.decisions).toEqual({ file: 'decisions.json', sha256: 'd'.repeat(64), count: 3 });
  });
});

describe('workbook', () => {
  it('问题清单 has a 状态 column in words, and greys the rows that count for nothing', async () => {
    const ws = (await writtenBook(settledResult())).getWorksheet('问题清单')!;
    const rows = tableRecords(ws);
    const byId = new Map(rows.map((r) => [r['问题编号'], r]));
    expect(byId.get(merged.id)!['状态']).toBe('并入 F-00000000000b');
    expect(byId.get(withdrawn.id)!['状态']).toBe('已撤销：申请人自行撤回申请');
    expect(byId.get(FINDINGS[0]!.id)!['状态']).toBe('计入');
    const rowOf = (id: string) => rows.findIndex((r) => r['问题编号'] === id) + 2;
    const fill = (id: string) => (ws.getRow(rowOf(id)).getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect(fill(repeated.id)).toBe('FFEDEDED');
    expect(fill(slipped.id)).not.toBe('FFEDEDED');
  });

  it('人员汇总 counts the findings that count and shows merged, withdrawn and reported-before apart', async () => {
    const rows = tableRecords((await writtenBook(settledResult())).getWorksheet('人员汇总')!);
    expect(rows.find((r) => r['姓名'] === '李敏')).toMatchObject({
      提醒: 3,
      批评教育: 1,
      通报批评: 1,
      扣除奖金: 1,
      '并入（不计）': 1,
      '已撤销（不计）': 1,
      '此前已通报（不计）': 1,
    });
  });

  it('a person whose only finding was withdrawn is listed apart and is nobody to act on', async () => {
    const only = { ...withdrawn, subject: { kind: 'staff' as const, name: '赵六' } };
    const result = makeResult([only]);
    const wb = await writtenBook(result);
    // 赵六 first; the handlers of the month's service figures with no finding follow.
    expect(tableRecords(wb.getWorksheet('人员汇总')!)[0]).toEqual(
      expect.objectContaining({ 姓名: '赵六', 合计: 0, 最高等级: null, 建议处理: null, '已撤销（不计）': 1 }),
    );
    // 汇总's people block (left, columns A–E): its header row, then 无 for nobody.
    const summary = rowsOf(wb.getWorksheet('汇总')!);
    const header = summary.findIndex((r) => r[0] === '姓名');
    expect(summary[header + 1]![0]).toBe('无');
    expect(terminalSummary(result, { lang: 'zh' })).toContain('需处理人员：无');
  });

  it('汇总 totals the findings that count and lists those that do not', async () => {
    // The grade block is the left one: label and count in columns A and B.
    const counts = new Map(rowsOf((await writtenBook(settledResult())).getWorksheet('汇总')!).map((r) => [r[0], r[1]]));
    expect(counts.get('合计')).toBe(9);
    expect(counts.get('并入（不计）')).toBe(1);
    expect(counts.get('此前已通报（不计）')).toBe(1);
    expect(counts.get('已撤销（不计）')).toBe(1);
  });

  it('运行信息 says a repeat is possible without --history, and lists history and decisions files with their SHA-256', async () => {
    const none = JSON.stringify(rowsOf((await writtenBook(settledResult())).getWorksheet('运行信息')!));
    expect(none).toContain('["历史报告","未提供：上月已通报、仍逾期未结的办件，以及此前登记、现经核实的投诉，可能重复计入"]');
    expect(none).toContain('["复核决定","未提供"]');
    const given = settledResult({
      history: { source: 'reports', reports: [{ file: 'reports/城东-2026-09.json', sha256: 'c'.repeat(64), period: '2026-09', asOf: '2026-09-30' }], ignored: [{ file: 'reports/城东-2026-08-old.json', period: '2026-08', reason: 'superseded' }] },
      decisions: { file: 'decisions.xlsx', sha256: 'd'.repeat(64), count: 2 },
    });
    const text = JSON.stringify(rowsOf((await writtenBook(given)).getWorksheet('运行信息')!));
    // Beside the ledger under 输入文件, each with its SHA-256; a file not used, with why.
    expect(text).toContain(`["samples/城东社区-2026-10.xlsx","${'a'.repeat(64)}"],["reports/城东-2026-09.json（历史报告，2026-09）","${'c'.repeat(64)}"],["decisions.xlsx（复核决定，2 条）","${'d'.repeat(64)}"]`);
    expect(text).toContain('["reports/城东-2026-08-old.json（历史报告，2026-08）","未采用：同月有更新的报告"]');
    expect(text).not.toContain('未提供');
  });

  it('运行信息 says when the history folder held no earlier report of this center', async () => {
    const text = JSON.stringify(rowsOf((await writtenBook(settledResult({ history: { source: 'reports', reports: [], ignored: [] } }), { lang: 'en' })).getWorksheet('Run')!));
    expect(text).toContain('["Earlier reports","reports holds no earlier report of this center, so a repeat is still possible"]');
  });
});

describe('terminal', () => {
  it('totals the findings that count and lists the others apart', () => {
    const text = terminalSummary(settledResult(), { lang: 'zh' });
    expect(text).toContain('提醒 4 · 批评教育 2 · 通报批评 1 · 扣除奖金 2（合计 9）');
    expect(text).toContain('不计入：并入 1 · 此前已通报 1 · 已撤销 1');
  });
});
