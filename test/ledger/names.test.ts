import { describe, expect, test } from 'vitest';
import { sheetSpec } from '../../src/ledger/columns.js';
import { columnLetter } from '../../src/ledger/column-letter.js';
import { canonicalName, columnOfHeader, sheetKeyOfFileName, sheetKeyOfName } from '../../src/ledger/names.js';

const cases = sheetSpec('cases');

describe('canonicalName', () => {
  test.each([
    ['承诺时限(工作日)', '承诺时限'],
    ['承诺时限（工作日）', '承诺时限'],
    [' 承诺时限 (工作日) ', '承诺时限'],
    ['收费金额(元)(含税)', '收费金额'],
    ['ＡＢ岗交接', 'ab岗交接'],
    ['受理\n编号', '受理编号'],
    ['受理编号*', '受理编号'],
    ['Case_ID', 'caseid'],
    ['case id', 'caseid'],
    ['(备注)', '(备注)'],
  ])('%j → %j', (name, expected) => {
    expect(canonicalName(name)).toBe(expected);
  });
});

describe('sheetKeyOfName', () => {
  test.each([
    ['办件台账', 'cases'],
    [' 办件台账 ', 'cases'],
    ['办件台账(2026年10月)', 'cases'],
    ['办件台账（10月）', 'cases'],
    ['cases', 'cases'],
    ['CASES', 'cases'],
    ['AB岗交接', 'handovers'],
    ['ＡＢ岗交接', 'handovers'],
    ['ab岗交接', 'handovers'],
    ['Handovers', 'handovers'],
    ['投诉登记', 'complaints'],
    ['考勤记录', 'attendance'],
    ['人员公示', 'staff'],
    ['事项公开', 'items'],
    ['中心信息', 'center'],
    ['其他失职', 'other'],
  ])('%j is the %s sheet', (name, key) => {
    expect(sheetKeyOfName(name)).toBe(key);
  });

  test.each([['说明'], ['Sheet1'], ['办件台账汇总'], ['']])('%j is not a ledger sheet', (name) => {
    expect(sheetKeyOfName(name)).toBeUndefined();
  });
});

describe('sheetKeyOfFileName', () => {
  test.each([
    ['城东社区-2026-10-办件台账', 'cases'],
    ['城东社区-2026-10-AB岗交接', 'handovers'],
    ['chengdong-2026-10-cases', 'cases'],
    ['chengdong_2026_10_Complaints', 'complaints'],
    ['办件台账', 'cases'],
    ['城东社区-2026-10-办件台账(修订)', 'cases'],
    ['城东社区-2026-10-其他失职', 'other'],
  ])('%j is the %s sheet', (name, key) => {
    expect(sheetKeyOfFileName(name)).toBe(key);
  });

  test.each([['城东社区-2026-10-说明'], ['办件台账-城东社区'], ['readme']])('%j is not a ledger sheet', (name) => {
    expect(sheetKeyOfFileName(name)).toBeUndefined();
  });
});

describe('columnOfHeader', () => {
  test.each([
    ['受理编号', 'case_id'],
    ['case_id', 'case_id'],
    ['CASE_ID', 'case_id'],
    ['Case ID', 'case_id'],
    ['承诺时限(工作日)', 'promised_days'],
    ['承诺时限（工作日）', 'promised_days'],
    ['收费金额(元)', 'fee'],
    ['往返次数', 'visits'],
  ])('%j is the %s column of cases', (header, key) => {
    expect(columnOfHeader(cases, header)?.key).toBe(key);
  });

  test('a column of another sheet is unknown here', () => {
    expect(columnOfHeader(cases, '被投诉人')).toBeUndefined();
    expect(columnOfHeader(sheetSpec('complaints'), '被投诉人')?.key).toBe('respondent');
  });
});

describe('columnLetter', () => {
  test.each([
    [1, 'A'], [2, 'B'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'],
  ])('column %d is %s', (column, letter) => {
    expect(columnLetter(column)).toBe(letter);
  });
});
