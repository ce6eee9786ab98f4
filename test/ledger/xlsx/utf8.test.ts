/**
 * Regression: exceljs's streaming reader decoded each zip chunk on its own, so a Chinese
 * character split across chunks came back as U+FFFD (`王��`) — silently, only in workbooks
 * larger than one chunk (found by bench/import.ts: 134 of 100,000 rows damaged). Our reader
 * scans each part's bytes, checked as UTF-8 across chunk ends, and decodes text only where a
 * token lies whole; these workbooks are far larger than a chunk.
 */
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../../src/ledger/read-ledger.js';
import { ledgerLimits } from '../../../src/ledger/limits.js';
import { NotUtf8Error, utf8Chunks } from '../../../src/ledger/xlsx/part-parser.js';
import { SheetRowsHandler } from '../../../src/ledger/xlsx/sheet-rows.js';
import { XmlScanner } from '../../../src/ledger/xlsx/xml-scanner.js';
import type { CaseRecord } from '../../../src/ledger/types.js';
import { CASE_HEADER, caseRow } from '../helpers/cases.js';
import { withTempDir, writeWorkbook } from '../helpers/workbook.js';

/** About 2 MB of sheet XML: more than one 1 MB inflated chunk (differential.test.ts checks that splits land inside characters). */
const ROWS = 3000;
const NAMES = ['欧阳娜娜', '司马相如', '诸葛孔明', '上官婉儿', '皇甫嵩'];

function bigSheet(): unknown[][] {
  const rows: unknown[][] = [[...CASE_HEADER]];
  for (let index = 0; index < ROWS; index += 1) {
    rows.push(caseRow({ 受理编号: `编号-${index}`, 申请人: `${NAMES[index % NAMES.length]}${index}`, 事项名称: `事项第${index}号`, 经办人: NAMES[(index + 2) % NAMES.length] }));
  }
  return rows;
}

/** The part's checked UTF-8 bytes, as the scanner gets them, read back as text. */
async function decodeAll(chunks: Buffer[]): Promise<string> {
  const pieces: Buffer[] = [];
  for await (const piece of utf8Chunks((async function* () { yield* chunks; })())) pieces.push(piece);
  return Buffer.concat(pieces).toString('utf8');
}

describe('UTF-8 split across zip chunks', () => {
  test('a part cut into byte chunks anywhere is taken whole (characters of 2, 3 and 4 bytes)', async () => {
    const text = '<t>王芳 é 𠀀 陈静</t>';
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 1; at < bytes.length; at++) {
      for (let second = at + 1; second <= bytes.length; second++) {
        expect(await decodeAll([bytes.subarray(0, at), bytes.subarray(at, second), bytes.subarray(second)])).toBe(text);
      }
    }
  });

  test('a character cut off before a chunk of ASCII is an error', async () => {
    const cut = Buffer.from('<t>王', 'utf8');
    await expect(decodeAll([cut.subarray(0, cut.length - 1), Buffer.from('</t>')])).rejects.toThrow();
    await expect(decodeAll([Buffer.from('<a>'), cut.subarray(0, cut.length - 2), Buffer.from('</t></a>')])).rejects.toThrow();
    await expect(decodeAll([Buffer.from('<a>'), cut.subarray(0, cut.length - 1)])).rejects.toThrow();
  });

  test('the byte order mark at the start is dropped, whole or cut; every later U+FEFF is kept', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const feff = Buffer.from('\ufeff王', 'utf8');
    expect(await decodeAll([bom, Buffer.from('<a>'), feff, Buffer.from('</a>')])).toBe('<a>\ufeff王</a>');
    expect(await decodeAll([bom.subarray(0, 1), Buffer.concat([bom.subarray(1), Buffer.from('<a>')]), Buffer.from('</a>')])).toBe('<a></a>');
    expect(await decodeAll([Buffer.from('<a>'), feff, Buffer.from('x'), feff, Buffer.from('</a>')])).toBe('<a>\ufeff王x\ufeff王</a>');
    expect(await decodeAll([Buffer.concat([bom, feff])])).toBe('\ufeff王');
  });

  test('UTF-16 parts (with a byte order mark) decode too', async () => {
    const text = '<t>王芳 𠀀</t>';
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = Buffer.from(little).swap16();
    expect(await decodeAll([little])).toBe(text);
    expect(await decodeAll([big])).toBe(text);
    for (let at = 1; at < little.length; at++) {
      expect(await decodeAll([little.subarray(0, at), little.subarray(at)])).toBe(text);
      expect(await decodeAll([big.subarray(0, at), big.subarray(at)])).toBe(text);
    }
    await expect(decodeAll([little.subarray(0, little.length - 1)])).rejects.toThrow();
  });

  test('a UTF-16 sheet reads through the scanner as its UTF-8 twin does', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>王芳 𠀀</t></is></c></row></sheetData></worksheet>';
    const rowsOf = async (chunks: Buffer[]) => {
      const found: unknown[] = [];
      const handler = new SheetRowsHandler({ file: 'f.xlsx', sheetName: 'S', part: 'p', sharedStrings: [], dateStyles: [], date1904: false, limits: ledgerLimits(), onRow: (_, cells) => found.push([...cells]) });
      const scanner = new XmlScanner(handler, handler.names, 1 << 20);
      handler.bind(scanner);
      for await (const piece of utf8Chunks((async function* () { yield* chunks; })())) scanner.write(piece);
      scanner.end();
      return found;
    };
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(await rowsOf([utf16.subarray(0, 41), utf16.subarray(41)])).toEqual([['王芳 𠀀']]);
    expect(await rowsOf([Buffer.from(xml, 'utf8')])).toEqual([['王芳 𠀀']]);
  });

  test('bytes that are not UTF-8 are an error, not U+FFFD', async () => {
    await expect(decodeAll([Buffer.from([0x3c, 0x74, 0x3e, 0xcd, 0xf5])])).rejects.toThrow(NotUtf8Error);
  });

  test('invalid UTF-8 split across two chunks is an error, wherever the cut falls', async () => {
    const invalid: [string, number[]][] = [
      ['a lead byte followed by ASCII', [0xe7, 0x3c]],
      ['a wrong continuation byte', [0xe7, 0x8e, 0x41]],
      ['an overlong encoding', [0xc0, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['a lone continuation byte', [0x80]],
    ];
    for (const [what, sequence] of invalid) {
      const part = Buffer.concat([Buffer.from('<a>王'), Buffer.from(sequence), Buffer.from('芳</a>')]);
      for (let at = 1; at < part.length; at++) {
        await expect(decodeAll([part.subarray(0, at), part.subarray(at)]), `${what}, cut at ${at}`).rejects.toThrow(NotUtf8Error);
      }
    }
  });

  test.each([
    ['in-memory writer (shared string table)', 'memory'],
    ['streaming writer (shared string table)', 'streaming'],
  ] as const)('a %s far larger than one chunk reads back exactly', async (_, writer) => {
    await withTempDir(async (dir) => {
      const rows = bigSheet();
      const ledger = await readLedger(await writeWorkbook(`${dir}/big.xlsx`, [{ name: '办件台账', rows }], { writer }));
      expect(ledger.dataIssues).toEqual([]);
      const records = ledger.sheets.cases!.map((row) => row.record as CaseRecord);
      expect(records).toHaveLength(ROWS);
      records.forEach((record, index) => {
        expect(record.applicant).toBe(`${NAMES[index % NAMES.length]}${index}`);
        expect(record.item).toBe(`事项第${index}号`);
      });
    });
  });

  test('a streaming-written workbook with inline strings (no string table) reads back exactly', async () => {
    await withTempDir(async (dir) => {
      const file = `${dir}/inline.xlsx`;
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('办件台账');
      for (const row of bigSheet()) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
      const ledger = await readLedger(file);
      expect(ledger.dataIssues).toEqual([]);
      const applicants = ledger.sheets.cases!.map((row) => (row.record as CaseRecord).applicant);
      expect(applicants.filter((name, index) => name !== `${NAMES[index % NAMES.length]}${index}`)).toEqual([]);
    });
  });
});
