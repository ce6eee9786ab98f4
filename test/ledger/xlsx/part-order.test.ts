/**
 * Workbooks arrive with their parts in any order (exceljs's writers put xl/workbook.xml last,
 * Excel puts styles and shared strings after the sheets). The reader opens the zip by random
 * access and reads the workbook, relationships, styles and shared strings before any sheet,
 * whatever the order: nothing is re-packed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../../src/ledger/read-ledger.js';
import { CASE_HEADER, caseRow } from '../helpers/cases.js';
import { utcDate, withTempDir, writeWorkbook, type SheetDraft } from '../helpers/workbook.js';

const SHEETS: SheetDraft[] = [
  {
    name: '办件台账',
    rows: [['2026年10月办件台账'], [...CASE_HEADER], caseRow({ 受理日期: utcDate(2026, 10, 9), 办结日期: utcDate(2026, 10, 14) })],
    merges: ['A1:Q1'],
  },
  { name: '人员公示', rows: [['姓名', '职务', '电话', '已公示', '佩戴胸卡'], ['李明', '代办员', 13800000001, '是', '否']] },
];

const EXPECTED_CASE = { case_id: 'SL-2026-10-0001', received_on: '2026-10-09', completed_on: '2026-10-14', visits: 1 };

async function partNames(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file), { createFolders: false });
  return Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
}

/** Writes the workbook's parts again in the order `arrange` gives. */
async function repack(source: string, target: string, arrange: (names: string[]) => string[]): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(source));
  const out = new JSZip();
  const order = arrange(Object.keys(zip.files).filter((name) => !zip.files[name]!.dir));
  for (const name of order) out.file(name, await zip.file(name)!.async('nodebuffer'), { createFolders: false });
  await writeFile(target, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return order;
}

function moveLast(part: string) {
  return (names: string[]) => [...names.filter((name) => name !== part), part];
}

function seededShuffle(seed: number) {
  return (names: string[]) => {
    const shuffled = [...names];
    let state = seed;
    for (let index = shuffled.length - 1; index > 0; index -= 1) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const other = state % (index + 1);
      [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
    }
    return shuffled;
  };
}

async function expectReadable(file: string): Promise<void> {
  const ledger = await readLedger(file);
  expect(ledger.dataIssues).toEqual([]);
  expect(ledger.sheets.cases?.[0]?.record).toMatchObject(EXPECTED_CASE);
  expect(ledger.sheets.staff?.[0]?.record).toEqual({ name: '李明', position: '代办员', phone: '13800000001', posted: true, badge: false });
}

describe('reading workbooks whatever their part order', () => {
  test("exceljs's in-memory writer (workbook.xml last, shared strings after the sheets)", async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(`${dir}/memory.xlsx`, SHEETS, { writer: 'memory' });
      const names = await partNames(file);
      expect(names.indexOf('xl/workbook.xml')).toBeGreaterThan(names.indexOf('xl/worksheets/sheet1.xml'));
      await expectReadable(file);
    });
  });

  test("the parts a sheet needs first, as exceljs's streaming reader wanted them", async () => {
    await withTempDir(async (dir) => {
      const first = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
      const original = await writeWorkbook(`${dir}/original.xlsx`, SHEETS);
      await repack(original, `${dir}/readable.xlsx`, (names) => [...first, ...names.filter((name) => !first.includes(name))]);
      await expectReadable(`${dir}/readable.xlsx`);
    });
  });

  test('a workbook without shared strings (inline strings, streaming writer)', async () => {
    await withTempDir(async (dir) => {
      const file = `${dir}/inline.xlsx`;
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
      for (const draft of SHEETS) {
        const sheet = workbook.addWorksheet(draft.name);
        for (const row of draft.rows) sheet.addRow(row).commit();
        sheet.commit();
      }
      await workbook.commit();
      expect(await partNames(file)).not.toContain('xl/sharedStrings.xml');
      await expectReadable(file);
    });
  });

  test("exceljs's streaming writer (workbook after the sheets, the order its own reader crashes on)", async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(`${dir}/streaming.xlsx`, SHEETS, { writer: 'streaming' });
      const names = await partNames(file);
      expect(names.indexOf('xl/workbook.xml')).toBeGreaterThan(names.indexOf('xl/worksheets/sheet1.xml'));
      await expectReadable(file);
    });
  });

  test.each([
    ['workbook.xml last', moveLast('xl/workbook.xml')],
    ['styles.xml last (date cells need styles)', moveLast('xl/styles.xml')],
    ['sharedStrings.xml last', moveLast('xl/sharedStrings.xml')],
    ['relationships last', moveLast('xl/_rels/workbook.xml.rels')],
    ['every part reversed', (names: string[]) => [...names].reverse()],
    ['shuffled (seed 7)', seededShuffle(7)],
    ['shuffled (seed 42)', seededShuffle(42)],
  ])('%s', async (_, arrange) => {
    await withTempDir(async (dir) => {
      const original = await writeWorkbook(`${dir}/original.xlsx`, SHEETS);
      const order = await repack(original, `${dir}/reordered.xlsx`, arrange);
      expect(await partNames(`${dir}/reordered.xlsx`)).toEqual(order);
      await expectReadable(`${dir}/reordered.xlsx`);
    });
  });
});
