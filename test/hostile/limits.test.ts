/**
 * Hostile corpus, limits and the reader's guards proven again through audit, batch and the bin
 * (issue 16 items 3, 4, 5, 7, 9, 11, 12; the reader's own tests are test/ledger/xlsx/hostile.test.ts):
 * every limit is an option with a safe default, and each refusal is exit 2 saying what, where and
 * the option that raises it. Small inputs reach the limits through the options.
 */
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { runAudit } from '../../src/cli/commands/audit.js';
import { EXIT_INPUTS_FAILED, runBatch } from '../../src/batch/run-batch.js';
import { auditToReport } from '../../src/batch/worker.js';
import { msg, render } from '../../src/messages/catalogue.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { reportJsonText } from '../../src/report/json.js';
import { writeBook, type CellSpec } from '../ledger/xlsx/helpers/producers.js';
import { expectAccounted, expectNoCrash, expectRefused, refusal, runBin, withDir, type ReportJson } from './harness.js';
import { caseCells, CENTER_HEADER, cleanCases, HEADER, writeCsvMonth } from './month.js';

const json = async (input: string): Promise<ReportJson> => JSON.parse(reportJsonText(await audit(input), { lang: 'en', mask: true })) as ReportJson;

/** A month written as raw SpreadsheetML by a producer (test/ledger/xlsx/helpers/producers.ts). */
async function book(file: string, cases: CellSpec[][], options: { producer?: 'excel' | 'openpyxl'; omitRefs?: boolean; part?: string; patch?: Record<string, (xml: string) => string> } = {}): Promise<string> {
  return writeBook(file, {
    producer: options.producer ?? 'excel',
    ...(options.omitRefs ? { omitRefs: true } : {}),
    ...(options.patch ? { patch: options.patch } : {}),
    sheets: [
      { name: '办件台账', rows: [HEADER, ...cases], ...(options.part ? { part: options.part } : {}) },
      { name: '中心信息', rows: [CENTER_HEADER, ['测试社区便民服务中心', '城东街道', '0571-12345', '是', '是']] },
    ],
  });
}

const BOMB = { 'xl/worksheets/sheet1.xml': (xml: string) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(4 * 1024 * 1024)}`) };

describe.concurrent('ledger limits through the bin: exit 2, what, where, and the option (items 7, 9)', () => {
  test('L01 a zip bomb (a sheet inflating a thousandfold): refused naming the part and --max-compression-ratio', async () => {
    await withDir(async (dir) => {
      await book(join(dir, 'bomb.xlsx'), cleanCases(3), { patch: BOMB });
      expect((await readFile(join(dir, 'bomb.xlsx'))).length).toBeLessThan(64 * 1024);
      const run = await runBin(['audit', 'bomb.xlsx', '--out', 'r.xlsx'], dir);
      expectRefused(run, msg('xlsx.sheetPart', { sheet: '办件台账', part: 'xl/worksheets/sheet1.xml' }), msg('ledger.overLimit.hint', { limit: 'maxCompressionRatio', flag: '--max-compression-ratio' }));
      expect(run.stderr).toContain('bomb.xlsx');
    });
  });

  test('L02 a workbook over --max-input-mb: refused naming its size and the option', async () => {
    await withDir(async (dir) => {
      await book(join(dir, 'L.xlsx'), cleanCases(30));
      const run = await runBin(['audit', 'L.xlsx', '--out', 'r.xlsx', '--max-input-mb', '0.001'], dir);
      const size = (await stat(join(dir, 'L.xlsx'))).size;
      expectRefused(run, msg('ledger.overLimit', { file: 'L.xlsx', what: msg('ledger.over.inputBytes', { size, max: 1048 }), limit: 'maxInputBytes', value: 1048 }), msg('ledger.overLimit.hint', { limit: 'maxInputBytes', flag: '--max-input-mb' }));
    });
  });

  test('L03 a CSV sheet over --max-rows: refused naming the sheet and the option', async () => {
    await withDir(async (dir) => {
      await writeCsvMonth(dir, { cases: cleanCases(300) });
      const run = await runBin(['audit', 'month', '--out', 'r.xlsx', '--max-rows', '50'], dir);
      const what = msg('xlsx.tooManyRows', { sheet: '测试社区-2026-10-办件台账', n: 50 });
      expectRefused(run, msg('ledger.overLimit', { file: join('month', '测试社区-2026-10-办件台账.csv'), what, limit: 'maxRows', value: 50 }), msg('ledger.overLimit.hint', { limit: 'maxRows', flag: '--max-rows' }));
    });
  });
});

describe('ledger limits in the library (audit options, as the upload service sets them)', () => {
  test('L04 a CSV cell over maxCellChars: refused naming row and column (regression: one 200 MB cell took 3 GB)', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(10);
      cases[4] = caseCells(4, { 备注: '长'.repeat(500) });
      const folder = await writeCsvMonth(dir, { cases });
      const error = await refusal(() => audit(folder, { limits: { maxCellChars: 100 } }));
      const file = join(folder, '测试社区-2026-10-办件台账.csv');
      expect(error).toMatchObject({ code: 'file-too-large', file });
      expect(error.detail).toEqual(msg('ledger.overLimit', { file, what: msg('ledger.csvCellTooLong', { row: 6, column: 14, n: 100 }), limit: 'maxCellChars', value: 100 }));
      expect(error.fix).toEqual(msg('ledger.overLimit.hint', { limit: 'maxCellChars', flag: '--max-cell-chars' }));
    });
  });

  test('L17 a CSV row of 2 MB in one cell at the default limits: refused as a cell far over the limit, csv-parse never holds more than 1 MiB of it', async () => {
    await withDir(async (dir) => {
      const cases = cleanCases(10);
      cases[5] = caseCells(5, { 备注: 'x'.repeat(2 * 1024 * 1024) });
      const folder = await writeCsvMonth(dir, { cases });
      const error = await refusal(() => audit(folder));
      const file = join(folder, '测试社区-2026-10-办件台账.csv');
      const what = msg('ledger.csvRecordTooLong', { row: 7, line: 7, bytes: 1_048_576, n: 32_767 });
      expect(error.detail).toEqual(msg('ledger.overLimit', { file, what, limit: 'maxCellChars', value: 32_767 }));
      expect(error.fix).toEqual(msg('ledger.overLimit.hint', { limit: 'maxCellChars', flag: '--max-cell-chars' }));
    });
  });

  test('L05 a shared-string table over maxSharedStringsBytes, through audit()', async () => {
    await withDir(async (dir) => {
      const file = await book(join(dir, 'L.xlsx'), cleanCases(30));
      const error = await refusal(() => audit(file, { limits: { maxSharedStringsBytes: 200 } }));
      expect(error.detail).toMatchObject({ key: 'ledger.overLimit', params: { limit: 'maxSharedStringsBytes', value: 200, what: { key: 'xlsx.partTooLarge', params: { label: msg('xlsx.sharedStrings', { part: 'xl/sharedStrings.xml' }) } } } });
      expect(error.fix).toEqual(msg('ledger.overLimit.hint', { limit: 'maxSharedStringsBytes', flag: '--max-shared-strings-mb' }));
    });
  });

  test('L06 a limit option that is not a positive number is bad usage naming it', async () => {
    await withDir(async (dir) => {
      const folder = await writeCsvMonth(dir);
      const error = await refusal(() => runAudit({ input: folder, lang: 'en', mask: true, out: join(dir, 'r.xlsx'), 'max-rows': -5 } as never, dir));
      expect(error).toMatchObject({ code: 'bad-usage', detail: msg('cli.badLimit', { flag: '--max-rows', value: '-5' }), fix: msg('cli.badLimit.hint', { flag: '--max-rows' }) });
    });
  });

  test('L07 a zip bomb inside a batch fails only itself: the other input is audited, exit 3 (some input failed)', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, 'uploads'));
      await book(join(dir, 'uploads', 'bomb.xlsx'), cleanCases(3), { patch: BOMB });
      await writeCsvMonth(join(dir, 'uploads'), {}, 'good');
      const result = await runBatch(['uploads'], { out: 'out', cwd: dir, runner: auditToReport });
      expect(result.counts).toEqual({ audited: 1, skipped: 0, failed: 1 });
      expect(result.exitCode).toBe(EXIT_INPUTS_FAILED);
      const failed = result.entries.find((e) => e.status === 'failed');
      expect(failed).toMatchObject({ input: { display: 'uploads/bomb.xlsx' }, failure: { code: 'file-too-large', detail: { key: 'ledger.overLimit', params: { limit: 'maxCompressionRatio', what: { key: 'xlsx.zipBomb' } } } } });
    });
  });
});

describe("the reader's guards, through audit() (items 3, 4, 5, 11, 12)", () => {
  test('L08 a sheet cut off mid-way (regression: the rows after the cut were gone, exit 0): refused', async () => {
    await withDir(async (dir) => {
      const file = await book(join(dir, 'cut.xlsx'), cleanCases(40), { patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.slice(0, Math.floor(xml.length / 2)) } });
      const error = await refusal(() => audit(file));
      expect(error).toMatchObject({ code: 'not-a-workbook', file });
      expect(error.detail).toMatchObject({ key: 'ledger.damaged', params: { file, what: { key: 'xlsx.notXml', params: { label: msg('xlsx.sheetPart', { sheet: '办件台账', part: 'xl/worksheets/sheet1.xml' }) } } } });
      expect(error.message).toMatch(/cut off or damaged/);
    });
  });

  test('L09 inline rich text keeps every run (regression: 陈静 read as 静)', async () => {
    await withDir(async (dir) => {
      const cases: CellSpec[][] = cleanCases(6);
      cases[2]![6] = { rich: ['陈', '静'], inline: true };
      const file = await book(join(dir, 'rich.xlsx'), cases, { producer: 'openpyxl' });
      const result = await audit(file);
      expect(result.service.people.map((p) => p.name).sort()).toEqual(['张伟', '李明', '王强', '陈静'].sort());
    });
  });

  test('L10 a shared-string index out of range (regression: an empty cell, silently): refused naming the cell', async () => {
    await withDir(async (dir) => {
      const file = await book(join(dir, 'index.xlsx'), cleanCases(5), { patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<c r="C2" t="s"><v>\d+<\/v><\/c>/, '<c r="C2" t="s"><v>9999</v></c>') } });
      const error = await refusal(() => audit(file));
      expect(error).toMatchObject({ code: 'not-a-workbook', detail: { key: 'ledger.damaged' } });
      expect(error.describe('zh')).toContain('9999');
      expect(error.describe('zh')).toContain('办件台账!C2');
    });
  });

  test('L11 rows and cells without the optional r= (regression: JS error text): audited, every row read', async () => {
    await withDir(async (dir) => {
      const file = await book(join(dir, 'norefs.xlsx'), cleanCases(12), { omitRefs: true });
      const report = await json(file);
      expectAccounted(report, 12 + 1);
      expect(report.dataIssues).toEqual([]);
    });
  });

  test('L12 a sheet part not named sheetN.xml (regression: "sheets found: none"): audited', async () => {
    await withDir(async (dir) => {
      const file = await book(join(dir, 'parts.xlsx'), cleanCases(12), { part: 'xl/worksheets/cases-data.xml' });
      const report = await json(file);
      expectAccounted(report, 12 + 1);
    });
  });
});

describe('rule file limits (item 9: a 50 MB rule file took 2 GB; 1,000 nested not levels crashed the validator)', () => {
  async function rulesCopy(dir: string): Promise<string> {
    const rules = join(dir, 'rules');
    await cp(join(PACKAGE_ROOT, 'rules'), rules, { recursive: true });
    return rules;
  }
  const RULE = 'rules/失职追究制/refusal-without-reason.json';

  test('L13 a rule file over --max-rule-file-kb: rules validate exits 2 naming the file and the option', async () => {
    await withDir(async (dir) => {
      const rules = await rulesCopy(dir);
      const file = join(dir, RULE);
      await writeFile(file, (await readFile(file, 'utf8')) + ' '.repeat(40 * 1024));
      const run = await runBin(['rules', 'validate', rules, '--max-rule-file-kb', '20'], dir);
      expectNoCrash(run.stdout + run.stderr);
      expect(run.status).toBe(2);
      const size = (await stat(file)).size;
      expect(run.stdout).toContain(`refusal-without-reason.json:1:1  ${render(msg('problem.tooLarge', { size, max: 20_480, flag: '--max-rule-file-kb' }), 'zh')}`);
    });
  });

  test('L14 1,000 nested "not" groups: rules validate exits 2 at the line and column, no crash', async () => {
    await withDir(async (dir) => {
      const rules = await rulesCopy(dir);
      const file = join(dir, RULE);
      const rule = JSON.parse(await readFile(file, 'utf8')) as { conditions: unknown };
      let deep: unknown = { fact: 'result', operator: 'equal', value: '不予办理' };
      for (let i = 0; i < 1000; i++) deep = { not: deep };
      rule.conditions = { all: [deep] };
      await writeFile(file, JSON.stringify(rule));
      const run = await runBin(['rules', 'validate', rules], dir);
      expectNoCrash(run.stdout + run.stderr);
      expect(run.status).toBe(2);
      expect(run.stdout).toMatch(/refusal-without-reason\.json:1:\d+ {2}/);
      expect(run.stdout).toContain(render(msg('problem.tooDeep', { max: 64, flag: '--max-rule-nesting' }), 'zh'));
    });
  });

  test('L15 a rule file over the default size limit is refused without being read', async () => {
    await withDir(async (dir) => {
      const rules = await rulesCopy(dir);
      const file = join(dir, RULE);
      await writeFile(file, (await readFile(file, 'utf8')) + ' '.repeat(2 * 1024 * 1024));
      const { problems } = await loadRuleSet(rules);
      const size = (await stat(file)).size;
      expect(problems).toEqual([expect.objectContaining({ file, line: 1, column: 1, code: 'too-large', message: msg('problem.tooLarge', { size, max: 1_048_576, flag: '--max-rule-file-kb' }) })]);
    });
  });

  test('L16 a GBK rule file: a clear encoding problem at its line and column (regression: garbled errors)', async () => {
    await withDir(async (dir) => {
      const rules = await rulesCopy(dir);
      const file = join(dir, RULE);
      await writeFile(file, iconv.encode(await readFile(file, 'utf8'), 'gbk'));
      const { problems } = await loadRuleSet(rules);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file, code: 'bad-encoding', line: 5, column: 21 });
      expect(problems[0]!.message).toEqual(msg('problem.notUtf8Gbk'));
    });
  });
});
