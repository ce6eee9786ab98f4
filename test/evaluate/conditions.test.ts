/**
 * The evaluator (src/evaluate/conditions.ts): how a condition tree is judged on one record's
 * facts, what evidence it records, the judged tree `--explain` and `rules test` show, and the
 * errors it raises. Each case is also run through evaluate(), so the findings are the ones an
 * audit writes.
 */
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load.js';
import { DutyAuditError } from '../../src/errors.js';
import { conditionsOf, evidence, factsOfTree, holds, judge, type ConditionNode } from '../../src/evaluate/conditions.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { SCOPES } from '../../src/facts/scopes.js';
import type { ScopeRecord, ScopeRecords, AuditContext, FactValue } from '../../src/facts/types.js';
import { SHEET_KEYS } from '../../src/ledger/types.js';
import { ruleOf } from './helpers.js';

const ctx: AuditContext = {
  ledger: { source: { file: '/tmp/城东社区-2026-10.xlsx', kind: 'xlsx', parts: [] }, sheets: Object.fromEntries(SHEET_KEYS.map((k) => [k, []])), sheetNames: {}, dataIssues: [], accounts: {} },
  calendar: loadCalendar(),
  period: '2026-10',
  asOf: '2026-10-31',
};

type Facts = Record<string, FactValue | undefined>;

function records(factsList: Facts[]): ScopeRecords {
  const all = Object.fromEntries(SCOPES.map((s) => [s, []])) as unknown as ScopeRecords;
  all.case = factsList.map((facts, i): ScopeRecord => ({
    scope: 'case', ref: { sheet: 'cases', row: i + 2, key: `K${i}` }, date: '2026-10-12',
    facts: { case_id: `K${i}`, handler: '李敏', received_on: '2026-10-12', ...facts } as Record<string, FactValue>,
  }));
  return all;
}

const rule = (conditions: unknown, extra: Partial<Parameters<typeof ruleOf>[0]> = {}) => ruleOf({ id: 'probe', scope: 'case', conditions, ...extra });

/** The keys of the records the rule fires on, through evaluate(). */
function firesOn(conditions: unknown, factsList: Facts[]): string[] {
  return evaluate([rule(conditions)], records(factsList), ctx).raw.map((f) => f.ref.key);
}

describe('groups', () => {
  const nested = {
    all: [
      { fact: 'kind', operator: 'in', value: ['承诺件', '上报件'] },
      { any: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 3 }, { not: { fact: 'notified', operator: 'equal', value: true } }] },
    ],
  };

  it('all / any / not, nested', () => {
    expect(firesOn(nested, [
      { kind: '承诺件', visits: 4, notified: true },
      { kind: '承诺件', visits: 1, notified: null },
      { kind: '承诺件', visits: 1, notified: true },
      { kind: '即办件', visits: 9, notified: null },
    ])).toEqual(['K0', 'K1']);
  });

  it('a top-level not and any', () => {
    expect(firesOn({ not: { fact: 'visits', operator: 'lessThan', value: 2 } }, [{ visits: 1 }, { visits: 2 }, { visits: null }])).toEqual(['K1', 'K2']);
    const either = { any: [{ fact: 'visits', operator: 'lessThan', value: 2 }, { fact: 'loss', operator: 'greaterThan', value: 0 }] };
    expect(firesOn(either, [{ visits: 1, loss: 0 }, { visits: 5, loss: 3 }, { visits: 5, loss: 0 }])).toEqual(['K0', 'K1']);
  });

  it('holds and judge give the same verdict on every record', () => {
    const r = rule(nested);
    for (const facts of [{ kind: '承诺件', visits: 4, notified: true }, { kind: '即办件', visits: 1, notified: null }, { kind: '上报件', visits: null, notified: false }]) {
      expect(judge(r, facts).result).toBe(holds(conditionsOf(r), facts));
    }
  });
});

describe('evidence: every leaf, in the order written', () => {
  it('a fired rule keeps the false leaves of an `any` too', () => {
    const { raw } = evaluate([rule({ any: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 3 }, { fact: 'loss', operator: 'greaterThan', value: 0 }] })], records([{ visits: 4, loss: 0 }]), ctx);
    expect(raw[0]!.conditions).toEqual([
      { fact: 'visits', operator: 'greaterThanInclusive', expected: 3, actual: 4, result: true },
      { fact: 'loss', operator: 'greaterThan', expected: 0, actual: 0, result: false },
    ]);
  });

  it('a leaf under a `not` is recorded with its own result, not the negated one', () => {
    const { raw } = evaluate([rule({ all: [{ not: { fact: 'notified', operator: 'equal', value: true } }] })], records([{ notified: null }]), ctx);
    expect(raw[0]!.conditions).toEqual([{ fact: 'notified', operator: 'equal', expected: true, actual: null, result: false }]);
  });

  it('names the param that supplied a threshold, by the loader\'s pointer map', () => {
    const r = rule(
      { all: [{ fact: 'visits', operator: 'greaterThanInclusive', value: { param: 'minVisits' } }, { not: { fact: 'kind', operator: 'in', value: { param: 'kinds' } } }] },
      { params: { minVisits: { value: 3, description: { zh: '', en: '' } }, kinds: { value: ['即办件'], description: { zh: '', en: '' } } } },
    );
    const { raw } = evaluate([r], records([{ visits: 3, kind: '承诺件' }]), ctx);
    expect(raw[0]!.conditions.map((c) => [c.param, c.expected])).toEqual([['minVisits', 3], ['kinds', ['即办件']]]);
  });

  it('a fired rule\'s evidence shows a frozen copy of the rule\'s lists: no finding can change the rule or another finding', () => {
    const r = rule({ all: [{ fact: 'kind', operator: 'in', value: ['承诺件'] }] });
    const { raw } = evaluate([r], records([{ kind: '承诺件' }, { kind: '承诺件' }]), ctx);
    const list = (r.resolvedConditions as { all: { value: string[] }[] }).all[0]!.value;
    expect(raw[0]!.conditions[0]!.expected).not.toBe(list);
    expect(() => (raw[0]!.conditions[0]!.expected as string[]).push('changed')).toThrow(TypeError);
    expect(raw[1]!.conditions[0]!.expected).toEqual(['承诺件']);
    expect(list).toEqual(['承诺件']);
    list.push('the rule changed later');
    expect(raw[0]!.conditions[0]!.expected).toEqual(['承诺件']);
  });
});

describe('{ "fact": name } values', () => {
  const exceeds = { all: [{ fact: 'promised_days', operator: 'greaterThan', value: { fact: 'statutory_days' } }] };

  it('compare with the other fact of the record; its value is the evidence\'s expected', () => {
    const { raw } = evaluate([rule(exceeds)], records([{ promised_days: 12, statutory_days: 10 }, { promised_days: 5, statutory_days: 10 }]), ctx);
    expect(raw.map((f) => f.ref.key)).toEqual(['K0']);
    expect(raw[0]!.conditions).toEqual([{ fact: 'promised_days', operator: 'greaterThan', expected: 10, actual: 12, result: true }]);
  });

  it('12 > an empty statutory_days is false (it held as 12 > 0 before the numeric operators checked both sides)', () => {
    expect(firesOn(exceeds, [{ promised_days: 12, statutory_days: null }, { promised_days: 12, statutory_days: '' }, { promised_days: 12, statutory_days: undefined }])).toEqual([]);
  });

  it('the judged tree names the other fact for --explain', () => {
    const tree = judge(rule(exceeds), { promised_days: 12, statutory_days: 10 });
    expect(tree).toEqual({
      kind: 'all',
      result: true,
      children: [{ kind: 'condition', fact: 'promised_days', operator: 'greaterThan', expected: 10, actual: 12, result: true, expectedFact: 'statutory_days' }],
    });
    expect(evidence(conditionsOf(rule(exceeds)), { promised_days: 12, statutory_days: 10 })).toEqual([{ fact: 'promised_days', operator: 'greaterThan', expected: 10, actual: 12, result: true }]);
  });
});

describe('judge: the tree --explain and rules test show', () => {
  it('a rule that does not fire still has every leaf with its values, and each group its result', () => {
    const r = rule(
      { all: [{ fact: 'materials_complete', operator: 'equal', value: false }, { any: [{ fact: 'visits', operator: 'greaterThanInclusive', value: { param: 'minVisits' } }, { not: { fact: 'notified', operator: 'equal', value: true } }] }] },
      { params: { minVisits: { value: 3, description: { zh: '', en: '' } } } },
    );
    expect(judge(r, { materials_complete: true, visits: 4, notified: null })).toEqual({
      kind: 'all',
      result: false,
      children: [
        { kind: 'condition', fact: 'materials_complete', operator: 'equal', expected: false, actual: true, result: false },
        {
          kind: 'any',
          result: true,
          children: [
            { kind: 'condition', fact: 'visits', operator: 'greaterThanInclusive', expected: 3, actual: 4, result: true, param: 'minVisits' },
            { kind: 'not', result: true, children: [{ kind: 'condition', fact: 'notified', operator: 'equal', expected: true, actual: null, result: false }] },
          ],
        },
      ],
    });
  });
});

describe('facts of a tree', () => {
  it('lists the facts the leaves test, once each, in reading order', () => {
    const tree: ConditionNode = {
      all: [
        { fact: 'kind', operator: 'in', value: ['承诺件'] },
        { any: [{ fact: 'visits', operator: 'greaterThan', value: 2 }, { not: { fact: 'kind', operator: 'equal', value: 'x' } }] },
        { fact: 'promised_days', operator: 'greaterThan', value: { fact: 'statutory_days' } },
      ],
    };
    expect(factsOfTree(tree)).toEqual(['kind', 'visits', 'promised_days']);
  });
});

describe('errors', () => {
  function error(conditions: unknown, facts: Facts): DutyAuditError {
    try {
      evaluate([rule(conditions)], records([facts]), ctx);
    } catch (e) {
      expect(e).toBeInstanceOf(DutyAuditError);
      return e as DutyAuditError;
    }
    throw new Error('evaluate did not throw');
  }

  it('a fact the record lacks: bad-rules naming the record and the fact', () => {
    const e = error({ all: [{ fact: 'overdue_dayz', operator: 'greaterThan', value: 0 }] }, {});
    expect(e.code).toBe('bad-rules');
    expect(e.message).toBe('the case rules could not be evaluated on cases row 2 (K0): Undefined fact: overdue_dayz');
  });

  it('a value naming a missing fact', () => {
    expect(error({ all: [{ fact: 'visits', operator: 'equal', value: { fact: 'nope' } }] }, { visits: 1 }).message).toMatch(/Undefined fact: nope$/);
  });

  it('the verdict stops at a deciding leaf; the evidence and the judged tree read every leaf', () => {
    const r = rule({ all: [{ fact: 'visits', operator: 'equal', value: 99 }, { fact: 'nope', operator: 'equal', value: 1 }] });
    expect(holds(conditionsOf(r), { visits: 1 })).toBe(false);
    expect(() => judge(r, { visits: 1 })).toThrow('Undefined fact: nope');
    expect(() => evidence(conditionsOf(r), { visits: 1 })).toThrow('Undefined fact: nope');
  });

  it('an operator that throws on the data (in over a null list)', () => {
    expect(error({ all: [{ fact: 'kind', operator: 'in', value: null }] }, { kind: '承诺件' }).message).toMatch(/cases row 2 \(K0\)/);
  });

  it('an operator the language does not have, when the rule is first prepared', () => {
    expect(() => conditionsOf(rule({ all: [{ fact: 'visits', operator: 'not:equal', value: 1 }] }))).toThrow('rule probe: unknown operator not:equal at /all/0');
  });
});

describe('the compiled verdict (src/evaluate/verdict.ts) means what the tree says', () => {
  it('a fact name that is not an identifier is read as written and cannot change the code', () => {
    const name = 'x"] || true || facts["y\\\u2028';
    const r = rule({ all: [{ fact: name, operator: 'equal', value: 1 }] });
    expect(holds(conditionsOf(r), { [name]: 1 })).toBe(true);
    expect(holds(conditionsOf(r), { [name]: 2, x: 1, y: 1 })).toBe(false);
    expect(() => holds(conditionsOf(r), { x: 1 })).toThrow(`Undefined fact: ${name}`);
  });

  it('empty groups hold, as in json-rules-engine, and a `not` turns them over', () => {
    expect(holds(conditionsOf(rule({ all: [] })), {})).toBe(true);
    expect(holds(conditionsOf(rule({ any: [] })), {})).toBe(true);
    expect(holds(conditionsOf(rule({ all: [{ not: { any: [] } }] })), {})).toBe(false);
  });

  it('a leaf reads its fact before the fact its value names; a fact present as undefined is read, not missing', () => {
    const r = rule({ all: [{ fact: 'nope1', operator: 'equal', value: { fact: 'nope2' } }] });
    expect(() => holds(conditionsOf(r), {})).toThrow('Undefined fact: nope1');
    expect(() => holds(conditionsOf(r), { nope1: 1 })).toThrow('Undefined fact: nope2');
    expect(holds(conditionsOf(r), { nope1: undefined, nope2: undefined })).toBe(true);
  });

  it('gives judge()\'s verdict on seeded random trees and records', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const values: FactValue[] = [null, 0, 1, 3, '', '承诺件', '即办件', true, false, '2026-10-12', ['承诺件']];
    const operators: [string, unknown][] = [['equal', 1], ['notEqual', true], ['greaterThan', 1], ['lessThanInclusive', 3], ['in', ['承诺件', 1]], ['isEmpty', true], ['dateAfter', '2026-10-01'], ['inList', ['即办件', 0]], ['contains', '承诺件']];
    const facts = ['a', 'b', 'c'];
    const tree = (depth: number): ConditionNode => {
      const pick = depth > 2 ? 3 : random(6);
      if (pick === 0) return { all: Array.from({ length: random(3) }, () => tree(depth + 1)) };
      if (pick === 1) return { any: Array.from({ length: random(3) }, () => tree(depth + 1)) };
      if (pick === 2) return { not: tree(depth + 1) };
      const [operator, value] = operators[random(operators.length)]!;
      // `in` throws on a value that is not a list or text: another fact's value only elsewhere.
      return { fact: facts[random(3)]!, operator, value: operator !== 'in' && random(5) === 0 ? { fact: facts[random(3)]! } : value };
    };
    let fired = 0;
    for (let t = 0; t < 200; t++) {
      const r = rule({ all: [tree(0)] });
      for (let k = 0; k < 20; k++) {
        const record = Object.fromEntries(facts.map((f) => [f, values[random(values.length)]!]));
        const verdict = holds(conditionsOf(r), record);
        expect(verdict).toBe(judge(r, record).result);
        if (verdict) fired += 1;
      }
    }
    // Both verdicts occur often enough for the comparison to mean something.
    expect(fired).toBeGreaterThan(400);
    expect(fired).toBeLessThan(3600);
  });
});
