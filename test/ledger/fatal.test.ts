/** Input that cannot be read at all: a DutyAuditError with a code, the file, and how to fix it. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { DutyAuditError, type ErrorCode } from '../../src/errors.js';
import { readLedger, type ReadLedgerOptions } from '../../src/ledger/read-ledger.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { writeCsv } from './helpers/csv.js';
import { withTempDir, writeWorkbook } from './helpers/workbook.js';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file header followed by directory entry names, as a CFB file lists its streams. */
function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from(OLE_MAGIC).copy(header);
  return Buffer.concat([header, ...streamNames.map((name) => Buffer.from(`${name}\0`, 'utf16le')), Buffer.alloc(256)]);
}

async function expectFatal(path: string, code: ErrorCode, options: ReadLedgerOptions = {}, messagePart?: RegExp): Promise<DutyAuditError> {
  const error = await readLedger(path, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DutyAuditError);
  const fatal = error as DutyAuditError;
  expect(fatal.code).toBe(code);
  expect(fatal.file).toBe(path);
  expect(fatal.message).toContain(path);
  expect(fatal.hint).toBeTruthy();
  expect(fatal.describe('en')).not.toMatch(/\n\s+at /);
  expect(fatal.describe('zh')).toContain(path);
  if (messagePart) expect(fatal.message).toMatch(messagePart);
  return fatal;
}

describe('fatal input errors', () => {
  test('a path that does not exist', async () => {
    await withTempDir(async (dir) => {
      await expectFatal(join(dir, '没有这个文件.xlsx'), 'file-not-found');
    });
  });

  test('an empty (0-byte) file', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'empty.xlsx');
      await writeFile(file, '');
      await expectFatal(file, 'empty-file', {}, /empty/);
    });
  });

  test('a text file given as a workbook', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'ledger.txt');
      await writeFile(file, '受理编号,申请人\n');
      await expectFatal(file, 'not-a-workbook', {}, /not an Excel workbook/);
    });
  });

  test('a single CSV file given instead of a folder: the hint says to give the folder', async () => {
    await withTempDir(async (dir) => {
      const file = await writeCsv(dir, 'cases.csv', [[...CASE_HEADER], caseRow()]);
      const error = await expectFatal(file, 'not-a-workbook');
      expect(error.hint).toMatch(/folder/);
    });
  });

  test('an old .xls (OLE) file', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'old.xls');
      await writeFile(file, oleFile(['Root Entry', 'Workbook', 'SummaryInformation']));
      const error = await expectFatal(file, 'not-a-workbook', {}, /\.xls/);
      expect(error.hint).toMatch(/\.xlsx/);
    });
  });

  test('a password-protected xlsx (OLE container with EncryptionInfo)', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'locked.xlsx');
      await writeFile(file, oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
      const error = await expectFatal(file, 'encrypted-workbook', {}, /password/);
      expect(error.hint).toMatch(/remove the password/);
    });
  });

  test('a zip that is not a workbook', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'photos.xlsx');
      await writeFile(file, await new JSZip().file('a.txt', 'hello').generateAsync({ type: 'nodebuffer' }));
      await expectFatal(file, 'not-a-workbook', {}, /not an Excel workbook/);
    });
  });

  test('a damaged zip (truncated workbook)', async () => {
    await withTempDir(async (dir) => {
      const whole = await writeWorkbook(join(dir, 'whole.xlsx'), [{ name: '办件台账', rows: [[...CASE_HEADER], caseRow()] }]);
      const file = join(dir, 'truncated.xlsx');
      const bytes = await readFile(whole);
      await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expectFatal(file, 'not-a-workbook');
    });
  });

  test('a workbook without the cases sheet lists the sheets found and the names to use', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(join(dir, 'no-cases.xlsx'), [
        { name: '办件登记', rows: [[...CASE_HEADER], caseRow()] },
        { name: '人员公示', rows: [['姓名', '职务', '电话']] },
      ]);
      const error = await expectFatal(file, 'no-cases-sheet', {}, /办件登记, 人员公示/);
      expect(error.hint).toMatch(/办件台账 or cases/);
    });
  });

  test('a CSV folder without a cases file lists the files found', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-人员公示.csv', [['姓名', '职务', '电话'], ['李明', '代办员', '1']]);
      const error = await expectFatal(dir, 'no-cases-sheet', {}, /城东社区-2026-10-人员公示\.csv/);
      expect(error.hint).toMatch(/办件台账 or cases/);
    });
  });

  test('a folder with no CSV files', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'notes.txt'), 'x');
      await mkdir(join(dir, 'sub'));
      await expectFatal(dir, 'not-a-workbook', {}, /no \.csv files/);
    });
  });

  test('a workbook over maxInputBytes', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(join(dir, 'big.xlsx'), [{ name: '办件台账', rows: [[...CASE_HEADER], caseRow()] }]);
      await expectFatal(file, 'file-too-large', { maxInputBytes: 1000 }, /over the limit of 1000 bytes/);
      await expect(readLedger(file, { maxInputBytes: 10_000_000 })).resolves.toBeDefined();
    });
  });

  test('a CSV file over maxInputBytes names that file', async () => {
    await withTempDir(async (dir) => {
      const file = await writeCsv(dir, 'cases.csv', [[...CASE_HEADER], caseRow()]);
      const error = await readLedger(dir, { maxInputBytes: 50 }).catch((thrown: unknown) => thrown as DutyAuditError);
      expect(error).toMatchObject({ code: 'file-too-large', file });
    });
  });

  test('an empty CSV file for a ledger sheet names that file', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, 'cases.csv', [[...CASE_HEADER], caseRow()]);
      const file = join(dir, 'staff.csv');
      await writeFile(file, '');
      const error = await readLedger(dir).catch((thrown: unknown) => thrown as DutyAuditError);
      expect(error).toMatchObject({ code: 'empty-file', file });
    });
  });

  test('a CSV in neither UTF-8 nor GBK names that file', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'cases.csv');
      await writeFile(file, Buffer.from([0x41, 0xff, 0xfe, 0xff, 0x80, 0x2c, 0x42, 0x0a]));
      const error = await readLedger(dir).catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({ code: 'bad-encoding', file, message: expect.stringContaining(file) });
    });
  });
});
