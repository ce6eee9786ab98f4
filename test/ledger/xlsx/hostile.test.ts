/**
 * Hostile and broken workbooks, one per guard of the reader: each is refused with a
 * DutyAuditError (exit 2) whose message names the file and the part or sheet, whose hint says
 * how to fix it (for a limit: the option that raises it), and no stack trace. The limits are
 * set low through their options so that small fixtures reach them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { audit } from '../../../src/audit/audit.js';
import { DutyAuditError, type ErrorCode } from '../../../src/errors.js';
import { readLedger, type ReadLedgerOptions } from '../../../src/ledger/read-ledger.js';
import { withTempDir } from '../helpers/workbook.js';
import { runCli } from '../../audit/run-cli.js';
import { bookBytes, writeBook, type BookSpec, type CellSpec } from './helpers/producers.js';

const CASES: CellSpec[][] = [
  ['受理编号', '受理日期', '申请人', '联系电话', '事项名称', '办件类型', '经办人', '材料齐全', '承诺时限', '办结日期', '办理结果'],
  ['SL-2026-10-0001', new Date(Date.UTC(2026, 9, 9)), '王芳', '13812345678', '居住证办理', '承诺件', '李明', '是', 5, new Date(Date.UTC(2026, 9, 14)), '办结'],
];

const book = (patch: Partial<BookSpec> = {}): BookSpec => ({ producer: 'excel', sheets: [{ name: '办件台账', rows: CASES }], ...patch });

interface Refusal {
  code: ErrorCode;
  /** Parts of the message besides the file name. */
  message: RegExp[];
  hint: RegExp;
}

async function expectRefused(file: string, refusal: Refusal, options: ReadLedgerOptions = {}): Promise<DutyAuditError> {
  const error = await readLedger(file, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DutyAuditError);
  const refused = error as DutyAuditError;
  expect(refused.code).toBe(refusal.code);
  expect(refused.file).toBe(file);
  expect(refused.message).toContain(file);
  for (const part of refusal.message) expect(refused.message).toMatch(part);
  expect(refused.hint).toMatch(refusal.hint);
  expect(refused.describe('en')).not.toMatch(/\n\s+at |Error:/);
  expect(refused.describe('zh')).toContain(file);
  expect(refused.describe('zh')).toMatch(/\n  解决办法：/);
  return refused;
}

const RESAVE = /save it again as \.xlsx/;
const raise = (option: string) => new RegExp(`raise the limit option ${option}`);

/** The offset of a part's central directory record in a zip. */
function centralRecord(zip: Buffer, part: string): number {
  const name = Buffer.from(part);
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + nameLength).equals(name)) return at;
  }
  throw new Error(`no central record for ${part}`);
}

function localHeader(zip: Buffer, part: string): number {
  return zip.readUInt32LE(centralRecord(zip, part) + 42);
}

describe('limits (each a ReadLedgerOptions option with a safe default)', () => {
  test('a file over maxInputBytes', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBook(join(dir, 'big.xlsx'), book());
      await expectRefused(file, { code: 'file-too-large', message: [/bytes is over the limit/, /maxInputBytes = 1000/], hint: raise('maxInputBytes') }, { maxInputBytes: 1000 });
    });
  });

  test('a sheet whose declared inflated size is over maxPartBytes', async () => {
    await withTempDir(async (dir) => {
      const rows = [CASES[0]!, ...Array.from({ length: 40 }, () => CASES[1]!)];
      const file = await writeBook(join(dir, 'part.xlsx'), book({ sheets: [{ name: '办件台账', rows }] }));
      await expectRefused(file, { code: 'file-too-large', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) inflates to \d+ bytes/, /maxPartBytes = 3000/], hint: raise('maxPartBytes') }, { maxPartBytes: 3000 });
    });
  });

  test('a zip bomb: a sheet that inflates a thousandfold', async () => {
    await withTempDir(async (dir) => {
      const padding = ' '.repeat(4 * 1024 * 1024);
      const file = await writeBook(join(dir, 'bomb.xlsx'), book({ patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('<sheetData>', `<sheetData>${padding}`) } }));
      await expectRefused(file, { code: 'file-too-large', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) inflates \d+-fold/, /zip bomb/, /maxCompressionRatio = 100/], hint: raise('maxCompressionRatio') });
    });
  });

  test('a string table over maxSharedStringsBytes (it is held in memory)', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBook(join(dir, 'strings.xlsx'), book());
      await expectRefused(file, { code: 'file-too-large', message: [/the shared-string table \(xl\/sharedStrings\.xml\) inflates to/, /maxSharedStringsBytes = 100/], hint: raise('maxSharedStringsBytes') }, { maxSharedStringsBytes: 100 });
    });
  });

  test.each([
    ['an inline string', 'openpyxl' as const, /cell 办件台账!C2 has more than 10 characters/],
    ['a shared string', 'excel' as const, /shared string \d+ in the shared-string table \(xl\/sharedStrings\.xml\) is longer than the cell limit/],
  ])('a cell over maxCellChars (%s)', async (_, producer, message) => {
    await withTempDir(async (dir) => {
      const rows = [CASES[0]!, ['SL-1', new Date(Date.UTC(2026, 9, 9)), '王'.repeat(11)]];
      const file = await writeBook(join(dir, 'long.xlsx'), { producer, sheets: [{ name: '办件台账', rows }] });
      await expectRefused(file, { code: 'file-too-large', message: [message, /maxCellChars = 10/], hint: raise('maxCellChars') }, { maxCellChars: 10 });
    });
  });

  test('an endless cell: the scanner holds no more than it must (1 Mi characters) at the default limit', async () => {
    await withTempDir(async (dir) => {
      // Varied characters, so that it compresses like text and not like a bomb.
      let state = 7;
      // Long enough that the scanner's bound is passed before the cell's end arrives, however
      // the part is cut into chunks (the cell limit would refuse the whole text otherwise).
      const endless = Array.from({ length: 2_000_000 }, () => String.fromCharCode(0x4e00 + ((state = (state * 1103515245 + 12345) % 2 ** 31) % 20000))).join('');
      const file = await writeBook(join(dir, 'endless.xlsx'), book({ producer: 'openpyxl', sheets: [{ name: '办件台账', rows: [CASES[0]!, ['SL-1', null, endless]] }] }));
      await expectRefused(file, { code: 'file-too-large', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) holds a cell or tag of more than 1048576 characters/, /maxCellChars = 32767/], hint: raise('maxCellChars') });
    });
  });

  test('a sheet over maxRows', async () => {
    await withTempDir(async (dir) => {
      const rows = [CASES[0]!, ...Array.from({ length: 5 }, () => CASES[1]!)];
      const file = await writeBook(join(dir, 'rows.xlsx'), book({ sheets: [{ name: '办件台账', rows }] }));
      await expectRefused(file, { code: 'file-too-large', message: [/sheet 办件台账 has more than 4 rows/, /maxRows = 4/], hint: raise('maxRows') }, { maxRows: 4 });
    });
  });

  test('a limit that is not a positive number is a usage error naming the option', async () => {
    await expect(readLedger('x.xlsx', { maxRows: 0 })).rejects.toMatchObject({ code: 'bad-usage', message: expect.stringMatching(/maxRows must be a positive number/) });
  });
});

describe('damaged and crafted zips', () => {
  test('a part that inflates past the size its zip directory declares', async () => {
    await withTempDir(async (dir) => {
      const bytes = await bookBytes(book());
      const part = 'xl/worksheets/sheet1.xml';
      bytes.writeUInt32LE(100, centralRecord(bytes, part) + 24);
      bytes.writeUInt32LE(100, localHeader(bytes, part) + 22);
      const file = join(dir, 'liar.xlsx');
      await writeFile(file, bytes);
      await expectRefused(file, { code: 'not-a-workbook', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) inflates to more than the 100 bytes its zip directory declares/], hint: RESAVE });
    });
  });

  test('a part whose compressed data is damaged', async () => {
    await withTempDir(async (dir) => {
      const bytes = await bookBytes(book());
      const part = 'xl/worksheets/sheet1.xml';
      const header = localHeader(bytes, part);
      const dataStart = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
      bytes.fill(0xff, dataStart + 4, dataStart + 40);
      const file = join(dir, 'damaged.xlsx');
      await writeFile(file, bytes);
      await expectRefused(file, { code: 'not-a-workbook', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\)/, /damaged|cannot be inflated|not well-formed|not valid UTF-8/], hint: RESAVE });
    });
  });

  test('a zip cut off mid-way (no central directory)', async () => {
    await withTempDir(async (dir) => {
      const bytes = await bookBytes(book());
      const file = join(dir, 'cut.xlsx');
      await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      await expectRefused(file, { code: 'not-a-workbook', message: [/the zip container is damaged/], hint: RESAVE });
    });
  });

  test('a ledger sheet whose part is missing from the zip', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'missing.xlsx');
      const zip = await JSZip.loadAsync(await bookBytes(book()));
      zip.remove('xl/worksheets/sheet1.xml');
      await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
      await expectRefused(file, { code: 'not-a-workbook', message: [/sheet 办件台账 has no worksheet part/], hint: RESAVE });
    });
  });

  test.each([
    ['an Excel binary workbook (.xlsb)', { 'xl/workbook.bin': 'x' }, /\.xlsb/],
    ['an OpenDocument spreadsheet (.ods)', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }, /OpenDocument/],
    ['a zip of something else', { 'a.txt': 'hello' }, /not an Excel workbook/],
  ])('%s', async (_, entries, message) => {
    await withTempDir(async (dir) => {
      const zip = new JSZip();
      for (const [name, content] of Object.entries(entries)) zip.file(name, content);
      const file = join(dir, 'other.xlsx');
      await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
      await expectRefused(file, { code: 'not-a-workbook', message: [message], hint: RESAVE });
    });
  });
});

describe('XML that is refused', () => {
  test.each([
    ['the workbook', 'xl/workbook.xml', /the part xl\/workbook\.xml is not well-formed XML: the XML has a DOCTYPE/],
    ['a sheet', 'xl/worksheets/sheet1.xml', /sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) is not well-formed XML: the XML has a DOCTYPE/],
    ['the string table', 'xl/sharedStrings.xml', /the shared-string table \(xl\/sharedStrings\.xml\) is not well-formed XML: the XML has a DOCTYPE/],
  ])('entity declarations (billion laughs) in %s', async (_, part, message) => {
    await withTempDir(async (dir) => {
      const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
      const file = await writeBook(join(dir, 'laughs.xlsx'), book({ patch: { [part]: (xml) => xml.replace('\n', `\n${laughs}`) } }));
      await expectRefused(file, { code: 'not-a-workbook', message: [message, /entity declarations are refused/], hint: RESAVE });
    });
  });

  test('an external entity (XXE) in a sheet', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBook(join(dir, 'xxe.xlsx'), book({ patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('\n', '\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('<v>0</v>', '<v>&xxe;</v>') } }));
      await expectRefused(file, { code: 'not-a-workbook', message: [/DOCTYPE/], hint: RESAVE });
    });
  });

  test('a sheet cut off mid-way (regression: the rows after the cut were silently gone)', async () => {
    await withTempDir(async (dir) => {
      const rows = [CASES[0]!, ...Array.from({ length: 50 }, (_, i) => ['SL-' + i, new Date(Date.UTC(2026, 9, 9)), '王芳'])];
      const file = await writeBook(join(dir, 'cut.xlsx'), book({ sheets: [{ name: '办件台账', rows }], patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.slice(0, Math.floor(xml.length / 2)) } }));
      await expectRefused(file, { code: 'not-a-workbook', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) is not well-formed XML/, /cut off or damaged/], hint: RESAVE });
    });
  });

  test('a shared-string index out of range (regression: it read as an empty cell, silently)', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBook(join(dir, 'index.xlsx'), book({ patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<c r="C2" t="s"><v>\d+<\/v><\/c>/, '<c r="C2" t="s"><v>9999</v></c>') } }));
      await expectRefused(file, { code: 'not-a-workbook', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) has cell 办件台账!C2 refers to shared string "9999", but the shared-string table has \d+ strings/], hint: RESAVE });
    });
  });

  test('an undefined entity in a cell', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBook(join(dir, 'entity.xlsx'), book({ producer: 'openpyxl', patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('王芳', '王&nbsp;芳') } }));
      await expectRefused(file, { code: 'not-a-workbook', message: [/sheet 办件台账/, /the entity &nbsp; is not defined/], hint: RESAVE });
    });
  });

  test('bytes that are not UTF-8', async () => {
    await withTempDir(async (dir) => {
      const gbk = Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]);
      const xml = Buffer.concat([Buffer.from('<?xml version="1.0"?><sst xmlns="urn:x"><si><t>'), gbk, Buffer.from('</t></si></sst>')]);
      const file = await writeBook(join(dir, 'gbk.xlsx'), book({ extra: { 'xl/sharedStrings.xml': xml } }));
      await expectRefused(file, { code: 'not-a-workbook', message: [/the shared-string table \(xl\/sharedStrings\.xml\) is not valid UTF-8/], hint: RESAVE });
    });
  });

  test.each([
    ['a row number outside the grid', '<row r="1"', '<row r="2000000"', /a row numbered "2000000"/],
    ['a cell reference outside the grid', '<c r="A2"', '<c r="ZZZZ2"', /a cell reference "ZZZZ2" that is not a cell of the grid/],
  ])('%s', async (_, from, to, message) => {
    await withTempDir(async (dir) => {
      const file = await writeBook(join(dir, 'grid.xlsx'), book({ patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(from, to) } }));
      await expectRefused(file, { code: 'not-a-workbook', message: [/sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\)/, message], hint: RESAVE });
    });
  });
});

describe('not a workbook at all', () => {
  const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const ole = (streams: string[]) => Buffer.concat([Buffer.from(OLE_MAGIC), Buffer.alloc(504), ...streams.map((name) => Buffer.from(`${name}\0`, 'utf16le')), Buffer.alloc(256)]);

  test('an encrypted workbook (a CDFV2 container with EncryptionInfo)', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'locked.xlsx');
      await writeFile(file, ole(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
      await expectRefused(file, { code: 'encrypted-workbook', message: [/protected with a password/, /CDFV2/], hint: /remove the password/ });
    });
  });

  test('an old .xls', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'old.xls');
      await writeFile(file, ole(['Root Entry', 'Workbook']));
      await expectRefused(file, { code: 'not-a-workbook', message: [/old Excel 97–2003 \(\.xls\)/], hint: /save it as \.xlsx/ });
    });
  });
});

describe('through audit() and the bin', () => {
  test('audit() passes its limits to the reader (the upload service sets them there)', async () => {
    await withTempDir(async (dir) => {
      const rows = [CASES[0]!, ...Array.from({ length: 5 }, () => CASES[1]!)];
      const file = await writeBook(join(dir, 'rows.xlsx'), book({ sheets: [{ name: '办件台账', rows }] }));
      await expect(audit(file, { limits: { maxRows: 4 } })).rejects.toMatchObject({ code: 'file-too-large', message: expect.stringMatching(/maxRows = 4/) });
    });
  });

  test('a zip bomb exits 2 with the message and the fix, no stack trace', { timeout: 120_000 }, async () => {
    await withTempDir(async (dir) => {
      const padding = ' '.repeat(4 * 1024 * 1024);
      const file = await writeBook(join(dir, 'bomb.xlsx'), book({ patch: { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('<sheetData>', `<sheetData>${padding}`) } }));
      expect((await readFile(file)).length).toBeLessThan(64 * 1024);
      const run = runCli(['audit', file, '--out', join(dir, 'r.xlsx')], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/bomb\.xlsx：工作表 办件台账（xl\/worksheets\/sheet1\.xml）解压后膨胀 \d+ 倍/);
      expect(run.stderr).toMatch(/maxCompressionRatio/);
      expect(run.stderr).not.toMatch(/\n\s+at |internal error|内部错误/i);
      const english = runCli(['audit', file, '--out', join(dir, 'r.xlsx')], dir, { LANG: 'en_US.UTF-8' });
      expect(english.stderr).toMatch(/bomb\.xlsx: sheet 办件台账 \(xl\/worksheets\/sheet1\.xml\) inflates \d+-fold/);
    });
  });
});
