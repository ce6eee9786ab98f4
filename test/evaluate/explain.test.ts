/** explainRecord: one rule on one record, every condition with its values, fired or not. */
import { describe, expect, it } from 'vitest';
import { explainRecord } from '../../src/evaluate/explain.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import { contextOf, ledgerOf } from '../facts/helpers.js';
import { overdueRule, ruleOf } from './helpers.js';

function caseRecord(fields: Parameters<typeof ledgerOf>[0]['cases'] extends (infer T)[] | undefined ? T : never) {
  return buildScopeRecords(contextOf(ledgerOf({ cases: [fields] }))).case[0]!;
}

describe('explainRecord', () => {
  it('a rule that did not fire still shows every condition with values', async () => {
    const record = caseRecord({ case_id: 'A', kind: '承诺件', received_on: '2026-10-12', promised_days: 2, completed_on: '2026-10-14' });
    const explanation = await explainRecord(overdueRule(), record);
    expect(explanation.fired).toBe(false);
    expect(explanation.tree).toEqual({
      kind: 'all',
      result: false,
      evaluated: true,
      children: [
        { kind: 'condition', fact: 'kind', operator: 'in', expected: ['承诺件', '上报件'], actual: '承诺件', result: true, evaluated: true, param: 'kinds' },
        { kind: 'condition', fact: 'overdue_days', operator: 'greaterThanInclusive', expected: 1, actual: 0, result: false, evaluated: true, param: 'minOverdueDays' },
        { kind: 'condition', fact: 'extension_reason', operator: 'isEmpty', expected: true, actual: null, result: true, evaluated: true },
      ],
    });
  });

  it('a rule that fired', async () => {
    const record = caseRecord({ case_id: 'B', kind: '上报件', received_on: '2026-10-08', promised_days: 3, completed_on: undefined, result: '办理中' });
    const explanation = await explainRecord(overdueRule(), record);
    expect(explanation.fired).toBe(true);
    expect(explanation.tree).toMatchObject({ kind: 'all', result: true });
  });

  it('conditions the engine skipped are evaluated on their own and marked so', async () => {
    const rule = ruleOf({
      id: 'nested',
      scope: 'case',
      conditions: {
        all: [
          { fact: 'materials_complete', operator: 'equal', value: false, priority: 2 },
          { any: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 3 }, { not: { fact: 'notified', operator: 'equal', value: true } }], priority: 1 },
        ],
      },
    });
    const record = caseRecord({ case_id: 'C', materials_complete: true, visits: 4 });
    const { fired, tree } = await explainRecord(rule, record);
    expect(fired).toBe(false);
    expect(tree).toEqual({
      kind: 'all',
      result: false,
      evaluated: true,
      children: [
        { kind: 'condition', fact: 'materials_complete', operator: 'equal', expected: false, actual: true, result: false, evaluated: true },
        {
          kind: 'any',
          result: true,
          evaluated: false,
          children: [
            { kind: 'condition', fact: 'visits', operator: 'greaterThanInclusive', expected: 3, actual: 4, result: true, evaluated: false },
            {
              kind: 'not',
              result: true,
              evaluated: false,
              children: [{ kind: 'condition', fact: 'notified', operator: 'equal', expected: true, actual: null, result: false, evaluated: false }],
            },
          ],
        },
      ],
    });
  });
});
