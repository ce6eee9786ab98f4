/**
 * A sheet with no rows at all is a sheet of no records. 其他失职 left empty in a month with nothing
 * to enter, or 投诉登记 in a month without complaints, read as "no header row": a data issue about
 * nothing, which charged the center 全程代理制/三.4 (ledger incomplete, citing row —).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { writeCsv } from './helpers/csv.js';
import { MONTH_SHEETS } from './helpers/month.js';
import { withTempDir, writeWorkbook } from './helpers/workbook.js';

const CASES = MONTH_SHEETS.find((sheet) => sheet.name === '办件台账')!;

describe('an empty sheet', () => {
  test('in a workbook: read as no records, with no data issue', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(join(dir, 'month.xlsx'), [CASES, { name: '其他失职', rows: [] }, { name: '投诉登记', rows: [[], [null, '']] }]);
      const ledger = await readLedger(file);
      expect(ledger.dataIssues).toEqual([]);
      expect(ledger.sheets.other).toEqual([]);
      expect(ledger.sheets.complaints).toEqual([]);
      expect(ledger.accounts.other).toEqual({ rowsRead: 0, rowsEvaluated: 0, rowsSetAside: 0 });
    });
  });

  test('as a CSV file holding only a byte-order mark: the same', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [[...CASE_HEADER], caseRow()]);
      await writeCsv(dir, '城东社区-2026-10-其他失职.csv', [], 'utf-8-bom');
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([]);
      expect(ledger.sheets.other).toEqual([]);
    });
  });

  test('a sheet with a title and no header still says it has no header', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(join(dir, 'month.xlsx'), [CASES, { name: '投诉登记', rows: [['城东社区投诉登记 2026年10月']] }]);
      const ledger = await readLedger(file);
      expect(ledger.dataIssues.map((issue) => [issue.sheet, issue.code])).toEqual([['complaints', 'missing-header']]);
      expect(ledger.accounts.complaints).toEqual({ rowsRead: 1, rowsEvaluated: 0, rowsSetAside: 1 });
    });
  });

  test('an empty case sheet cannot be audited: refused saying it is empty', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(join(dir, 'month.xlsx'), [{ name: '办件台账', rows: [] }]);
      const error = await readLedger(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DutyAuditError);
      expect(error).toMatchObject({ code: 'no-header', detail: { key: 'ledger.casesSheetEmpty', params: { sheet: '办件台账' } } });
    });
  });
});
