/**
 * Hostile corpus, CSV folders (issue 16 items 2 and 17): quotes never drop rows silently, every
 * physical line is accounted for, and a file in the wrong encoding or with the wrong separator
 * or a header too low is refused saying exactly that.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { msg, render } from '../../src/messages/catalogue.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { reportJsonText } from '../../src/report/json.js';
import { expectAccounted, expectNoCrash, expectRefused, refusal, runBin, withDir, type ReportJson } from './harness.js';
import { caseCells, cleanCases, csvLines, HEADER, writeCsvMonth } from './month.js';

const CASES_FILE = '测试社区-2026-10-办件台账.csv';

async function auditJson(input: string): Promise<ReportJson> {
  return JSON.parse(reportJsonText(await audit(input), { lang: 'en', mask: true })) as ReportJson;
}

const issuesOf = (report: ReportJson, code: string) => report.dataIssues.filter((i) => i.code === code);

describe('quotes never drop rows silently (item 2)', () => {
  test('H16 an unterminated quote in row 10 of 300 (regression: it swallowed the rest): a data issue at row 10, column A; all 300 rows read', async () => {
    await withDir(async (dir) => {
      await writeCsvMonth(dir, { cases: cleanCases(300), patchLines: (lines) => lines.map((line, i) => (i === 9 ? `"${line}` : line)) });
      const run = await runBin(['audit', 'month', '--out', 'r.xlsx', '--json', 'r.json', '--lang', 'en'], dir);
      expectNoCrash(run.stderr);
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(join(dir, 'r.json'), 'utf8'))) as ReportJson;
      expectAccounted(report, 300 + 1);
      expect(issuesOf(report, 'unclosed-quote')).toEqual([
        expect.objectContaining({ file: join('month', CASES_FILE), row: 10, column: 'A', header: '受理编号', value: '"SL-2026-10-0009', message: expect.stringContaining('ran on to line 301') }),
      ]);
      expect(report.summary.rowsSetAside).toBe(1);
    });
  });

  test('H17 a stray quote inside a cell (居住"证) is text, as in Excel: nothing set aside, nothing lost', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir, { patchLines: (lines) => lines.map((line, i) => (i === 5 ? line.replace('证明开具', '证明"开具') : line)) });
      const report = await auditJson(folder);
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([]);
      const ledger = await readLedger(folder);
      expect(ledger.sheets.cases?.find((r) => r.row === 6)?.record.item).toBe('证明"开具');
    });
  });

  test('H18 a quote after a closing quote ("证明"开具) is text: nothing lost', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir, { patchLines: (lines) => lines.map((line, i) => (i === 7 ? line.replace('证明开具', '"证明"开具') : line)) });
      const report = await auditJson(folder);
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([]);
    });
  });

  test('H19 a quote opened in row 5 and closed by a quoted cell three rows later: row 5 set aside, the rows it swallowed read', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(30);
      cases[7] = caseCells(7, { 备注: '已告知,待补' });
      const folder = await writeCsvMonth(dir, { cases, patchLines: (lines) => lines.map((line, i) => (i === 4 ? line.replace(/,$/, ',"备注未完') : line)) });
      const report = await auditJson(folder);
      expectAccounted(report, 30 + 1);
      expect(issuesOf(report, 'unclosed-quote')).toEqual([expect.objectContaining({ row: 5, column: 'N', header: '备注', message: expect.stringContaining('ran on to line 9') })]);
      const ledger = await readLedger(folder);
      expect(ledger.sheets.cases?.map((r) => r.row)).toEqual([...Array.from({ length: 30 }, (_, i) => i + 2)].filter((row) => row !== 5));
      expect(ledger.sheets.cases?.find((r) => r.row === 9)?.record.note).toBe('已告知,待补');
    });
  });

  test('H20 a quote never closed, in the last row: that row set aside, nothing else', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir, { patchLines: (lines) => lines.map((line, i) => (i === 30 ? line.replace('证明开具', '"证明开具') : line)) });
      const report = await auditJson(folder);
      expectAccounted(report, 30 + 1);
      expect(issuesOf(report, 'unclosed-quote')).toEqual([expect.objectContaining({ row: 31, column: 'E', header: '事项名称' })]);
    });
  });

  test('H21 a genuine multi-line 备注 (Alt+Enter) stays one cell: no issue', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(30);
      cases[3] = caseCells(3, { 备注: '第一行\n第二行,补充说明\n第三行' });
      const folder = await writeCsvMonth(dir, { cases });
      const report = await auditJson(folder);
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([]);
      const ledger = await readLedger(folder);
      expect(ledger.sheets.cases?.find((r) => r.record.case_id === 'SL-2026-10-0004')?.record.note).toBe('第一行\n第二行,补充说明\n第三行');
    });
  });

  test('H22 more than 1,000 rows opening a quote they never close: the file is refused as broken, not read row by row forever', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir, { cases: cleanCases(1_100), patchLines: (lines) => lines.map((line, i) => (i > 0 ? `"${line}` : line)) });
      const error = await refusal(() => readLedger(folder));
      expect(error).toMatchObject({ code: 'not-a-workbook', detail: msg('ledger.csvQuotingBroken', { file: join(folder, CASES_FILE), n: 1000 }), fix: msg('ledger.csvQuotingBroken.hint') });
    });
  });
});

describe('encodings say what the file is (item 17)', () => {
  test('H23 a UTF-8 byte-order mark in front of GBK text: exit 2 saying so (not "neither UTF-8 nor GBK")', async () => {
    await withDir(async (dir) => {
      const text = [HEADER.join(','), ...csvLines(cleanCases(5))].join('\r\n');
      await writeCsvMonth(dir, { casesBytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'gbk')]) });
      const run = await runBin(['audit', 'month', '--out', 'r.xlsx'], dir);
      expectRefused(run, msg('ledger.csvBomGbk', { file: join('month', CASES_FILE) }), msg('ledger.csvBomGbk.hint'));
      expect(run.stderr).not.toContain(render(msg('ledger.badEncoding', { file: join('month', CASES_FILE) }), 'zh'));
    });
  });

  test('H24 NUL bytes in a CSV: refused naming the line', async () => {
    await withDir(async (dir) => {
      const text = [HEADER.join(','), ...csvLines(cleanCases(5))].join('\r\n');
      const bytes = Buffer.from(text);
      const at = bytes.indexOf(Buffer.from('SL-2026-10-0003'));
      bytes[at + 3] = 0;
      const folder = await writeCsvMonth(dir, { casesBytes: bytes });
      const error = await refusal(() => readLedger(folder));
      const file = join(folder, CASES_FILE);
      expect(error).toMatchObject({ code: 'bad-encoding', file, detail: msg('ledger.csvNul', { file, line: 4, byte: at + 4 }), fix: msg('ledger.csvNul.hint') });
    });
  });

  test('H25 UTF-16 text (Excel\'s "Unicode text"): refused as UTF-16', async () => {
    await withDir(async (dir) => {
      const text = [HEADER.join(','), ...csvLines(cleanCases(5))].join('\r\n');
      const folder = await writeCsvMonth(dir, { casesBytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
      const error = await refusal(() => readLedger(folder));
      expect(error).toMatchObject({ code: 'bad-encoding', detail: msg('ledger.csvUtf16', { file: join(folder, CASES_FILE) }), fix: msg('ledger.badEncoding.hint') });
    });
  });

  test('H26 GBK without a mark (what Chinese Excel saves) is read: every row', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir, { encoding: 'gbk' });
      const report = await auditJson(folder);
      expectAccounted(report, 30 + 1);
      expect(report.dataIssues).toEqual([]);
    });
  });
});

describe('a wrong separator or a header too low is said as such (item 17)', () => {
  test('H27 a case CSV separated by semicolons: exit 2 "separates its cells with ;" (not "cannot infer the audited month")', async () => {
    await withDir(async (dir) => {
      await writeCsvMonth(dir, { patchLines: (lines) => lines.map((line) => line.replaceAll(',', ';')) });
      const run = await runBin(['audit', 'month', '--out', 'r.xlsx'], dir);
      const file = join('month', CASES_FILE);
      expectRefused(run, msg('ledger.wrongDelimiter', { file, sheet: '测试社区-2026-10-办件台账', delimiter: ';' }), msg('ledger.wrongDelimiter.hint'));
      expect(run.stderr).not.toContain(render(msg('period.cannotInfer', { file: 'month' }), 'zh'));
    });
  });

  test('H28 a tab-separated complaint sheet: a wrong-delimiter data issue for that sheet, the cases audited', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir);
      const complaints = [['登记编号', '登记日期', '被投诉人', '类别', '是否属实', '首问责任人'], ['TS-1', '2026-10-12', '李明', '态度粗暴', '是', '张伟']];
      await writeFile(join(folder, '测试社区-2026-10-投诉登记.csv'), complaints.map((r) => r.join('\t')).join('\r\n'));
      const report = await auditJson(folder);
      expect(report.summary.rowsRead).toBe(report.summary.rowsEvaluated + report.summary.rowsSetAside);
      expect(issuesOf(report, 'wrong-delimiter')).toEqual([expect.objectContaining({ sheet: 'complaints', row: 0, file: join(folder, '测试社区-2026-10-投诉登记.csv') })]);
      expect(issuesOf(report, 'wrong-delimiter')[0]!.message).toContain('"Tab"');
    });
  });

  test('H29 the case header on row 12: exit 2 naming row 12 and the fix', async () => {
    await withDir(async (dir) => {
      await writeCsvMonth(dir, { patchLines: (lines) => [...Array.from({ length: 11 }, (_, i) => `说明第${i + 1}行`), ...lines] });
      const run = await runBin(['audit', 'month', '--out', 'r.xlsx'], dir);
      expectRefused(run, msg('ledger.headerTooLow', { file: join('month', CASES_FILE), sheet: '测试社区-2026-10-办件台账', row: '12' }), msg('ledger.headerTooLow.hint'));
      expect(run.stderr).not.toContain(render(msg('period.cannotInfer', { file: 'month' }), 'zh'));
    });
  });
});
