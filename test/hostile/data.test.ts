/**
 * Hostile corpus, odd but legal data (issue 16 items 8, 10, 13, 16, 17): many data issues, one
 * odd date, invisible marks in names, characters XML forbids, endless cells, control sequences
 * and very long center names. Each is audited (or refused only when the whole month cannot be
 * judged), and the report is one Excel can open.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, test } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { runAudit } from '../../src/cli/commands/audit.js';
import { msg } from '../../src/messages/catalogue.js';
import { reportJsonText } from '../../src/report/json.js';
import { cellText, MAX_CELL_CHARS, TRUNCATED_MARK } from '../../src/report/xlsx/cell-text.js';
import { readWorkbookRows } from '../../src/ledger/xlsx/read-xlsx.js';
import { ledgerLimits } from '../../src/ledger/limits.js';
import { safeFileStem } from '../../src/output/file-name.js';
import { MAX_PAGE_HEADER_CHARS, pageHeader } from '../../src/report/xlsx/print.js';
import { FONT_NAME } from '../../src/report/xlsx/style.js';
import { terminalSafe } from '../../src/messages/terminal-safe.js';
import { expectAccounted, expectNoCrash, refusal, runBin, withDir, type ReportJson } from './harness.js';
import { caseCells, cleanCases, writeCsvMonth } from './month.js';

const json = async (input: string, options: Parameters<typeof audit>[1] = {}): Promise<ReportJson> =>
  JSON.parse(reportJsonText(await audit(input, options), { lang: 'en', mask: true })) as ReportJson;

/** Every XML part of a workbook through a strict XML 1.0 parser (what Excel requires); the errors found. */
async function xmlErrors(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const errors: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
    const parser = new SaxesParser();
    parser.on('error', (e) => errors.push(`${name}: ${e.message}`));
    parser.write(await zip.file(name)!.async('string')).close();
  }
  return errors;
}

/** Every text cell of every sheet of a workbook, read by the project's own reader. */
async function texts(file: string): Promise<string[]> {
  const found: string[] = [];
  await readWorkbookRows(file, ledgerLimits({ maxCellChars: 100_000 }), {
    wants: () => true,
    read: (_sheet, _wanted, _d, rows) => rows((_n, cells) => cells.forEach((c) => typeof c === 'string' && found.push(c))),
  });
  return found;
}

/** A 承诺件 with a one-day promise completed four working days late (a case-overdue finding, criticism). */
const late = (i: number, handler: string) => caseCells(i, { 办件类型: '承诺件', 承诺时限: '1', 受理日期: '2026-10-09', 办结日期: '2026-10-16', 结果告知日期: '2026-10-16', 经办人: handler });

describe('many data issues (item 8)', () => {
  test('D01 130,000 data issues in one sheet (regression: "Maximum call stack size exceeded" past ~125,000)', { timeout: 180_000 }, async () => {
    await withDir(async (dir) => {
      const cases = Array.from({ length: 65_000 }, (_, i) => caseCells(i, { 材料齐全: '也许', 往返次数: '多次' }));
      const folder = await writeCsvMonth(dir, { cases });
      const result = await audit(folder, { period: '2026-10' });
      expect(result.dataIssues).toHaveLength(130_000);
      expect(result.summary).toMatchObject({ rowsRead: 65_001, rowsEvaluated: 1, rowsSetAside: 65_000 });
      const report = JSON.parse(reportJsonText(result, { lang: 'en', mask: true })) as ReportJson;
      expect(report.dataIssues.filter((i) => i.code === 'bad-boolean')).toHaveLength(65_000);
    });
  });
});

describe('one odd value is a data issue on its row; only an unjudgeable month stops the audit (item 10)', () => {
  test('D02 a 受理日期 of 1900-01-01: exit 0, an outside-calendar issue on that cell, the rest audited', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(30);
      cases[6] = caseCells(6, { 受理日期: '1900-01-01' });
      await writeCsvMonth(dir, { cases });
      const run = await runBin(['audit', 'month', '--out', 'r.xlsx', '--json', 'r.json', '--lang', 'en'], dir);
      expectNoCrash(run.stderr);
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as ReportJson;
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([
        expect.objectContaining({ sheet: 'cases', row: 8, column: 'B', header: '受理日期', value: '1900-01-01', code: 'outside-calendar', message: expect.stringMatching(/outside the loaded working-day calendars \(2024–2026\).*rules\/calendar\/cn-1900\.json/) }),
      ]);
    });
  });

  test('D03 an open case received in a year with no calendar (2023-12-29): set aside, the rest audited', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(30);
      cases[2] = caseCells(2, { 受理日期: '2023-12-29', 办结日期: '', 办理结果: '办理中', 结果告知日期: '' });
      const report = await json(await writeCsvMonth(dir, { cases }));
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([expect.objectContaining({ row: 4, value: '2023-12-29', code: 'outside-calendar' })]);
    });
  });

  test('D16 a case of an earlier year, completed then, with no calendar for that year: set aside, the rest audited (regression: once every row is built, it stopped the audit)', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(30);
      cases[2] = caseCells(2, { 受理日期: '2023-06-01', 办结日期: '2023-06-05', 结果告知日期: '2023-06-05' });
      const report = await json(await writeCsvMonth(dir, { cases }), { period: '2026-10' });
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([expect.objectContaining({ row: 4, column: 'B', value: '2023-06-01', code: 'outside-calendar' })]);
    });
  });

  test('D04 a 承诺时限 of 260 working days: audited as not yet overdue (its deadline is after the calendars), no data issue', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(30);
      cases[3] = caseCells(3, { 办件类型: '承诺件', 承诺时限: '260', 办结日期: '', 办理结果: '办理中', 结果告知日期: '' });
      const report = await json(await writeCsvMonth(dir, { cases }));
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([]);
      expect(report.findings.filter((f) => f.ref.key === 'SL-2026-10-0004' && f.ruleId === 'case-overdue')).toEqual([]);
    });
  });

  test('D05 an as-of outside every calendar makes the whole month unjudgeable: exit 2 with the fix', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir);
      const error = await refusal(() => runAudit({ input: folder, lang: 'en', mask: true, out: join(dir, 'r.xlsx'), 'as-of': '2030-01-31' } as never, dir));
      expect(error).toMatchObject({
        code: 'date-outside-calendar',
        detail: msg('calendar.asOfOutside', { asOf: '2030-01-31', years: ['2024', '2025', '2026'] }),
        fix: msg('calendar.asOfOutside.hint', { year: '2030' }),
      });
      expect(await readdir(dir)).toEqual(['month']);
    });
  });
});

describe('invisible marks in names (item 13)', () => {
  test('D06 李明 with a zero-width space and with a right-to-left mark is one person: one row in people, escalation counted together, shown as written', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(9);
      cases[0] = late(0, '李明');
      cases[1] = late(1, '李\u200B明');
      cases[2] = late(2, '\u200F李明\u2060');
      const report = await json(await writeCsvMonth(dir, { cases }));
      const overdue = report.findings.filter((f) => f.ruleId === 'case-overdue');
      expect(overdue.map((f) => f.subject.name)).toEqual(['李明', '李明', '李明']);
      expect(report.people.filter((p) => p.name.replace(/[\u200B-\u200F\u2060]/g, '') === '李明')).toHaveLength(1);
      // The third occurrence of one clause escalates one grade (criticism → notice): counted as one person.
      expect((report.findings as unknown as { ruleId: string; grade: string }[]).filter((f) => f.ruleId === 'case-overdue').map((f) => f.grade)).toEqual(['criticism', 'criticism', 'notice']);
    });
  });

  test('D07 invisible marks in a header, a list value and a yes/no value are read', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(10);
      cases[4] = caseCells(4, { 办理结果: '办结\u200B', 材料齐全: '\uFEFF是' });
      const folder = await writeCsvMonth(dir, { cases, patchLines: (lines) => [lines[0]!.replace('受理编号', '受理\u200B编号'), ...lines.slice(1)] });
      const report = await json(folder);
      expectAccounted(report, 10 + 1);
      expect(report.dataIssues).toEqual([]);
    });
  });
});

describe('reports Excel can open (item 16)', () => {
  test('D08 U+FFFF, U+FFFE and control characters from a CSV: the report is well-formed XML, the characters dropped', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(10);
      cases[1] = caseCells(1, { 受理日期: 'x\uFFFFy\u0001z\uFFFE\u000B' });
      const folder = await writeCsvMonth(dir, { cases, center: '测试\uFFFF社区\u0007中心' });
      await runAudit({ input: folder, lang: 'zh', mask: true, out: join(dir, 'r.xlsx') } as never, dir);
      expect(await xmlErrors(join(dir, 'r.xlsx'))).toEqual([]);
      const all = await texts(join(dir, 'r.xlsx'));
      expect(all).toContain('xyz');
      expect(all.some((t) => t.includes('测试社区中心'))).toBe(true);
      expect(all.join('')).not.toMatch(/[\uFFFF\uFFFE\u0001\u0007\u000B]/);
    });
  });

  test.each(['zh', 'en'] as const)("D09 a cell of 40,000 characters (limit raised): cut to Excel's 32,767 with a visible mark in the report's language (%s)", async (lang) => {
    await withDir(async (dir) => {
      const cases = cleanCases(10);
      cases[1] = caseCells(1, { 受理日期: '日'.repeat(40_000) });
      const folder = await writeCsvMonth(dir, { cases });
      await runAudit({ input: folder, lang, mask: true, out: join(dir, 'r.xlsx'), 'max-cell-chars': 50_000 } as never, dir);
      const long = (await texts(join(dir, 'r.xlsx'))).filter((t) => t.startsWith('日日日'));
      expect(long.length).toBeGreaterThan(0);
      for (const text of long) {
        expect(text.length).toBe(MAX_CELL_CHARS);
        expect(text.endsWith(TRUNCATED_MARK[lang])).toBe(true);
      }
    });
  });

  test('D10 lone surrogate halves are dropped and a pair is never cut in half', () => {
    expect(cellText('a\uD800b\uDC00c', 'zh')).toBe('abc');
    const pairs = '😀'.repeat(20_000);
    for (const lang of ['zh', 'en'] as const) {
      const cut = cellText(pairs, lang);
      expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
      expect(cut.endsWith(TRUNCATED_MARK[lang])).toBe(true);
      expect(cut.slice(0, -TRUNCATED_MARK[lang].length)).toMatch(/^(😀)+$/u);
    }
  });
});

test("D15 the page header names the center safely: characters XML forbids dropped, a long name cut to Excel's 255 characters with no & code split", () => {
  expect(pageHeader({ center: '测试\uFFFF中心\u0007', period: '2026-10', lang: 'en' })).toBe(`&L测试中心&C&"${FONT_NAME},Bold"&A&RPeriod 2026-10`);
  const name = '城东&'.repeat(150);
  const header = pageHeader({ center: name, period: '2026-10', lang: 'zh' });
  expect(header.length).toBeLessThanOrEqual(MAX_PAGE_HEADER_CHARS);
  const center = header.slice('&L'.length, header.indexOf(`&C&"${FONT_NAME}`));
  expect(center.endsWith('…')).toBe(true);
  const shown = center.slice(0, -1);
  expect(shown.replace(/&&/g, '')).not.toContain('&');
  expect(name.startsWith(shown.replace(/&&/g, '&'))).toBe(true);
  expect(shown.length).toBeGreaterThan(200);
});

describe('names that mislead (item 17)', () => {
  test('D11 a 300-character center name: exit 0 (regression: ENAMETOOLONG), the report name cut to fit', async () => {
    await withDir(async (dir) => {
      await writeCsvMonth(dir, { center: '城东'.repeat(150) });
      const run = await runBin(['audit', 'month'], dir);
      expectNoCrash(run.stderr);
      expect(run.status, run.stderr).toBe(0);
      const [name] = await readdir(join(dir, 'reports'));
      expect(name).toMatch(/^(城东)+城?-2026-10\.xlsx$/);
      expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(255);
    });
  });

  test('D12 escape sequences in a center and a handler name never reach the terminal raw', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(6);
      cases[0] = late(0, '王\u001b[2J强');
      await writeCsvMonth(dir, { cases, center: '测试\u001b]0;owned\u0007中心' });
      const run = await runBin(['audit', 'month', '--out', 'r.xlsx'], dir);
      expectNoCrash(run.stderr);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
      expect(run.stdout).toContain('王\\x1b[2J强');
    });
  });

  test('D13 a center name made of path characters, dots and a right-to-left override becomes a safe file name', () => {
    expect(safeFileStem('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeFileStem('城东\u202Exslx.exe')).toBe('城东xslx.exe');
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('中心. . ')).toBe('中心');
    expect(terminalSafe('a\u202Eb\u009bc\u001b')).toBe('a\\u202eb\\x9bc\\x1b');
  });
});

