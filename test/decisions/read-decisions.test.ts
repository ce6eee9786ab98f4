/**
 * Reading a decisions file: JSON (a list, or {"decisions": [...]}, English keys or the Chinese
 * headers) or an xlsx sheet with Chinese headers; every bad decision is an error at its place
 * (file:line:col, or sheet!cell) with the fix.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseVerdict, readDecisions } from '../../src/decisions/read-decisions.js';
import { DutyAuditError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-decisions-'));
let n = 0;

function jsonFile(text: string): string {
  const file = join(dir, `d${++n}.json`);
  writeFileSync(file, text);
  return file;
}

async function xlsxFile(rows: (string | Date | null)[][], sheet = '申诉复核', before: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const name of before) wb.addWorksheet(name).addRow(['说明', '本表记录复核结果']);
  const ws = wb.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  const file = join(dir, `d${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function failure(file: string): Promise<DutyAuditError> {
  const err = await readDecisions(file).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DutyAuditError);
  expect((err as DutyAuditError).code).toBe('bad-decisions');
  return err as DutyAuditError;
}

const ONE = { id: 'F-0123456789ab', decision: '撤销', reason: '系统故障', reviewer: '周主任', date: '2026-11-05' };

describe('verdicts', () => {
  it.each([
    ['维持', { kind: 'upheld' }],
    ['upheld', { kind: 'upheld' }],
    ['撤销', { kind: 'withdrawn' }],
    ['Withdrawn', { kind: 'withdrawn' }],
    ['改为提醒', { kind: 'regraded', grade: 'reminder' }],
    ['改为 批评教育', { kind: 'regraded', grade: 'criticism' }],
    ['改为:通报批评', { kind: 'regraded', grade: 'notice' }],
    ['regrade to reminder', { kind: 'regraded', grade: 'reminder' }],
    ['改为警告', undefined],
    ['同意', undefined],
  ])('%s', (written, verdict) => {
    expect(parseVerdict(written)).toEqual(verdict);
  });
});

describe('JSON decisions', () => {
  it('reads a list, with the file\'s SHA-256 and each decision\'s place', async () => {
    const text = `[\n  ${JSON.stringify(ONE)},\n  {"ruleId": "case-overdue", "key": "SL-1", "decision": "改为提醒", "reason": "r", "reviewer": "v", "date": "2026-11-06"}\n]\n`;
    const file = jsonFile(text);
    const read = await readDecisions(file, dir);
    expect(read.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(read.file).toBe(`d${n}.json`);
    expect(read.decisions).toEqual([
      { target: { id: 'F-0123456789ab' }, verdict: { kind: 'withdrawn' }, reason: '系统故障', reviewer: '周主任', date: '2026-11-05', file, at: `d${n}.json:2:9` },
      { target: { ruleId: 'case-overdue', key: 'SL-1' }, verdict: { kind: 'regraded', grade: 'reminder' }, reason: 'r', reviewer: 'v', date: '2026-11-06', file, at: `d${n}.json:3:14` },
    ]);
  });

  it('reads {"decisions": [...]} and the Chinese field names', async () => {
    const read = await readDecisions(jsonFile(JSON.stringify({ decisions: [{ 问题编号: 'F-0123456789ab', 决定: '维持', 理由: '属实', 复核人: '周', 日期: '2026年11月5日' }] })));
    expect(read.decisions[0]).toMatchObject({ target: { id: 'F-0123456789ab' }, verdict: { kind: 'upheld' }, date: '2026-11-05' });
  });

  it.each([
    [{ ...ONE, decision: '同意' }, /:2:\d+: 决定 "同意" is not 维持, 撤销 or 改为<grade>$/, /改为提醒/],
    [{ ...ONE, reason: ' ' }, /:2:\d+: the reason \(理由\) is empty$/, /why/],
    [{ ...ONE, reviewer: '' }, /:2:\d+: the reviewer \(复核人\) is empty$/, /who reviewed/],
    [{ ...ONE, date: '11/5' }, /:2:\d+: 日期 "11\/5" is not a date$/, /2026-11-05/],
    [{ decision: '撤销', reason: 'r', reviewer: 'v', date: '2026-11-05' }, /:2:3: the decision names no finding$/, /问题编号/],
    [{ ...ONE, verdict: '撤销' }, /:2:\d+: unknown field "verdict"$/, /决定/],
  ])('%# an error at the field: %s', async (decision, message, hint) => {
    const err = await failure(jsonFile(`[\n  ${JSON.stringify(decision)}\n]`));
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(hint);
  });

  it('bad JSON and a JSON that is no list are errors at their place', async () => {
    expect((await failure(jsonFile('[\n  {"id": "F-1",}\n]'))).message).toMatch(/:2:\d+: not valid JSON/);
    expect((await failure(jsonFile('{"id": "F-1"}'))).message).toMatch(/:1:1: expected a list of decisions/);
  });

  it('a missing file or another kind of file is an error naming it', async () => {
    await expect(readDecisions(join(dir, 'none.json'))).rejects.toMatchObject({ code: 'file-not-found' });
    const csv = join(dir, 'd.csv');
    writeFileSync(csv, 'x');
    await expect(readDecisions(csv)).rejects.toMatchObject({ code: 'bad-decisions', message: expect.stringMatching(/expected a \.json or \.xlsx file/) });
  });
});

describe('xlsx decisions', () => {
  const HEADER = ['问题编号', '规则', '记录', '决定', '理由', '复核人', '日期'];

  it('reads the sheet whose header has 决定, below a title row, with dates as cells', async () => {
    const file = await xlsxFile(
      [['2026年10月申诉复核结果'], HEADER, ['F-0123456789ab', null, null, '撤销', '系统故障', '周主任', new Date(Date.UTC(2026, 10, 5))], [], [null, 'case-overdue', 'SL-1', '改为提醒', 'r', 'v', '2026-11-06']],
      '申诉复核',
      ['说明'],
    );
    const read = await readDecisions(file, dir);
    expect(read.decisions).toEqual([
      expect.objectContaining({ target: { id: 'F-0123456789ab' }, verdict: { kind: 'withdrawn' }, date: '2026-11-05', at: `d${n}.xlsx 申诉复核!A3` }),
      expect.objectContaining({ target: { ruleId: 'case-overdue', key: 'SL-1' }, verdict: { kind: 'regraded', grade: 'reminder' }, at: `d${n}.xlsx 申诉复核!B5` }),
    ]);
  });

  it('a bad cell is an error at sheet!cell', async () => {
    const file = await xlsxFile([HEADER, ['F-0123456789ab', null, null, '撤销', '', '周主任', '2026-11-05']]);
    expect((await failure(file)).message).toMatch(/d\d+\.xlsx 申诉复核!E2: the reason \(理由\) is empty$/);
  });

  it('a workbook without a decisions header is an error saying which header it needs', async () => {
    const file = await xlsxFile([['编号', '内容'], ['1', '2']]);
    const err = await failure(file);
    expect(err.message).toMatch(/no sheet has a header row with 决定/);
    expect(err.hint).toMatch(/问题编号, 规则, 记录, 决定, 理由, 复核人, 日期/);
  });
});
