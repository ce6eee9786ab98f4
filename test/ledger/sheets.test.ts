/** All eight sheets of docs/ledger.md, typed. */
import { describe, expect, test } from 'vitest';
import { readLedger } from '../../src/ledger/read-ledger.js';
import type { Ledger } from '../../src/ledger/types.js';
import { writeCsv } from './helpers/csv.js';
import { MONTH_SHEETS } from './helpers/month.js';
import { withTempDir, writeWorkbook } from './helpers/workbook.js';

function records(ledger: Ledger) {
  return Object.fromEntries(Object.entries(ledger.sheets).map(([key, rows]) => [key, rows!.map((row) => row.record)]));
}

const EXPECTED = {
  cases: [
    {
      case_id: 'SL-2026-10-0001', received_on: '2026-10-09', applicant: '王芳', phone: '13812345678', item: '居住证办理', kind: '承诺件',
      handler: '李明', materials_complete: true, visits: 1, promised_days: 5, completed_on: '2026-10-14', result: '办结',
    },
    {
      case_id: 'SL-2026-10-0002', received_on: '2026-10-09', applicant: '王芳', phone: '13812345678', item: '居住证办理', kind: '即办件',
      handler: '李明', materials_complete: false, notified: true, notified_on: '2026-10-10', notice_form: '书面告知单', missing_count: 3,
      visits: 2, result: '办理中', fee: 1200,
    },
  ],
  complaints: [
    {
      complaint_id: 'TS-01', logged_on: '2026-10-12', complainant: '赵六', contact: '13900000000', respondent: '李明', category: '态度粗暴',
      content: '态度不好', substantiated: '是', first_responder: '张三', outcome: '已道歉', case_id: 'SL-2026-10-0001',
    },
  ],
  attendance: [
    { date: '2026-10-13', staff: '李明', status: '迟到', minutes: 15 },
    { date: '2026-10-14', staff: '王强', status: '请假', approved: true, cover: '李明' },
  ],
  handovers: [{ date: '2026-10-14', absent_staff: '王强', cover: '李明', reason: '病假', approver: '张主任', items: '居住证受理' }],
  staff: [{ name: '李明', position: '代办员', phone: '13800000001', posted: true, badge: false }],
  items: [
    {
      item: '居住证办理', procedure_posted: true, materials_posted: true, limit_posted: false, statutory_days: 10, fee_item: '工本费',
      fee_standard: 20, fee_basis: '省物价局文件', fee_posted: true,
    },
  ],
  center: [{ center: '城东社区便民服务中心', district: '城东街道', complaint_phone: '0571-12345678', phone_posted: true, rules_posted: false }],
  other: [{ date: '2026-10-20', staff: '王强', description: '上班玩手机', grade: '批评教育', basis: '巡查记录' }],
};

describe('the eight ledger sheets', () => {
  test('an xlsx month reads every sheet into typed records with no issues', async () => {
    await withTempDir(async (dir) => {
      const ledger = await readLedger(await writeWorkbook(`${dir}/month.xlsx`, MONTH_SHEETS));
      expect(ledger.dataIssues).toEqual([]);
      expect(records(ledger)).toEqual(EXPECTED);
      expect(ledger.sheetNames).toEqual({
        cases: '办件台账', complaints: '投诉登记', attendance: '考勤记录', handovers: 'AB岗交接',
        staff: '人员公示', items: '事项公开', center: '中心信息', other: '其他失职',
      });
      expect(ledger.sheets.cases?.map((row) => [row.sheet, row.row])).toEqual([['cases', 3], ['cases', 4]]);
      expect(ledger.source).toEqual({ file: `${dir}/month.xlsx`, kind: 'xlsx', parts: [] });
    });
  });

  test('the same month as a CSV folder reads the same records', async () => {
    await withTempDir(async (dir) => {
      for (const sheet of MONTH_SHEETS) {
        const rows = sheet.rows.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)));
        await writeCsv(dir, `城东社区-2026-10-${sheet.name}.csv`, rows, 'gbk');
      }
      const ledger = await readLedger(dir);
      expect(ledger.dataIssues).toEqual([]);
      expect(records(ledger)).toEqual(EXPECTED);
      expect(ledger.source.parts.map((part) => [part.sheet, part.encoding])).toEqual(
        expect.arrayContaining([['cases', 'gb18030'], ['other', 'gb18030']]),
      );
    });
  });

  test('an absent sheet has no entry; the others are read', async () => {
    await withTempDir(async (dir) => {
      const ledger = await readLedger(await writeWorkbook(`${dir}/cases-only.xlsx`, [MONTH_SHEETS[0]!, { name: '说明', rows: [['填表说明']] }]));
      expect(Object.keys(ledger.sheets)).toEqual(['cases']);
      expect(Object.keys(ledger.accounts)).toEqual(['cases']);
    });
  });
});
