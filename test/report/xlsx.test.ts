import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { GRADES, GRADE_LABELS } from '../../src/grade-scale.js';
import { toReportJson } from '../../src/report/json.js';
import { COLUMNS, REPORT_SHEETS, SHEET_NAMES } from '../../src/report/labels.js';
import type { Lang } from '../../src/text.js';
import { GRADE_FILLS } from '../../src/report/xlsx/style.js';
import { writeReportXlsx } from '../../src/report/xlsx/write.js';
import { COMPLAINT_CONTACT, FINDINGS, ISSUES, makeResult, manyFindings, PHONE, SERVICE } from './fixture.js';
import { allText, contents, rowsOf, sheetNames, tableRecords, writtenBook } from './read-back.js';

/** exceljs reads conditional formats back but leaves them out of its typings. */
function conditionalFormats(ws: ExcelJS.Worksheet): { ref: string; rules: { type: string }[] }[] {
  return (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
}

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-report-'));

function written(lang: Lang = 'zh', mask = true, result = makeResult(), streaming?: boolean) {
  return writtenBook(result, { lang, mask, ...(streaming === undefined ? {} : { streaming }) });
}

describe('writeReportXlsx', () => {
  it.each(['zh', 'en'] as const)('writes the six sheets in order with %s names', async (lang) => {
    const wb = await written(lang);
    expect(sheetNames(wb)).toEqual(REPORT_SHEETS.map((s) => SHEET_NAMES[s][lang]));
  });

  it('uses the Chinese names of docs/report.md by default and English ones with lang en', async () => {
    expect(sheetNames(await written('zh'))).toEqual(['汇总', '问题清单', '人员汇总', '预警', '数据问题', '规则', '运行信息']);
    expect(sheetNames(await written('en'))).toEqual(['Summary', 'Findings', 'By person', 'Warnings', 'Data issues', 'Rules', 'Run']);
  });

  it.each(['zh', 'en'] as const)('puts a labelled, frozen, filterable header on each table sheet (%s)', async (lang) => {
    const wb = await written(lang);
    const tables = [
      ['findings', COLUMNS.findings],
      ['people', COLUMNS.people],
      ['dataIssues', COLUMNS.dataIssues],
      ['rules', COLUMNS.rules],
    ] as const;
    for (const [sheet, labels] of tables) {
      const ws = wb.getWorksheet(SHEET_NAMES[sheet][lang])!;
      expect(rowsOf(ws)[0]).toEqual(Object.values(labels).map((l) => l[lang]));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('writes one Findings row per finding with its clause, subject, ref and grades', async () => {
    const wb = await written('zh');
    const rows = tableRecords(wb.getWorksheet('问题清单')!);
    expect(rows).toHaveLength(FINDINGS.length);
    for (const f of FINDINGS) {
      const row = rows.find((r) => r['问题编号'] === f.id)!;
      expect(row).toMatchObject({
        条款: f.clause,
        规则: f.title.zh,
        规则编号: f.ruleId,
        责任对象: f.subject.name,
        行: f.ref.row,
        记录编号: f.ref.key,
        基础等级: GRADE_LABELS[f.baseGrade].zh,
        处理等级: GRADE_LABELS[f.grade].zh,
      });
    }
    const escalated = rows.find((r) => r['问题编号'] === FINDINGS[2]!.id)!;
    expect(escalated['升级说明']).toBe('同一条款本月第3次，上调1级');
    const ledger = rows.find((r) => r['问题编号'] === 'F-bbbbbbbbbbbb')!;
    expect(ledger['涉及行']).toBe('12、17');
    // A sheet-level finding's key is the sheet's code: the record reads as the sheet and row in words.
    expect(ledger['记录']).toBe('办件台账第12行');
    expect(rows[0]!['记录']).toBe('SL-2026-10-0001');
    expect(rows[0]!['台账']).toBe('办件台账');
  });

  it('counts the same findings per grade as the JSON', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const result = makeResult();
      const wb = await written(lang, true, result);
      const json = toReportJson(result, { lang, mask: true });
      const rows = tableRecords(wb.getWorksheet(SHEET_NAMES.findings[lang])!);
      const gradeHeader = COLUMNS.findings.grade[lang];
      for (const g of GRADES) {
        expect(rows.filter((r) => r[gradeHeader] === GRADE_LABELS[g][lang]).length).toBe(json.summary.byGrade[g]);
      }
    }
  });

  it('writes dates as real Excel dates on the right UTC day', async () => {
    const wb = await written('zh');
    const ws = wb.getWorksheet('问题清单')!;
    const cell = ws.getRow(2).getCell(5);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2026-10-09T00:00:00.000Z');
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    const asOf = wb.getWorksheet('汇总')!.getRow(5).getCell(2).value;
    expect((asOf as Date).toISOString()).toBe('2026-10-31T00:00:00.000Z');
  });

  it('colours each Findings row\'s grade cell by its final grade, with the grade in words on it', async () => {
    const wb = await written('zh');
    const ws = wb.getWorksheet('问题清单')!;
    FINDINGS.forEach((f, i) => {
      const cell = ws.getRow(i + 2).getCell(7);
      expect(cell.value).toBe(GRADE_LABELS[f.grade].zh);
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(GRADE_FILLS[f.grade]);
      expect(cell.font?.bold).toBe(true);
    });
  });

  it('wraps the evidence text', async () => {
    const ws = (await written('zh')).getWorksheet('问题清单')!;
    expect(ws.getRow(1).getCell(6).value).toBe('问题描述');
    expect(ws.getRow(2).getCell(6).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual(40);
  });

  it('masks phones in facts-derived text and data issues unless mask is false', async () => {
    const masked = allText(await written('zh', true));
    expect(masked).not.toContain(PHONE);
    expect(masked).not.toContain(COMPLAINT_CONTACT);
    expect(masked).toContain('138****1234');
    expect(masked).toContain('139****1111');
    const issues = tableRecords((await written('zh', true)).getWorksheet('数据问题')!);
    expect(issues[1]!['值']).toBe('138****123x');

    const plain = allText(await written('zh', false));
    expect(plain).toContain(PHONE);
    expect(plain).toContain(COMPLAINT_CONTACT);
  });

  it('lists each data issue with where and why', async () => {
    const rows = tableRecords((await written('zh')).getWorksheet('数据问题')!);
    expect(rows).toHaveLength(ISSUES.length);
    expect(rows[0]).toMatchObject({ 文件: ISSUES[0]!.file, 工作表: '办件台账', 行: 12, 列: 'B', 表头: '受理日期', 值: '2026-13-45', 位置: '办件台账!B12' });
    expect(String(rows[0]!['原因'])).toContain('2026-13-45');
    expect(rows[0]!['问题类型']).toBe('日期无法识别');
    const en = tableRecords((await written('en')).getWorksheet('Data issues')!);
    expect(en[0]!['Issue']).toBe('Bad date');
    expect(String(en[0]!['Reason'])).toMatch(/not a date/);
  });

  it('shows by person counts, highest grade, sanction and deduction, most serious first, with data bars', async () => {
    const ws = (await written('zh')).getWorksheet('人员汇总')!;
    const rows = tableRecords(ws);
    expect(rows.map((r) => r['姓名'])).toEqual(['王强', '李敏']);
    expect(rows[0]).toMatchObject({ 提醒: 0, 批评教育: 1, 通报批评: 0, 扣除奖金: 1, 合计: 2, 最高等级: '扣除奖金', 建议处理: '扣除当月奖金', '扣款合计（元）': 200 });
    expect(rows[1]).toMatchObject({ 提醒: 1, 批评教育: 1, 通报批评: 1, 扣除奖金: 0, 最高等级: '通报批评' });
    const cf = conditionalFormats(ws);
    expect(cf.map((c) => c.ref)).toEqual(['B2:B3', 'C2:C3', 'D2:D3', 'E2:E3']);
    expect(cf.every((c) => c.rules[0]?.type === 'dataBar')).toBe(true);
  });

  it('shows each person\'s service figures: cases handled, 按期办结率 and 满意率 as percentages, blank when there is nothing to divide', async () => {
    const ws = (await written('zh')).getWorksheet('人员汇总')!;
    const rows = tableRecords(ws);
    const byName = new Map(rows.map((r) => [r['姓名'], r]));
    expect(byName.get('李敏')).toMatchObject({ 办件数: 12, 按期办结率: 0.9, 满意率: 0.75 });
    expect(byName.get('王强')).toMatchObject({ 办件数: 3, 按期办结率: 1, 满意率: null });
    const header = rowsOf(ws)[0] as string[];
    const li = rows.findIndex((r) => r['姓名'] === '李敏') + 2;
    expect(ws.getRow(li).getCell(header.indexOf('按期办结率') + 1).numFmt).toBe('0.0%');
    const en = tableRecords((await written('en')).getWorksheet('By person')!);
    expect(en.find((r) => r['Name'] === '李敏')).toMatchObject({ 'Cases handled': 12, 'On-time rate': 0.9, 'Satisfaction rate': 0.75 });
  });

  it('lists a handler with no finding below the people with findings, with zero counts and their figures', async () => {
    const result = makeResult();
    result.service = { ...SERVICE, people: [...SERVICE.people, { name: '周敏', handled: 5, completedWithDeadline: 4, completedOnTime: 3, onTimeRate: 0.75, rated: 2, satisfied: 2, satisfactionRate: 1 }] };
    const rows = tableRecords((await written('zh', true, result)).getWorksheet('人员汇总')!);
    expect(rows.map((r) => r['姓名'])).toEqual(['王强', '李敏', '周敏']);
    expect(rows[2]).toMatchObject({ 提醒: 0, 批评教育: 0, 通报批评: 0, 扣除奖金: 0, 合计: 0, 办件数: 5, 按期办结率: 0.75, 满意率: 1 });
  });

  it('lists every rule with hits, why a rule did not run, and what a rule that ran went without', async () => {
    const rows = tableRecords((await written('zh')).getWorksheet('规则')!);
    // in the one clause order: 全程代理制 before 失职追究制, then 二.1, 二.6, 二.9
    expect(rows.map((r) => r['规则编号'])).toEqual(['ledger-incomplete', 'complaint-rude', 'case-overdue', 'absence-without-handover']);
    expect(rows[2]).toMatchObject({ 规则: '超过承诺时限未办结', 规则编号: 'case-overdue', 条款: '失职追究制/二.6', 版本: 1, 命中数: 4, 已运行: '是', 未运行原因或说明: '无事项公开表:期限只按承诺时限计算' });
    expect(rows[1]).toMatchObject({ 规则编号: 'complaint-rude', 已运行: '是', 未运行原因或说明: null });
    expect(rows[3]).toMatchObject({ 规则: '请假出差无AB岗交接', 已运行: '否', 未运行原因或说明: '缺少工作表：AB岗交接' });
    const en = tableRecords((await written('en')).getWorksheet('Rules')!);
    expect(en[2]).toMatchObject({ Rule: 'Case not completed within its promised time limit', Ran: 'yes', 'Why not, or note': 'no items sheet: deadlines count from promises only' });
    expect(en[3]).toMatchObject({ Ran: 'no', 'Why not, or note': 'sheet absent: A/B handovers' });
  });

  it('summarises center, period (inferred), as-of, grades, clauses, people, rows and rules not run', async () => {
    const rows = rowsOf((await written('zh')).getWorksheet('汇总')!);
    const left = rows.map((r) => r.slice(0, 5).filter((v) => v !== null && v !== undefined));
    const right = rows.map((r) => r.slice(6).filter((v) => v !== null && v !== undefined));
    const has = (block: unknown[][], cells: unknown[]) => expect(block.map((r) => JSON.stringify(r))).toContain(JSON.stringify(cells));
    has(left, ['中心', '城东社区便民服务中心']);
    has(left, ['检查期间', '2026-10（未指定，按受理日期最多的月份推断）']);
    for (const [grade, n] of [['提醒', 2], ['批评教育', 2], ['通报批评', 1], ['扣除奖金', 1], ['合计', 6]] as const) has(left, [grade, n]);
    has(left, ['王强', '扣除奖金', '扣除当月奖金', 200, 2]);
    // the center's own findings, one line per rule
    has(left, ['全程代理制/三.4', '提醒', '台账记录不完整', 1]);
    has(left, ['失职追究制/二.9', '请假出差无AB岗交接', '缺少工作表：AB岗交接']);
    // by clause, in the one clause order, on the right
    const clauses = right.filter((r) => typeof r[0] === 'string' && /\//.test(r[0] as string)).map((r) => r[0]);
    expect(clauses).toEqual(['全程代理制/三.4', '失职追究制/二.1', '失职追究制/二.6', '失职追究制/二.9']);
    has(right, ['失职追究制/二.9', 0]);
    has(right, ['办件台账', 30, 28, 2]);
    has(right, ['合计', 40, 38, 2]);
  });

  it('records inputs, hashes, policy, tool version and the generated-at in the Run sheet', async () => {
    const text = JSON.stringify(rowsOf((await written('en')).getWorksheet('Run')!));
    for (const expected of ['["Tool","duty-audit 0.1.0"]', 'a'.repeat(64), 'b'.repeat(64), '["Raise one grade every (occurrences)",2]', '["Phones masked","yes"]', '["Language","English"]']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/\["Generated at","2026-11-0[12] \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)"\]/);
  });

  it('dates the workbook properties from the as-of, not the clock', async () => {
    const wb = await written('zh');
    expect(wb.creator).toBe('duty-audit');
    expect(wb.created.toISOString()).toBe('2026-10-31T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2026-10-31T00:00:00.000Z');
  });

  it('gives identical sheet contents for two runs on the same result', async () => {
    expect(contents(await written('zh'))).toEqual(contents(await written('zh')));
  });

  it('writes the same contents with the streaming writer as with the in-memory one', async () => {
    const result = makeResult([...FINDINGS, ...manyFindings(2500)]);
    const memory = await written('zh', true, result, false);
    const streamed = await written('zh', true, result, true);
    expect(contents(streamed)).toEqual(contents(memory));
    const ws = streamed.getWorksheet('问题清单')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(2).getCell(7).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(GRADE_FILLS.reminder);
    expect(ws.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    expect(ws.getRow(2).height).toBe(memory.getWorksheet('问题清单')!.getRow(2).height);
    // exceljs's streaming writer cannot write a data bar Excel accepts: none rather than a broken one
    expect(conditionalFormats(streamed.getWorksheet('人员汇总')!) ?? []).toHaveLength(0);
    expect(conditionalFormats(memory.getWorksheet('人员汇总')!)).toHaveLength(4);
  });

  it('writes an empty month: no findings, no issues, headers still there', async () => {
    const wb = await written('zh', true, makeResult([], []));
    expect(rowsOf(wb.getWorksheet('问题清单')!)).toHaveLength(1);
    expect(rowsOf(wb.getWorksheet('数据问题')!)).toHaveLength(1);
    expect(JSON.stringify(rowsOf(wb.getWorksheet('汇总')!))).toContain('["无"');
  });

  it('creates the output folder and leaves no partial file behind', async () => {
    const nested = join(dir, 'a', 'b', 'report.xlsx');
    await writeReportXlsx(makeResult(), nested, { lang: 'zh', mask: true });
    expect(existsSync(nested)).toBe(true);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['report.xlsx']);
  });
});
