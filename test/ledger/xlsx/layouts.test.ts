/**
 * Whole ledgers through readLedger in the layouts that broke the old reader (issue 16 items 4,
 * 11, 12 and issue 13's absolute targets), and which number formats make a date cell.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../../src/ledger/read-ledger.js';
import type { CaseRecord } from '../../../src/ledger/types.js';
import { isDateFormatCode } from '../../../src/ledger/xlsx/number-formats.js';
import { withTempDir } from '../helpers/workbook.js';
import { writeBook, type BookSpec, type CellSpec } from './helpers/producers.js';

const HEADER: CellSpec[] = ['受理编号', '受理日期', '申请人', '联系电话', '事项名称', '办件类型', '经办人', '材料齐全', '承诺时限', '办结日期', '办理结果'];
const row = (id: string, applicant: CellSpec): CellSpec[] => [id, new Date(Date.UTC(2026, 9, 9)), applicant, '13812345678', '居住证办理', '承诺件', '李明', '是', 5, new Date(Date.UTC(2026, 9, 14)), '办结'];

async function cases(book: BookSpec): Promise<{ records: CaseRecord[]; issues: unknown[] }> {
  return withTempDir(async (dir) => {
    const ledger = await readLedger(await writeBook(join(dir, 'ledger.xlsx'), book));
    return { records: ledger.sheets.cases!.map((r) => r.record as CaseRecord), issues: ledger.dataIssues };
  });
}

describe('ledgers in the layouts that broke the old reader', () => {
  test('inline rich text keeps every run (regression: 陈静 read as 静, 36 wrong and 29 missing findings)', async () => {
    const { records, issues } = await cases({ producer: 'openpyxl', sheets: [{ name: '办件台账', rows: [HEADER, row('SL-1', { rich: ['陈', '静'], inline: true }), row('SL-2', { rich: ['欧阳', '娜', '娜'] })] }] });
    expect(issues).toEqual([]);
    expect(records.map((r) => r.applicant)).toEqual(['陈静', '欧阳娜娜']);
  });

  test('rows and cells without r= (regression: JS error text instead of rows)', async () => {
    const { records, issues } = await cases({ producer: 'excel', omitRefs: true, sheets: [{ name: '办件台账', rows: [['标题'], [], HEADER, row('SL-1', '王芳'), [], row('SL-2', '陈静')] }] });
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.case_id, r.applicant, r.received_on])).toEqual([['SL-1', '王芳', '2026-10-09'], ['SL-2', '陈静', '2026-10-09']]);
  });

  test('absolute relationship targets and sheet parts not named sheetN.xml (regression: "no 办件台账 sheet; sheets found: Sheet1 …")', async () => {
    const { records, issues } = await cases({
      producer: 'openpyxl',
      sheets: [
        { name: 'Sheet1', rows: [['说明']], part: 'xl/worksheets/cover.xml' },
        { name: '办件台账', rows: [HEADER, row('SL-1', '王芳')], part: 'xl/data/ledger%cases.xml' },
      ],
    });
    expect(issues).toEqual([]);
    expect(records.map((r) => r.case_id)).toEqual(['SL-1']);
  });

  test.each(['excel', 'libreoffice', 'openpyxl', 'prefixed'] as const)('the %s layout reads the same records', async (producer) => {
    const { records, issues } = await cases({ producer, sheets: [{ name: '办件台账', rows: [['城东社区 办件台账'], HEADER, row('SL-1', '王芳'), row('SL-2', { rich: ['陈', '静'] })], merges: ['A1:K1'] }] });
    expect(issues).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({ case_id: 'SL-1', applicant: '王芳', received_on: '2026-10-09', completed_on: '2026-10-14', promised_days: 5, materials_complete: true }),
      expect.objectContaining({ case_id: 'SL-2', applicant: '陈静' }),
    ]);
  });
});

/** Excel's "Strict Open XML Spreadsheet": the ISO 29500 strict namespaces, and dates as ISO 8601 text (`t="d"`). */
const STRICT: Record<string, string> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
const strict = (xml: string) => Object.entries(STRICT).reduce((text, [transitional, iso]) => text.replaceAll(transitional, iso), xml);

describe('a workbook saved as Strict Open XML', () => {
  test('reads the same records as the transitional one, dates written as ISO text included', async () => {
    const isoDate = (ref: string, iso: string): CellSpec => ({ raw: `<c r="${ref}" t="d"><v>${iso}</v></c>` });
    const strictRow = row('SL-2', '陈静');
    strictRow[1] = isoDate('B4', '2026-10-09T00:00:00');
    strictRow[9] = isoDate('J4', '2026-10-14');
    const parts = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
    const { records, issues } = await cases({
      producer: 'excel',
      sheets: [{ name: '办件台账', rows: [['城东社区 办件台账'], HEADER, row('SL-1', '王芳'), strictRow] }],
      patch: Object.fromEntries(parts.map((part) => [part, strict])),
    });
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.case_id, r.applicant, r.received_on, r.completed_on, r.promised_days])).toEqual([
      ['SL-1', '王芳', '2026-10-09', '2026-10-14', 5],
      ['SL-2', '陈静', '2026-10-09', '2026-10-14', 5],
    ]);
  });
});

describe('isDateFormatCode: which custom number formats show a date or time', () => {
  test.each([
    'yyyy-mm-dd', 'yyyy\\-mm\\-dd', 'yyyy/m/d;@', 'yyyy"年"m"月"d"日"', '[$-804]yyyy"年"m"月"d"日";@', '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    'YYYY-MM-DD', 'd-mmm-yy', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss.0', '[$-F800]dddd, mmmm dd, yyyy',
  ])('%s is a date format', (code) => {
    expect(isDateFormatCode(code)).toBe(true);
  });

  test.each(['General', '0', '0.00', '#,##0.00"元"', '#,##0.00"元";[Red]\\-#,##0.00"元"', '0.00E+00', '@', '[Red]0.0%', '"days"0', '_-* #,##0_-;\\-* #,##0_-', '[$¥-804]#,##0.00'])(
    '%s is not',
    (code) => {
      expect(isDateFormatCode(code)).toBe(false);
    },
  );
});
