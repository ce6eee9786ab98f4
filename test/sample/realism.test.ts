import { describe, expect, it } from 'vitest';
import { sheetSpec } from '../../src/ledger/columns.js';
import { SHEET_KEYS } from '../../src/ledger/types.js';
import { generateSampleMonth } from '../../src/sample/generate.js';
import { ITEMS, STAFF } from '../../src/sample/roster.js';

const month = generateSampleMonth();
const sheet = (k: string) => month.sheets.find((s) => s.key === k)!;
const cases = sheet('cases').rows;
const allCells = (k: string, column: string) => {
  const i = sheet(k).keys.indexOf(column);
  return sheet(k).rows.map((r) => r.cells[i]);
};

describe('the sample month looks like a real center month (docs/ledger.md)', () => {
  it('城东社区便民服务中心, 2026-10, as of 2026-10-31, all eight sheets in schema column order', () => {
    expect(month.center).toBe('城东社区便民服务中心');
    expect([month.period, month.asOf]).toEqual(['2026-10', '2026-10-31']);
    expect(month.sheets.map((s) => s.key)).toEqual([...SHEET_KEYS]);
    for (const s of month.sheets) {
      expect(s.name).toBe(sheetSpec(s.key).zh);
      expect(s.keys).toEqual(sheetSpec(s.key).columns.map((c) => c.key));
      expect(s.title).toBe(`城东社区便民服务中心 2026年10月 ${s.name}`);
      expect(s.rows.length).toBeGreaterThan(0);
    }
  });

  it('about 300 cases, ~10 complaints, ~25 attendance exceptions, 8 staff, 12 items (one with a second fee line), one center row', () => {
    expect(cases.length).toBe(303);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(sheet('complaints').rows).toHaveLength(11);
    expect(sheet('attendance').rows.length).toBeGreaterThanOrEqual(20);
    expect(sheet('handovers').rows.length).toBeGreaterThanOrEqual(10);
    expect(sheet('staff').rows).toHaveLength(8);
    expect(sheet('items').rows).toHaveLength(13);
    expect(new Set(sheet('items').rows.map((r) => r.values.item)).size).toBe(12);
    expect(sheet('center').rows).toHaveLength(1);
    expect(sheet('other').rows).toHaveLength(2);
  });

  it('every item is handled and every board member but the director handles cases', () => {
    const handled = new Set(cases.map((r) => r.values.item));
    for (const it of ITEMS) expect(handled.has(it.name)).toBe(true);
    const handlers = new Set(cases.map((r) => r.values.handler));
    for (const s of STAFF.slice(1)) expect(handlers.has(s.name)).toBe(true);
  });

  it('most fees are on free items not charged; two items post a fee, 低保申请 posts its agency service as free, two more list a fee line the center left unposted or without its basis', () => {
    const posted = sheet('items').rows.filter((r) => r.values.fee_item !== undefined && r.values.fee_posted === true && r.values.fee_basis !== undefined);
    expect(posted.map((r) => r.values.item).sort()).toEqual(['低保申请', '城乡居民养老保险缴费', '居住证办理']);
    expect(posted.find((r) => r.values.item === '低保申请')!.values).toMatchObject({ fee_item: '代办服务费', fee_standard: 0 });
    const gaps = sheet('items').rows.filter((r) => r.values.fee_item !== undefined && !posted.includes(r));
    expect(gaps.map((r) => [r.values.item, r.values.fee_posted, r.values.fee_basis === undefined])).toEqual([
      ['残疾人证办理', true, true],
      ['计划生育证明', false, false],
    ]);
    const charged = cases.filter((r) => r.values.fee !== undefined);
    expect(charged.length).toBeGreaterThan(5);
    expect(charged.length).toBeLessThan(cases.length / 4);
  });

  it('a few late-September cases are still open or completed in October', () => {
    const september = cases.filter((r) => String(r.values.received_on).startsWith('2026-09'));
    expect(september.length).toBeGreaterThanOrEqual(3);
    for (const r of september) {
      const done = r.values.completed_on;
      expect(done === undefined || String(done).startsWith('2026-10')).toBe(true);
    }
    expect(september.some((r) => r.values.completed_on === undefined)).toBe(true);
  });

  it('received on working days only, including the make-up Saturday 2026-10-10', () => {
    const days = new Set(cases.map((r) => String(r.values.received_on)));
    expect(days.has('2026-10-10')).toBe(true);
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-11', '2026-10-17']) expect(days.has(d)).toBe(false);
  });

  it('mixes cell forms: real dates, 年月日 strings, slashes and serial numbers', () => {
    const received = allCells('cases', 'received_on');
    const dates = received.filter((c) => c instanceof Date).length;
    expect(dates / received.length).toBeGreaterThan(0.8);
    expect(received.some((c) => typeof c === 'string' && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(c))).toBe(true);
    const anyDateColumn = ['received_on', 'completed_on', 'result_notified_on'].flatMap((k) => allCells('cases', k));
    expect(anyDateColumn.some((c) => typeof c === 'number' && c > 46_000 && c < 46_400)).toBe(true);
    expect(anyDateColumn.some((c) => typeof c === 'string' && /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(c))).toBe(true);
  });

  it('booleans as 是/否 with some √/×, amounts like 1,200元, phones as text', () => {
    const bools = ['materials_complete', 'materials_logged', 'materials_lost'].flatMap((k) => allCells('cases', k)).filter((c) => c !== null);
    expect(bools.filter((c) => c === '是' || c === '否').length / bools.length).toBeGreaterThan(0.85);
    expect(bools.some((c) => c === '√')).toBe(true);
    expect(bools.some((c) => c === '×')).toBe(true);
    const amounts = [...allCells('cases', 'fee'), ...allCells('cases', 'loss')];
    expect(amounts.some((c) => typeof c === 'string' && /^\d{1,3}(,\d{3})+元$/.test(c))).toBe(true);
    expect(amounts.some((c) => typeof c === 'number')).toBe(true);
    for (const p of allCells('cases', 'phone')) expect(typeof p === 'string' && /^1\d{10}$/.test(p)).toBe(true);
    for (const p of allCells('staff', 'phone').filter((x) => x !== null)) expect(typeof p).toBe('string');
  });

  it('headers use parenthesised and full-width forms the importer folds back', () => {
    expect(sheet('cases').headers).toContain('承诺时限(工作日)');
    expect(sheet('cases').headers).toContain('收费金额(元)');
    expect(sheet('cases').headers).toContain('损失金额（元）');
    expect(sheet('items').headers).toContain('法定时限(工作日)');
    expect(sheet('handovers').headers).toContain('Ａ岗（请假人）');
    const folded = (h: string) => h.normalize('NFKC').replace(/\(.*\)$/, '');
    for (const s of month.sheets) expect(s.headers.map(folded)).toEqual(sheetSpec(s.key).columns.map((c) => c.zh));
  });

  it('phone numbers are distinct people, not a constant', () => {
    const phones = new Set(allCells('cases', 'phone'));
    expect(phones.size).toBeGreaterThan(cases.length * 0.95);
  });
});
