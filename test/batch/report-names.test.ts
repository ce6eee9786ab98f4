import { describe, expect, it } from 'vitest';
import { assignReportNames, reportStem, safeFileStem } from '../../src/batch/report-names.js';

describe('report names', () => {
  it('is <center>-<period>.xlsx', () => {
    expect(reportStem('城东社区便民服务中心', '2026-10')).toBe('城东社区便民服务中心-2026-10');
  });

  it('never turns a center name into a path or a name a file system refuses', () => {
    expect(safeFileStem('../城东/社区:*?"<>|')).toBe('__城东_社区_______');
    expect(safeFileStem('..hidden')).toBe('_hidden');
    expect(safeFileStem('   ')).toBe('center');
    expect(safeFileStem('a\u0000b')).toBe('a_b');
  });

  it('disambiguates two inputs with the same center and month, in request order', () => {
    expect(assignReportNames([{ stem: 'A-2026-10' }, { stem: 'B-2026-10' }, { stem: 'A-2026-10' }, { stem: 'A-2026-10' }])).toEqual([
      'A-2026-10.xlsx',
      'B-2026-10.xlsx',
      'A-2026-10-2.xlsx',
      'A-2026-10-3.xlsx',
    ]);
  });

  it('keeps the names of kept reports and avoids reserved names', () => {
    const names = assignReportNames([{ stem: 'A-2026-10' }, { stem: 'A-2026-10', previous: 'A-2026-10.xlsx', fixed: true }], ['district-summary-2026-10.xlsx']);
    expect(names).toEqual(['A-2026-10-2.xlsx', 'A-2026-10.xlsx']);
  });

  it('gives a re-audited input its earlier name when it still fits, so --force does not shuffle names', () => {
    const names = assignReportNames([{ stem: 'A-2026-10' }, { stem: 'A-2026-10', previous: 'A-2026-10.xlsx' }]);
    expect(names).toEqual(['A-2026-10-2.xlsx', 'A-2026-10.xlsx']);
  });

  it('drops an earlier name that no longer fits the center or month', () => {
    expect(assignReportNames([{ stem: 'A-2026-11', previous: 'A-2026-10.xlsx' }])).toEqual(['A-2026-11.xlsx']);
    expect(assignReportNames([{ stem: 'A-2026-10', previous: 'A-2026-10-x.xlsx' }])).toEqual(['A-2026-10.xlsx']);
  });
});

describe('report names in English', () => {
  it('end in -en, so an English run never takes the Chinese report’s name', () => {
    expect(reportStem('城东社区便民服务中心', '2026-10', 'en')).toBe('城东社区便民服务中心-2026-10-en');
    expect(reportStem('城东社区便民服务中心', '2026-10')).toBe('城东社区便民服务中心-2026-10');
  });
});
