import { describe, expect, it } from 'vitest';
import { inferPeriod, resolvePeriod } from '../../src/audit/period.js';
import { centerFromFileName } from '../../src/ledger/center.js';
import type { Ledger } from '../../src/ledger/types.js';
import { DutyAuditError } from '../../src/errors.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { render } from '../../src/messages/catalogue.js';
import { CASE_HEADER, caseColumnLetter, caseRow } from '../ledger/helpers/cases.js';
import { writeCsv } from '../ledger/helpers/csv.js';
import { join } from 'node:path';
import { withTempDir, writeWorkbook } from '../ledger/helpers/workbook.js';

function ledgerOf(dates: string[]): Ledger {
  return {
    source: { file: 'x.xlsx', kind: 'xlsx', parts: [] },
    sheets: {
      cases: dates.map((received_on, i) => ({
        sheet: 'cases',
        row: i + 2,
        record: { case_id: `C-${i}`, received_on, applicant: 'a', item: 'i', kind: '即办件', handler: 'h', materials_complete: true, visits: 1, result: '办结' },
      })),
    },
    sheetNames: { cases: '办件台账' },
    dataIssues: [],
    accounts: {},
  };
}

describe('inferPeriod', () => {
  it('picks the month holding most 受理日期', () => {
    expect(inferPeriod(ledgerOf(['2026-09-29', '2026-10-01', '2026-10-02', '2026-09-30', '2026-10-31']))).toBe('2026-10');
  });
  it('breaks a tie towards the later month (carried-over cases are the usual reason)', () => {
    expect(inferPeriod(ledgerOf(['2026-10-01', '2026-09-30']))).toBe('2026-10');
    expect(inferPeriod(ledgerOf(['2026-09-30', '2026-10-01']))).toBe('2026-10');
  });
  it('adds up every run of equal dates, however the ledger interleaves them, the last run included', () => {
    // October 4, September 3: dropping the last run or keeping only a date's latest run gives September.
    expect(inferPeriod(ledgerOf(['2026-10-05', '2026-10-05', '2026-09-30', '2026-09-30', '2026-09-30', '2026-10-05', '2026-10-05']))).toBe('2026-10');
    expect(inferPeriod(ledgerOf(['2026-09-30', '2026-10-05', '2026-09-30', '2026-10-06', '2026-09-29']))).toBe('2026-09');
  });
  it('is undefined without cases', () => {
    expect(inferPeriod(ledgerOf([]))).toBeUndefined();
  });
});

describe('resolvePeriod', () => {
  it('defaults as-of to the last day of the period, leap years included', () => {
    expect(resolvePeriod(ledgerOf([]), { period: '2028-02' })).toEqual({ period: '2028-02', periodInferred: false, asOf: '2028-02-29' });
    expect(resolvePeriod(ledgerOf(['2026-12-05']), {})).toEqual({ period: '2026-12', periodInferred: true, asOf: '2026-12-31' });
  });

  it('takes an as-of inside the month (a mid-month audit) or after it', () => {
    expect(resolvePeriod(ledgerOf([]), { period: '2026-10', asOf: '2026-10-01' }).asOf).toBe('2026-10-01');
    expect(resolvePeriod(ledgerOf([]), { period: '2026-10', asOf: '2026-11-15' }).asOf).toBe('2026-11-15');
  });

  it('refuses an as-of before the audited month, naming both (regression: every case set aside, no findings, exit 0)', () => {
    let err: unknown;
    try {
      resolvePeriod(ledgerOf(['2026-10-12']), { period: '2026-10', asOf: '2026-09-30' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).code).toBe('bad-usage');
    expect((err as DutyAuditError).message).toBe('--as-of 2026-09-30 is before the audited month 2026-10: every record of the month would be after it, and nothing would be audited');
    expect(render((err as DutyAuditError).fix!, 'zh')).toContain('2026-10-31');
  });
});

describe('centerFromFileName', () => {
  it.each([
    ['samples/城东社区-2026-10.xlsx', '城东社区'],
    ['samples/城东社区-2026-10-csv', '城东社区'],
    ['samples/城东社区-2026-10-csv/', '城东社区'],
    ['/data/西湖社区便民服务中心-2026-09-v2.xlsx', '西湖社区便民服务中心'],
    ['ledger.xlsx', 'ledger'],
  ])('%s → %s', (file, center) => {
    expect(centerFromFileName(file)).toBe(center);
  });
});

describe('a month that cannot be inferred says why', () => {
  // A case sheet whose 经办人 column was headed 承办人 set every case aside; the error said
  // "no readable 受理日期" and its hint sent people to fix a column that was fine.
  it('a required column missing from the case header is named, with the header row', async () => {
    await withTempDir(async (dir) => {
      const header = CASE_HEADER.map((h) => (h === '经办人' ? '承办人' : h));
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [['城东社区办件台账'], header, caseRow()]);
      const error = await failure(dir);
      expect(error.code).toBe('no-header');
      expect(error.detail).toMatchObject({ key: 'period.cannotInfer.missingColumns', params: { sheet: '城东社区-2026-10-办件台账', row: 2, columns: ['经办人'] } });
      expect(render(error.detail, 'zh')).toContain('缺少必需列 经办人');
      expect(render(error.detail, 'en')).toContain('lacks the required column 经办人');
    });
  });

  it('every case row set aside: the first data issue is quoted, in the terminal language', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [[...CASE_HEADER], caseRow({ 受理日期: '10月9日' }), caseRow({ 受理编号: 'SL-2026-10-0002', 受理日期: '10月10日' })]);
      const error = await failure(dir);
      expect(error.detail).toMatchObject({ key: 'period.cannotInfer.noCaseRead', params: { n: 2, cell: `${caseColumnLetter('受理日期')}2` } });
      expect(render(error.detail, 'zh')).toContain('受理日期“10月9日”不是有效日期');
      expect(render(error.detail, 'en')).toContain('受理日期 "10月9日" is not a date');
    });
  });

  it('a case sheet with no rows at all keeps the plain message', async () => {
    await withTempDir(async (dir) => {
      await writeCsv(dir, '城东社区-2026-10-办件台账.csv', [[...CASE_HEADER]]);
      expect((await failure(dir)).detail.key).toBe('period.cannotInfer');
    });
  });
});

async function failure(dir: string): Promise<DutyAuditError> {
  const ledger = await readLedger(dir);
  try {
    resolvePeriod(ledger, {});
  } catch (error) {
    if (error instanceof DutyAuditError) return error;
    throw error;
  }
  throw new Error('resolvePeriod did not refuse');
}

describe('an empty case sheet read before the one holding the month', () => {
  // A blank 办件台账 template left before 办件台账（10月）: the template was read, the month's sheet
  // set aside as a duplicate, and the error said "no readable 受理日期".
  it('names the case sheet that was not read', async () => {
    await withTempDir(async (dir) => {
      const file = await writeWorkbook(join(dir, 'month.xlsx'), [
        { name: '办件台账', rows: [[...CASE_HEADER]] },
        { name: '办件台账（10月）', rows: [[...CASE_HEADER], caseRow()] },
      ]);
      const error = await failure(file);
      expect(error.code).toBe('no-cases-sheet');
      expect(error.detail).toMatchObject({ key: 'period.cannotInfer.emptyFirstSheet', params: { sheet: '办件台账', others: ['办件台账（10月）'] } });
      expect(render(error.detail, 'zh')).toContain('另有同名的 办件台账（10月） 未读取');
    });
  });
});
