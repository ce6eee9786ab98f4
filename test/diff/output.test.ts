/** The diff as the reviewer sees it: terminal text (zh / en) and the xlsx workbook. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffRuleSets } from '../../src/diff/diff.js';
import { diffTerminal } from '../../src/diff/terminal.js';
import type { DiffResult } from '../../src/diff/types.js';
import { writeDiffXlsx } from '../../src/diff/xlsx.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { CASE_OVERDUE, copyRules, REPEATED_ERRORS, SAMPLE, setParam } from './helpers.js';

let diff: DiffResult;
let same: DiffResult;

beforeAll(async () => {
  const dir = copyRules();
  setParam(dir, REPEATED_ERRORS, 'minErrors', 2);
  setParam(dir, CASE_OVERDUE, 'noticeFrom', 11);
  diff = await diffRuleSets(DEFAULT_RULES_DIR, dir, [SAMPLE], { oldLabel: 'rules', newLabel: 'edited' });
  same = await diffRuleSets(DEFAULT_RULES_DIR, copyRules(), [SAMPLE]);
});

describe('diffTerminal', () => {
  it('has both kinds of change to show', () => {
    expect(diff.totals.added).toBeGreaterThan(0);
    expect(diff.totals.regraded).toBeGreaterThan(0);
  });

  it('zh: headings, counts, the edited rules and every changed finding', () => {
    const text = diffTerminal(diff, 'zh');
    expect(text).toContain('旧规则：rules');
    expect(text).toContain('新规则：edited');
    expect(text).toContain('改动的规则：case-overdue（修改）、repeated-errors（修改）');
    expect(text).toContain(`新增 ${diff.totals.added} · 移除 0 · 等级变化 ${diff.totals.regraded}`);
    expect(text).toContain('按规则：');
    expect(text).toContain('按人员：');
    expect(text).toContain(`新增（${diff.totals.added}）：`);
    expect(text).toContain(`等级变化（${diff.totals.regraded}）：`);
    expect(text).not.toContain('移除（');
    for (const c of diff.changes) expect(text).toContain(c.id);
    expect(text).toMatch(/case-overdue .*通报批评 +批评教育/);
  });

  it('en: the same in English', () => {
    const text = diffTerminal(diff, 'en');
    expect(text).toContain('Old rules: rules');
    expect(text).toContain(`Added ${diff.totals.added} · Removed 0 · Regraded ${diff.totals.regraded}`);
    expect(text).toContain('By rule:');
    expect(text).toMatch(/case-overdue .*Circulated notice +Criticism/);
    expect(text).not.toMatch(/[新增移除等级]/);
  });

  it('says so when nothing changes', () => {
    expect(diffTerminal(same, 'zh')).toContain('两套规则在这些台账上的检查结果相同');
    expect(diffTerminal(same, 'en')).toContain('both rule sets give the same findings on these ledgers');
    expect(diffTerminal(same, 'zh')).toContain('改动的规则：无');
  });
});

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('writeDiffXlsx', () => {
  it('writes the six sheets with Chinese names, one row per change, grades in words', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duty-audit-diff-xlsx-')), 'diff.xlsx');
    await writeDiffXlsx(diff, file, 'zh');
    const wb = await readBack(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['新增', '移除', '等级变化', '状态变化', '按规则', '按人员']);

    const added = rowsOf(wb.getWorksheet('新增')!);
    expect(added[0]).toContain('问题编号');
    expect(added.slice(1).map((r) => r[0]).sort()).toEqual(diff.changes.filter((c) => c.kind === 'added').map((c) => c.id).sort());
    expect(rowsOf(wb.getWorksheet('移除')!)).toHaveLength(1);

    const regraded = rowsOf(wb.getWorksheet('等级变化')!);
    const header = regraded[0] as string[];
    const at = (label: string) => header.indexOf(label);
    for (const row of regraded.slice(1)) {
      expect(row[at('规则')]).toBe('case-overdue');
      expect(row[at('原基础等级')]).toBe('通报批评');
      expect(row[at('新基础等级')]).toBe('批评教育');
      expect(row[at('日期')]).toBeInstanceOf(Date);
    }
    expect(regraded).toHaveLength(diff.totals.regraded + 1);

    const byRule = rowsOf(wb.getWorksheet('按规则')!);
    expect(byRule.slice(1).map((r) => r[0])).toEqual(diff.byRule.map((r) => r.ruleId));
    const byPerson = rowsOf(wb.getWorksheet('按人员')!);
    expect(byPerson).toHaveLength(diff.byPerson.length + 1);
  });

  it('English sheet names with --lang en', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duty-audit-diff-xlsx-')), 'diff.xlsx');
    await writeDiffXlsx(same, file, 'en');
    const wb = await readBack(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Added', 'Removed', 'Regraded', 'Status changed', 'By rule', 'By person']);
    for (const ws of wb.worksheets) expect(ws.rowCount).toBe(1);
  });
});
