import { describe, expect, it } from 'vitest';
import { inferPeriod, resolvePeriod } from '../../src/audit/period.js';
import { centerFromFileName } from '../../src/ledger/center.js';
import type { Ledger } from '../../src/ledger/types.js';

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
