/**
 * The shipped rule set over a small month built in code: each planted violation fires its
 * rule with the catalogue's grade, clean records fire nothing, and a second run gives the
 * same finding ids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import { settleFindings } from '../../src/grade/settle.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';
import { contextOf, ledgerOf, type SheetInput } from '../facts/helpers.js';

let ruleSet: RuleSet;
beforeAll(async () => {
  const loaded = await loadRuleSet();
  expect(loaded.problems).toEqual([]);
  ruleSet = loaded.ruleSet!;
});

const clean = { received_on: '2026-10-12', completed_on: '2026-10-12', result_notified_on: '2026-10-12', materials_logged: true, rating: '满意' } as const;

const month: SheetInput = {
  cases: [
    { ...clean, case_id: 'CLEAN-1' },
    { ...clean, case_id: 'CLEAN-2', kind: '承诺件', promised_days: 5, completed_on: '2026-10-16', result_notified_on: '2026-10-16' },
    { ...clean, case_id: 'OVERDUE', kind: '上报件', received_on: '2026-10-08', promised_days: 3, completed_on: undefined, result_notified_on: undefined, result: '办理中' },
    { ...clean, case_id: 'VISITS', materials_complete: false, notified: true, notified_on: '2026-10-12', visits: 4, completed_on: undefined, result_notified_on: undefined, result: '退回补正' },
    { ...clean, case_id: 'FEE', fee_item: '代办服务费', fee: 30 },
    { ...clean, case_id: 'RATING', rating: '非常不满意' },
  ],
  items: [{ item: '居住证办理', procedure_posted: true, materials_posted: true, limit_posted: true, statutory_days: 20 }],
  staff: [{ name: '李敏', position: '代办员', phone: '0571-1', posted: true, badge: true }],
  complaints: [{ complaint_id: 'TS-1', logged_on: '2026-10-03', complainant: '周', contact: '139', content: '推诿', respondent: '李敏', category: '推诿扯皮', substantiated: '是', first_responder: '赵六' }],
  attendance: [
    { date: '2026-10-09', staff: '王芳', status: '正常' },
    { date: '2026-10-13', staff: '王芳', status: '旷工' },
  ],
  handovers: [],
  other: [],
  center: [{ center: '城东社区便民服务中心', complaint_phone: '0571-12345', phone_posted: true, rules_posted: true }],
};

async function audit(input: SheetInput) {
  const ctx = contextOf(ledgerOf(input));
  const { raw, runs } = await evaluate(ruleSet.rules, buildScopeRecords(ctx), ctx);
  return { ...settleFindings(raw, { policy: ruleSet.policy, period: ctx.period }), runs };
}

describe('the shipped rules', () => {
  it('fire on each planted violation with the catalogue grade, and on nothing else', async () => {
    const { findings } = await audit(month);
    expect(findings.map((f) => `${f.ref.key} ${f.ruleId} ${f.baseGrade}`).sort()).toEqual([
      'OVERDUE case-overdue deduction',
      'FEE agency-fee notice',
      // 代办服务费 is no line of 居住证办理's fee schedule: the center's failure, once for the item.
      '居住证办理 fee-schedule-incomplete reminder',
      'RATING unsatisfied-rating reminder',
      'TS-1 complaint-shirking notice',
      'VISITS repeated-visits notice',
      '王芳@2026-10-13 attendance-absent criticism',
      // 王芳 handles no case and is not on the board: not a handler, so no board finding.
    ].sort());
  });

  it('every rule ran: all sheets are present', async () => {
    const { runs } = await audit(month);
    expect(runs.filter((r) => !r.ran)).toEqual([]);
    expect(runs.filter((r) => r.partial)).toEqual([]);
    expect(runs.reduce((n, r) => n + r.hits, 0)).toBe(7);
  });

  it('the same month audited twice gives the same ids; a different record a different id', async () => {
    const first = (await audit(month)).findings.map((f) => f.id);
    const second = (await audit(month)).findings.map((f) => f.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('without the optional sheets, the rules needing them say so and the rest still run', async () => {
    const { runs, findings } = await audit({ cases: month.cases! });
    const off = Object.fromEntries(runs.filter((r) => !r.ran).map((r) => [r.id, r.reason?.code === 'sheet-absent' ? r.reason.sheets : r.reason]));
    expect(off['fee-above-standard']).toEqual(['items']);
    expect(off['fee-schedule-incomplete']).toEqual(['items']);
    // 二.6 still runs without 事项公开, on promises, and says so.
    expect(runs.find((r) => r.id === 'case-overdue')).toMatchObject({ ran: true, partial: { sheets: ['items'] } });
    expect(off['absence-without-handover']).toEqual(['attendance', 'handovers']);
    expect(off['no-badge']).toEqual(['staff']);
    expect(off['rules-not-posted']).toEqual(['center']);
    expect(off['repeated-errors']).toBeUndefined();
    expect(findings.map((f) => f.ruleId)).toContain('case-overdue');
  });
});
