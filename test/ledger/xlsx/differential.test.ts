/**
 * Our reader against exceljs's (its in-memory reader, which reads each part whole and so has
 * none of its streaming reader's chunk bugs): the same rows, cell for cell, on workbooks laid
 * out as Excel, LibreOffice, openpyxl/pandas and exceljs itself write them.
 *
 * Where exceljs is wrong, the test says so and asserts the right answer instead:
 * - the built-in CJK date formats (ids 27–36, 50–58, e.g. 31 `yyyy"年"m"月"d"日"`) are numbers
 *   to exceljs; Chinese Excel and WPS write them without defining them;
 * - `date1904="true"` is the 1900 system to exceljs (it reads only `"1"`);
 * - rows and cells without the optional `r=`, and `x:`-prefixed elements, make it throw;
 * - its streaming reader (not used here) also keeps only the last run of inline rich text and
 *   breaks a character split between two chunks; both are asserted in utf8.test.ts and
 *   cells.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withTempDir, writeWorkbook } from '../helpers/workbook.js';
import { readExcelJs, readOurs, type BookRows } from './helpers/oracle.js';
import { composeParts, writeBook, type BookSpec, type CellSpec, type Producer } from './helpers/producers.js';

/** The inflated chunk size of src/ledger/xlsx/zip-archive.ts. */
const INFLATE_CHUNK_BYTES = 1024 * 1024;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Every cell form a ledger holds, plus a merged title row, an empty row and sparse cells. */
const EVERY_FORM: CellSpec[][] = [
  ['城东社区便民服务中心 办件台账 2026年10月'],
  [],
  ['受理编号', '受理日期', '申请人', '联系电话', '往返次数', '材料齐全', '备注'],
  ['SL-2026-10-0001', utc(2026, 10, 3), '王芳', 13812345678, 2, true, null],
  ['SL-2026-10-0002', utc(2026, 10, 4), { rich: ['陈', '静'] }, '0571-8888', 1.5, false, ' 前后空格 '],
  [{ formula: 'CONCATENATE("SL-","0003")', result: 'SL-0003' }, { formula: 'DATE(2026,10,5)', result: utc(2026, 10, 5) }, { rich: ['欧阳', '娜娜'], inline: true }, { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'B4' }, { formula: 'TRUE()', result: true }, { formula: '0*1', result: 0 }],
  [{ error: '#N/A' }, { serial: 46300, format: 'custom-date' }, 'a&b<c>"d\'', { serial: 1234.5, format: 'custom-number' }, { serial: 46300.5, format: 'datetime' }, null, '换行\n第二行'],
  [null, null, null, null, null, null, '只有最后一列'],
  [],
  ['𠀀𪚥 (outside the BMP)', -0.25, 1e21, '=not a formula', '#N/A as text', 'TRUE', '１２３'],
];

const SHEETS = (rows: CellSpec[][]): BookSpec['sheets'] => [
  { name: '办件台账', rows, merges: ['A1:G1'] },
  { name: '人员公示', rows: [['姓名', '职务'], ['李明', '代办员'], ['张丽', { rich: ['窗口', '主任'] }]] },
];

async function both(book: BookSpec): Promise<{ ours: BookRows; exceljs: BookRows }> {
  return withTempDir(async (dir) => {
    const file = await writeBook(join(dir, `${book.producer}.xlsx`), book);
    return { ours: await readOurs(file), exceljs: await readExcelJs(file) };
  });
}

async function ours(book: BookSpec): Promise<BookRows> {
  return withTempDir(async (dir) => readOurs(await writeBook(join(dir, 'book.xlsx'), book)));
}

describe('the same rows as exceljs', () => {
  test.each<[Producer, Partial<BookSpec>]>([
    ['excel', {}],
    ['excel', { dataDescriptors: true }],
    ['libreoffice', {}],
    ['openpyxl', {}],
  ])('%s layout %j: every cell form, merged title, empty rows, sparse cells', async (producer, options) => {
    const { ours: read, exceljs } = await both({ producer, sheets: SHEETS(EVERY_FORM), ...options });
    expect(read).toEqual(exceljs);
    expect(read['办件台账']!.map(([row]) => row)).toEqual([1, 3, 4, 5, 6, 7, 8, 10]);
  });

  test.each([
    ['in-memory', 'memory'],
    ['streaming', 'streaming'],
  ] as const)('workbooks written by exceljs itself (%s writer: its part order, its strings)', async (_, writer) => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(join(dir, 'exceljs.xlsx'), [
        {
          name: '办件台账',
          rows: [
            ['标题'],
            ['受理编号', '受理日期', '申请人', '金额'],
            ['SL-1', utc(2026, 10, 3), { richText: [{ text: '王' }, { font: { bold: true }, text: '芳' }] }, { formula: 'A1', result: 7 }],
            ['SL-2', utc(2026, 10, 4), '陈静', { error: '#REF!' }],
          ],
          merges: ['A1:D1'],
          numFmts: { 2: 'yyyy-mm-dd' },
        },
      ], { writer });
      expect(await readOurs(file)).toEqual(await readExcelJs(file));
    });
  });

  test('CJK text in a sheet and a string table far larger than one inflated chunk, split inside characters', { timeout: 60_000 }, async () => {
    const names = ['欧阳娜娜', '司马相如', '诸葛孔明', '上官婉儿', '皇甫嵩'];
    const item = (i: number) => `事项第${i}号${'办理便民服务'.repeat(1 + (i % 9))}`;
    const rows: CellSpec[][] = Array.from({ length: 12_000 }, (_, i) => [`编号-${i}`, `${names[i % 5]}${i}`, item(i), utc(2026, 10, 1 + (i % 28))]);
    // The string table (Excel) and the inline-string sheet (openpyxl) each hold CJK text where
    // a 1 MB inflated chunk ends: a character is split between two chunks.
    for (const [producer, part] of [['excel', 'xl/sharedStrings.xml'], ['openpyxl', 'xl/worksheets/sheet1.xml']] as const) {
      const bytes = Buffer.from(String(composeParts({ producer, sheets: [{ name: '办件台账', rows }] }).get(part)), 'utf8');
      const splits = [1, 2, 3].map((mb) => mb * INFLATE_CHUNK_BYTES).filter((at) => at < bytes.length && (bytes[at]! & 0xc0) === 0x80);
      expect(splits.length, `${part} has a character cut by a chunk boundary`).toBeGreaterThan(0);
      const { ours: read, exceljs } = await both({ producer, sheets: [{ name: '办件台账', rows }] });
      expect(read).toEqual(exceljs);
      expect(read['办件台账']![11_998]![1]).toEqual(['编号-11998', '上官婉儿11998', item(11_998), utc(2026, 10, 1 + (11_998 % 28))]);
    }
  });

  test('dates in the 1904 system (`date1904="1"`)', async () => {
    const { ours: read, exceljs } = await both({ producer: 'excel', date1904: true, sheets: SHEETS(EVERY_FORM) });
    expect(read).toEqual(exceljs);
    expect(read['办件台账']![2]![1][1]).toEqual(utc(2026, 10, 3));
  });

  test('100,000 rows (Excel layout, shared strings)', { timeout: 120_000 }, async () => {
    const rows: CellSpec[][] = [['受理编号', '受理日期', '申请人', '往返次数']];
    for (let i = 0; i < 100_000; i++) rows.push([`SL-${i}`, utc(2026, 10, 1 + (i % 31)), `申请人${i % 997}`, 1 + (i % 4)]);
    const { ours: read, exceljs } = await both({ producer: 'excel', sheets: [{ name: '办件台账', rows }] });
    expect(read['办件台账']).toHaveLength(100_001);
    expect(read).toEqual(exceljs);
  });
});

describe('where exceljs is wrong, the right answer', () => {
  test('built-in CJK date formats (id 31, yyyy"年"m"月"d"日") are dates; exceljs gives the serial number', async () => {
    const rows: CellSpec[][] = [['受理日期'], [{ serial: 46298, format: 'cjk-date' }]];
    const { ours: read, exceljs } = await both({ producer: 'excel', sheets: [{ name: 'S', rows }] });
    expect(exceljs['S']![1]![1]).toEqual([46298]);
    expect(read['S']![1]![1]).toEqual([utc(2026, 10, 3)]);
  });

  test('an inline string cell holding empty text is an empty string (exceljs drops the cell; its shared-string twin it keeps)', async () => {
    const rows: CellSpec[][] = [['a', '', 'b']];
    expect((await ours({ producer: 'openpyxl', sheets: [{ name: 'S', rows }] }))['S']).toEqual([[1, ['a', '', 'b']]]);
    expect((await both({ producer: 'excel', sheets: [{ name: 'S', rows }] })).exceljs['S']).toEqual([[1, ['a', '', 'b']]]);
  });

  test('date1904="true" is the 1904 system too; exceljs reads only "1"', async () => {
    const rows: CellSpec[][] = [['受理日期'], [utc(2026, 10, 3)]];
    const read = await ours({ producer: 'excel', date1904: 'true', sheets: [{ name: 'S', rows }] });
    expect(read['S']![1]![1]).toEqual([utc(2026, 10, 3)]);
  });

  test('rows and cells without the optional r= read as with it (exceljs throws "Invalid row number")', async () => {
    const withRefs = await both({ producer: 'excel', sheets: SHEETS(EVERY_FORM) });
    const withoutRefs = await ours({ producer: 'excel', omitRefs: true, sheets: SHEETS(EVERY_FORM) });
    expect(withoutRefs).toEqual(withRefs.exceljs);
    await expect(both({ producer: 'excel', omitRefs: true, sheets: SHEETS(EVERY_FORM) })).rejects.toThrow(/row number/i);
  });

  test('x:-prefixed elements (OpenXML SDK) read as unprefixed ones (exceljs throws)', async () => {
    const plain = await both({ producer: 'excel', sheets: SHEETS(EVERY_FORM) });
    expect(await ours({ producer: 'prefixed', sheets: SHEETS(EVERY_FORM) })).toEqual(plain.exceljs);
  });
});
