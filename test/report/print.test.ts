/**
 * The sample month's report read back as an inspector's printer and screen would take it: every
 * sheet set up for A4 landscape one page wide with repeated header rows, a page header naming
 * the center and period and a page-number footer; rows tall enough for their wrapped text; a
 * named sans-serif font on every cell; no internal code word in any cell a person reads.
 */
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, PRINTED_COLUMNS, SHEET_NAMES } from '../../src/report/labels.js';
import { readBook } from './read-back.js';
import { writeSampleReport } from './sample-report.js';

/** exceljs reads these two back from the workbook's defined names but leaves them out of its typings. */
type PageSetup = Partial<ExcelJS.PageSetup> & { printTitlesRow?: string; printArea?: string };

let zh: ExcelJS.Workbook;
let en: ExcelJS.Workbook;

beforeAll(async () => {
  zh = await readBook((await writeSampleReport('zh')).xlsx);
  en = await readBook((await writeSampleReport('en')).xlsx);
});

const TABLES = [
  ['findings', COLUMNS.findings],
  ['people', COLUMNS.people],
  ['warnings', COLUMNS.warnings],
  ['dataIssues', COLUMNS.dataIssues],
  ['rules', COLUMNS.rules],
] as const;

/** Cell values as text, with the position for failure messages. */
function cells(ws: ExcelJS.Worksheet): { where: string; text: string; cell: ExcelJS.Cell }[] {
  const out: { where: string; text: string; cell: ExcelJS.Cell }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v === null || v === undefined || v instanceof Date || typeof v === 'number') return;
      out.push({ where: `${ws.name}!${cell.address}`, text: String(v), cell });
    }),
  );
  return out;
}

describe('print setup', () => {
  it('every sheet: A4 landscape, one page wide, as many tall as it takes', () => {
    for (const wb of [zh, en]) {
      for (const ws of wb.worksheets) {
        const p = ws.pageSetup as PageSetup;
        expect({ sheet: ws.name, paperSize: p.paperSize, orientation: p.orientation, fitToPage: p.fitToPage, fitToWidth: p.fitToWidth, fitToHeight: p.fitToHeight }).toEqual({
          sheet: ws.name,
          paperSize: 9,
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        });
      }
    }
  });

  it('every sheet: a page header with the center, the sheet and the period, and 第 N 页 共 M 页 below', () => {
    for (const ws of zh.worksheets) {
      expect(ws.headerFooter.oddHeader).toBe('&L城东社区便民服务中心&C&"等线,Bold"&A&R检查期间 2026-10');
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    }
    for (const ws of en.worksheets) expect(ws.headerFooter.oddFooter).toBe('&CPage &P of &N');
  });

  it('each table repeats its header row on every page and prints its leading columns only', () => {
    for (const [key, labels] of TABLES) {
      const ws = zh.getWorksheet(SHEET_NAMES[key].zh)!;
      const p = ws.pageSetup as PageSetup;
      expect(p.printTitlesRow, ws.name).toBe('1:1');
      const printed = PRINTED_COLUMNS[key];
      const all = Object.keys(labels).length;
      if (printed < all) expect(p.printArea, ws.name).toMatch(new RegExp(`^A1:${String.fromCharCode(64 + printed)}\\d+$`));
      else expect(p.printArea, ws.name).toBeUndefined();
    }
  });

  it('问题清单 prints clause, rule, subject, record, date, evidence, grade, status, escalation and deduction; ids and codes follow, inside the filter', () => {
    const ws = zh.getWorksheet('问题清单')!;
    const header = ws.getRow(1).values as unknown[];
    expect(header.slice(1, 11)).toEqual(['条款', '规则', '责任对象', '记录', '日期', '问题描述', '处理等级', '状态', '升级说明', '扣款（元）']);
    expect(header.slice(11)).toEqual(['问题编号', '规则编号', '台账', '行', '记录编号', '基础等级', '涉及行']);
    expect(ws.autoFilter).toBe(`A1:Q${ws.rowCount}`);
  });

  it('预警 prints kind, record, subject, dates, working days left and extension reason; the finding id, sheet, row and key follow', () => {
    const ws = zh.getWorksheet('预警')!;
    const header = ws.getRow(1).values as unknown[];
    expect(header.slice(1, 8)).toEqual(['预警类型', '记录', '责任人', '日期', '办结期限', '剩余工作日', '延期原因']);
    expect(header.slice(8)).toEqual(['问题编号', '工作表', '行', '记录编号']);
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(ws.autoFilter).toBe(`A1:K${ws.rowCount}`);
  });

  it('运行信息 puts each label beside its value, in two columns', () => {
    const ws = zh.getWorksheet('运行信息')!;
    ws.eachRow((row) => expect(row.cellCount, `row ${row.number}`).toBeLessThanOrEqual(2));
    const pairs = new Map<string, unknown>();
    ws.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get('工具')).toBe('duty-audit 0.1.0');
    expect(pairs.get('语言')).toBe('中文');
    expect(pairs.get('生成时间')).toMatch(/^2026-11-29 \d{2}:21（UTC[+-]\d{2}:\d{2}）$/);
  });
});

describe('row heights', () => {
  /**
   * Lines a wrapped text needs, reckoned as Excel lays it out (independently of row-height.ts):
   * a column `w` wide is 7w + 5 px less 3 px of margins; a Chinese character at `pt` points is
   * pt × 4/3 px, anything else about 0.55 of that.
   */
  function linesNeeded(text: string, width: number, pt: number): number {
    const px = 7 * width + 5 - 3;
    let lines = 0;
    for (const line of text.split('\n')) {
      let w = 0;
      for (const ch of line) w += (/[\u2E80-\uFFEF“”‘’—…]/u.test(ch) ? 1 : 0.55) * (pt * 4) / 3;
      lines += Math.max(1, Math.ceil(w / px));
    }
    return lines;
  }

  it('every row has a stored height, and each wrapped cell fits its text in it', () => {
    for (const ws of zh.worksheets) {
      ws.eachRow((row) => {
        expect(row.height, `${ws.name} row ${row.number}`).toBeGreaterThan(0);
        row.eachCell((cell, col) => {
          if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
          const pt = cell.font?.size ?? 11;
          const needed = linesNeeded(cell.value, ws.getColumn(col).width ?? 8.43, pt) * pt * 1.2;
          expect(row.height, `${ws.name}!${cell.address}: ${cell.value}`).toBeGreaterThanOrEqual(needed);
        });
      });
    }
  });

  it('a finding whose evidence is longer than its column is more than one line tall', () => {
    const ws = zh.getWorksheet('问题清单')!;
    const single = Math.min(...[...Array(ws.rowCount - 1).keys()].map((i) => ws.getRow(i + 2).height));
    let multi = 0;
    ws.eachRow((row) => {
      if (row.number > 1 && String(row.getCell(6).value).length > 40) {
        expect(row.height).toBeGreaterThan(single);
        multi++;
      }
    });
    expect(multi).toBeGreaterThan(10);
  });
});

describe('fonts', () => {
  it('every cell with text names 等线 as a sans-serif face (family 2); bold cells too', () => {
    let bold = 0;
    for (const ws of [...zh.worksheets, ...en.worksheets]) {
      for (const { where, cell } of cells(ws)) {
        expect(cell.font?.name, where).toBe('等线');
        expect(cell.font?.family, where).toBe(2);
        if (cell.font?.bold) bold++;
      }
    }
    expect(bold).toBeGreaterThan(50);
  });

  it('table headers and the totals are bold', () => {
    for (const [key] of TABLES) expect(zh.getWorksheet(SHEET_NAMES[key].zh)!.getRow(1).getCell(1).font?.bold).toBe(true);
    const summary = zh.getWorksheet('汇总')!;
    const totals = cells(summary).filter((c) => c.text === '合计');
    expect(totals.length).toBeGreaterThanOrEqual(2);
    for (const t of totals) expect(t.cell.font?.bold, t.where).toBe(true);
  });
});

describe('no internal code in a cell a person reads', () => {
  /** Columns whose values are ids, file names or ledger data, shown as they are. */
  const AS_IS = new Set(['问题编号', '规则编号', '记录编号', '文件', '值', '表头']);
  const SHA = /^[0-9a-f]{64}$/;
  const CODE = /[a-z]{3,}/;

  function readable(ws: ExcelJS.Worksheet): { where: string; text: string }[] {
    const header = ws.getRow(1).values as unknown[];
    const isTable = TABLES.some(([key]) => SHEET_NAMES[key].zh === ws.name);
    return cells(ws).filter(({ cell, text }) => {
      if (isTable && AS_IS.has(String(header[Number(cell.col)]))) return false;
      if (SHA.test(text) || /\.(xlsx|csv|json)$/.test(text) || text.startsWith('duty-audit ')) return false;
      return true;
    });
  }

  it('no lowercase ASCII word (a sheet key, an issue code, a rule id) outside the id and data columns', () => {
    const leaks: string[] = [];
    for (const ws of zh.worksheets) {
      for (const { where, text } of readable(ws)) {
        // A finding id named in a sentence (状态: 并入 F-…) is an id shown as it is.
        const unquoted = text.replace(/“[^”]*”/g, '').replace(/F-[0-9a-f]{12}/g, '');
        if (CODE.test(unquoted)) leaks.push(`${where}: ${text}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('the 记录 column names records in words, never cases / attendance / center', () => {
    const ws = zh.getWorksheet('问题清单')!;
    const records = new Set<string>();
    ws.eachRow((row) => row.number > 1 && records.add(String(row.getCell(4).value)));
    expect([...records].filter((r) => /^(cases|complaints|attendance|handovers|staff|items|center|other)$/.test(r))).toEqual([]);
    expect(records.has('中心信息第3行') || [...records].some((r) => r.startsWith('中心信息'))).toBe(true);
  });

  it('no evidence reads 类型bad-integer, limit(procedure …) or 公示标准—元', () => {
    const text = cells(zh.getWorksheet('问题清单')!).map((c) => c.text).join('\n');
    expect(text).not.toMatch(/bad-integer|duplicate-key|procedure|公示标准—元/);
    expect(text).toContain('整数无法识别、编号重复');
    expect(text).toContain('未公开：办理期限');
  });
});
