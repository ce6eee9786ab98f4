import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeCsv } from '../../src/ledger/csv/decode.js';
import { DutyAuditError } from '../../src/errors.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import type { CaseRecord } from '../../src/ledger/types.js';
import { CASE_HEADER, caseColumnLetter, caseRow } from './helpers/cases.js';
import { csvText, writeCsv } from './helpers/csv.js';
import { withTempDir } from './helpers/workbook.js';

const CASE_ROWS = [[...CASE_HEADER], caseRow({ 申请人: '王芳', 经办人: '李明' })];

describe('decodeCsv', () => {
  const text = csvText(CASE_ROWS);

  test('valid UTF-8 is UTF-8', () => {
    expect(decodeCsv('a.csv', Buffer.from(text, 'utf8'))).toEqual({ utf8: Buffer.from(text, 'utf8'), encoding: 'utf-8' });
  });

  test('a UTF-8 BOM is recognised and removed', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeCsv('a.csv', bytes)).toEqual({ utf8: Buffer.from(text, 'utf8'), encoding: 'utf-8-bom' });
  });

  test.each(['gbk', 'gb18030'])('%s text is read as GB18030', (encoding) => {
    expect(decodeCsv('a.csv', iconv.encode(text, encoding))).toEqual({ utf8: Buffer.from(text, 'utf8'), encoding: 'gb18030' });
  });

  test('bytes that are neither are refused, naming the file and the fix', () => {
    const bytes = Buffer.from([0x41, 0xff, 0xfe, 0xff, 0x80, 0x2c, 0x42]);
    expect(() => decodeCsv('/data/办件台账.csv', bytes)).toThrowError(
      expect.objectContaining({ code: 'bad-encoding', file: '/data/办件台账.csv', message: expect.stringContaining('/data/办件台账.csv') }),
    );
    try {
      decodeCsv('/data/办件台账.csv', bytes);
    } catch (error) {
      expect((error as DutyAuditError).hint).toMatch(/UTF-8 or GBK/);
    }
  });

  test('UTF-16 without a BOM (valid UTF-8 full of NULs) is refused', () => {
    expect(() => decodeCsv('u16.csv', Buffer.from('受理编号,申请人\r\n', 'utf16le'))).toThrowError(expect.objectContaining({ code: 'bad-encoding' }));
  });
});

describe('reading a CSV folder', () => {
  test.each(['utf-8', 'utf-8-bom', 'gbk', 'gb18030'] as const)('reads a %s ledger with the same records', async (encoding) => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', CASE_ROWS, encoding);
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([]);
      expect(ledger.sheets.cases?.[0]?.record).toMatchObject({ case_id: 'SL-2026-10-0001', applicant: '王芳', handler: '李明', promised_days: 5 });
      const expected = encoding === 'gbk' ? 'gb18030' : encoding;
      expect(ledger.source).toEqual({
        file: dir,
        kind: 'csv-folder',
        parts: [{ sheet: 'cases', file: join(dir, '城东社区-2026-10-办件台账.csv'), encoding: expected }],
      });
    });
  });

  test('the BOM does not stick to the first header (受理编号 is found)', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, 'cases.csv', CASE_ROWS, 'utf-8-bom');
      const ledger = await readLedger(dir);
      expect(ledger.layout?.cases?.columns[0]).toEqual({ key: 'case_id', letter: 'A', header: '受理编号' });
    });
  });

  test('title rows above the header, blank lines skipped, row numbers are record numbers', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [
        ['城东社区便民服务中心办件台账(2026年10月)'],
        [],
        [...CASE_HEADER],
        caseRow({ 受理编号: 'A' }),
        [],
        ['', '', ''],
        caseRow({ 受理编号: 'B', 申请人: '多行\n备注的申请人' }),
        caseRow({ 受理编号: 'C', 受理日期: '2026-13-01' }),
      ]);
      const ledger = await readLedger(dir);
      expect(ledger.layout?.cases?.headerRow).toBe(3);
      expect(ledger.sheets.cases?.map((row) => [row.row, (row.record as CaseRecord).case_id])).toEqual([
        [4, 'A'],
        [7, 'B'],
      ]);
      // Record 8 starts on line 9 (record 7 spans two lines): the row is the record number.
      expect(ledger.dataIssues).toMatchObject([{ row: 8, column: caseColumnLetter('受理日期'), code: 'bad-date', value: '2026-13-01' }]);
      expect(ledger.accounts.cases).toEqual({ rowsRead: 3, rowsEvaluated: 2, rowsSetAside: 1 });
    });
  });

  test('short rows (trailing empty fields left out) are read', async () => {
    await withTempDir(async (dir) => {
      const header = ['受理编号', '受理日期', '申请人', '事项名称', '办件类型', '经办人', '材料齐全', '办理结果', '备注'];
      await writeFile(join(dir, 'cases.csv'), `${header.join(',')}\nSL-1,2026-10-09,王芳,居住证办理,即办件,李明,是,办结\n`);
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([]);
      expect(ledger.sheets.cases?.[0]?.record).toMatchObject({ case_id: 'SL-1', result: '办结' });
    });
  });

  test('each file goes to the sheet its name ends with; other files are ignored', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', CASE_ROWS, 'gbk');
      await writeCsv(dir, 'chengdong-2026-10-staff.csv', [['姓名', '职务', '电话', '已公示', '佩戴胸卡'], ['李明', '代办员', '13800000001', 'Y', 'N']]);
      await writeCsv(dir, '城东社区-2026-10-说明.csv', [['这是说明']]);
      await writeFile(join(dir, 'readme.txt'), 'not a csv');
      await mkdir(join(dir, 'old.csv'));
      const ledger = await readLedger(dir);
      expect(Object.keys(ledger.sheets)).toEqual(['cases', 'staff']);
      expect(ledger.sheetNames).toEqual({ cases: '城东社区-2026-10-办件台账', staff: 'chengdong-2026-10-staff' });
      expect(ledger.sheets.staff?.[0]?.record).toEqual({ name: '李明', position: '代办员', phone: '13800000001', posted: true, badge: false });
    });
  });

  test('a second file for the same sheet is not read, and says so', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, 'a-办件台账.csv', CASE_ROWS);
      await writeCsv(dir, 'b-cases.csv', CASE_ROWS);
      const ledger = await readLedger(dir);
      expect(ledger.sheetNames.cases).toBe('a-办件台账');
      expect(ledger.dataIssues).toMatchObject([
        { file: join(dir, 'b-cases.csv'), sheet: 'cases', sheetName: 'b-cases', row: 0, code: 'duplicate-sheet', params: { firstSheet: 'a-办件台账' } },
      ]);
      expect(ledger.accounts.cases).toEqual({ rowsRead: 1, rowsEvaluated: 1, rowsSetAside: 0 });
    });
  });

  test('data issues name the CSV file they come from', async () => {
    await withTempDir(async (dir) => {
      const file = await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [[...CASE_HEADER], caseRow({ 材料齐全: '也许' })], 'gbk');
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([
        {
          file,
          sheet: 'cases',
          sheetName: '城东社区-2026-10-办件台账',
          row: 2,
          column: 'H',
          header: '材料齐全',
          value: '也许',
          code: 'bad-boolean',
          message: '材料齐全 "也许" is not yes/no; write 是 or 否',
        },
      ]);
    });
  });
});

describe('files beside the ledger that are no one’s ledger', () => {
  // Excel keeps an owner file (~$name) beside a CSV it has open: binary, full of NULs, and sorted
  // before the real 办件台账.csv, it was read as the case sheet and the audit stopped.
  test('an Office owner file and a Mac ._ twin are passed over; the ledger is read', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', CASE_ROWS);
      const owner = Buffer.concat([Buffer.from([9]), Buffer.from('inspector'.padEnd(53)), Buffer.from([9, 0]), Buffer.from('inspector', 'utf16le'), Buffer.alloc(92)]);
      await writeFile(join(dir, '~$城东社区-2026-10-办件台账.csv'), owner);
      await writeFile(join(dir, '._城东社区-2026-10-办件台账.csv'), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]));
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([]);
      expect(ledger.sheets.cases?.map((row) => row.record.case_id)).toEqual(['SL-2026-10-0001']);
      expect(ledger.source.parts.map((part) => part.file)).toEqual([join(dir, '城东社区-2026-10-办件台账.csv')]);
    });
  });
});
