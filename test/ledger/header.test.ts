import { describe, expect, test } from 'vitest';
import { sheetSpec } from '../../src/ledger/columns.js';
import { readHeader } from '../../src/ledger/header.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { CASE_HEADER, caseRow } from './helpers/cases.js';
import { withTempDir, writeWorkbook } from './helpers/workbook.js';

const cases = sheetSpec('cases');

describe('readHeader', () => {
  test('maps each known column to its position and letter, keeping the header as written', () => {
    const header = readHeader(cases, ['备注说明', '受理编号', null, '承诺时限（工作日）', 'Applicant']);
    expect(header?.map(({ index, letter, header: text, spec }) => [index, letter, text, spec.key])).toEqual([
      [1, 'B', '受理编号', 'case_id'],
      [3, 'D', '承诺时限（工作日）', 'promised_days'],
      [4, 'E', 'Applicant', 'applicant'],
    ]);
  });

  test('needs at least three known column names', () => {
    expect(readHeader(cases, ['受理编号', '申请人', '不知道'])).toBeUndefined();
    expect(readHeader(cases, ['受理编号', '受理编号', '受理编号'])).toBeUndefined();
  });

  test('reads the first of two columns with the same name', () => {
    const header = readHeader(cases, ['受理编号', '申请人', '受理编号', '经办人']);
    expect(header?.map((column) => column.letter)).toEqual(['A', 'B', 'D']);
  });

  test('a title row naming a sheet is not a header', () => {
    expect(readHeader(cases, ['城东社区便民服务中心办件台账(2026年10月)'])).toBeUndefined();
  });
});

describe('header detection in a workbook', () => {
  test('finds the header under a merged title row and a blank row', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(`${dir}/merged.xlsx`, [
        {
          name: '办件台账',
          rows: [['城东社区便民服务中心 办件台账 2026年10月'], ['填报人:张三', null, '填报日期:2026-11-01'], [], [...CASE_HEADER], caseRow()],
          merges: ['A1:Q1', 'A2:B2'],
        },
      ]);
      const ledger = await readLedger(file);
      expect(ledger.layout?.cases?.headerRow).toBe(4);
      expect(ledger.sheets.cases?.map((row) => row.row)).toEqual([5]);
      expect(ledger.accounts.cases).toEqual({ rowsRead: 1, rowsEvaluated: 1, rowsSetAside: 0 });
      expect(ledger.dataIssues).toEqual([]);
    });
  });

  test('a header below row 10 is not found: the sheet is one header-too-low issue naming the row, and all rows set aside', async () => {
    await withTempDir(async (dir) => {
      const titles = Array.from({ length: 10 }, (_, index) => [`说明第${index + 1}行`]);
      const complaints = [['登记编号', '登记日期', '被投诉人', '类别', '是否属实', '首问责任人'], ['TS-1', '2026-10-05', '李明', '态度粗暴', '待查', '张三']];
      const file = await writeWorkbook(`${dir}/late.xlsx`, [
        { name: '办件台账', rows: [[...CASE_HEADER], caseRow()] },
        { name: '投诉登记', rows: [...titles, ...complaints] },
      ]);
      const ledger = await readLedger(file);
      expect(ledger.sheets.complaints).toEqual([]);
      expect(ledger.dataIssues).toMatchObject([{ sheet: 'complaints', row: 0, code: 'header-too-low', params: { headerRow: 11 } }]);
      expect(ledger.accounts.complaints).toEqual({ rowsRead: 12, rowsEvaluated: 0, rowsSetAside: 12 });
    });
  });

  test('a case sheet whose header is below row 10 is refused, naming the row (not "cannot infer the audited month")', async () => {
    await withTempDir(async (dir) => {
      const titles = Array.from({ length: 10 }, (_, index) => [`说明第${index + 1}行`]);
      const file = await writeWorkbook(`${dir}/late.xlsx`, [{ name: '办件台账', rows: [...titles, [...CASE_HEADER], caseRow()] }]);
      const error = await readLedger(file).catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({ code: 'no-header', file, message: expect.stringContaining('row 11, below the first 10 rows') });
    });
  });

  test('unknown columns are kept out of the record and do not disturb the known ones', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(`${dir}/extra.xlsx`, [
        { name: '办件台账', rows: [['序号', ...CASE_HEADER, '审核人'], [1, ...caseRow(), '赵六']] },
      ]);
      const ledger = await readLedger(file);
      const record = ledger.sheets.cases?.[0]?.record as unknown as Record<string, unknown>;
      expect(record['case_id']).toBe('SL-2026-10-0001');
      expect(Object.keys(record)).not.toContain('序号');
      expect(ledger.layout?.cases?.columns[0]).toEqual({ key: 'case_id', letter: 'B', header: '受理编号' });
    });
  });

  test('English keys are accepted as column and sheet names', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(`${dir}/english.xlsx`, [
        {
          name: 'Cases',
          rows: [
            ['CASE_ID', 'received_on', 'Applicant', 'item', 'kind', 'handler', 'materials_complete', 'Result'],
            ['SL-1', '2026-10-09', '王芳', '居住证办理', '即办件', '李明', 'yes', '办结'],
          ],
        },
      ]);
      const ledger = await readLedger(file);
      expect(ledger.sheetNames.cases).toBe('Cases');
      expect(ledger.sheets.cases?.[0]?.record).toMatchObject({ case_id: 'SL-1', materials_complete: true, kind: '即办件' });
    });
  });
});
