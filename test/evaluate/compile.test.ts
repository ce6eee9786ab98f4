/**
 * compileRule: condition trees compiled to predicates decide and explain exactly as
 * json-rules-engine does — groups, `not`, priorities and the short-circuit between them,
 * `{ "fact": name }` values, errors — and what the compiler does not take runs on the engine.
 */
import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/audit/types.js';
import { loadCalendar } from '../../src/calendar/load.js';
import { compileRule, UnsupportedCondition } from '../../src/evaluate/compile.js';
import { evaluate, type Evaluation } from '../../src/evaluate/evaluate.js';
import { SCOPES } from '../../src/facts/scopes.js';
import type { ScopeRecord, ScopeRecords } from '../../src/facts/types.js';
import type { FactValue } from '../../src/findings/types.js';
import { SHEET_KEYS } from '../../src/ledger/types.js';
import type { Rule } from '../../src/rules/types.js';
import { ruleOf } from './helpers.js';

const ctx: AuditContext = {
  ledger: { source: { file: '/tmp/城东社区-2026-10.xlsx', kind: 'xlsx', parts: [] }, sheets: Object.fromEntries(SHEET_KEYS.map((k) => [k, []])), sheetNames: {}, dataIssues: [], accounts: {} },
  calendar: loadCalendar(),
  period: '2026-10',
  asOf: '2026-10-31',
};

function records(factsList: Record<string, FactValue | undefined>[]): ScopeRecords {
  const all = Object.fromEntries(SCOPES.map((s) => [s, []])) as unknown as ScopeRecords;
  all.case = factsList.map((facts, i): ScopeRecord => ({
    scope: 'case', ref: { sheet: 'cases', row: i + 2, key: `K${i}` }, date: '2026-10-12',
    facts: { case_id: `K${i}`, handler: '李敏', ...facts } as Record<string, FactValue>,
  }));
  return all;
}

async function bothWays(rule: Rule, factsList: Record<string, FactValue | undefined>[]): Promise<Evaluation> {
  const input = records(factsList);
  const compiled = await evaluate([rule], input, ctx);
  const reference = await evaluate([rule], input, ctx, { engine: 'json-rules-engine' });
  expect(compiled.raw).toEqual(reference.raw);
  expect(JSON.stringify(compiled.raw)).toBe(JSON.stringify(reference.raw));
  return compiled;
}

async function errorsBothWays(rule: Rule, facts: Record<string, FactValue | undefined>): Promise<string> {
  const input = records([facts]);
  const compiled = await evaluate([rule], input, ctx).catch((e: Error) => e);
  const reference = await evaluate([rule], input, ctx, { engine: 'json-rules-engine' }).catch((e: Error) => e);
  expect(compiled).toBeInstanceOf(Error);
  expect((compiled as Error).message).toBe((reference as Error).message);
  expect((compiled as { code?: string }).code).toBe('bad-rules');
  return (compiled as Error).message;
}

const rule = (conditions: unknown, extra: Partial<Parameters<typeof ruleOf>[0]> = {}) => ruleOf({ id: 'probe', scope: 'case', conditions, ...extra });

describe('groups', () => {
  it('all / any / not, nested, fire and explain as the engine', async () => {
    const r = rule({
      all: [
        { fact: 'kind', operator: 'in', value: ['承诺件', '上报件'] },
        { any: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 3 }, { not: { fact: 'notified', operator: 'equal', value: true } }] },
      ],
    });
    const { raw } = await bothWays(r, [
      { kind: '承诺件', visits: 4, notified: true },
      { kind: '承诺件', visits: 1, notified: null },
      { kind: '承诺件', visits: 1, notified: true },
      { kind: '即办件', visits: 9, notified: null },
    ]);
    expect(raw.map((f) => f.ref.key)).toEqual(['K0', 'K1']);
    // Every test of the tree is in the evidence, the false ones too, in the order written.
    expect(raw[0]!.conditions.map((c) => [c.fact, c.result])).toEqual([['kind', true], ['visits', true], ['notified', true]]);
  });

  it('an empty any holds, as in the engine', async () => {
    const r = rule({ all: [{ any: [] }, { fact: 'visits', operator: 'equal', value: 1 }] });
    expect((await bothWays(r, [{ visits: 1 }])).raw).toHaveLength(1);
  });

  it('a top-level not and any', async () => {
    await bothWays(rule({ not: { fact: 'visits', operator: 'lessThan', value: 2 } }), [{ visits: 1 }, { visits: 2 }, { visits: null }]);
    await bothWays(rule({ any: [{ fact: 'visits', operator: 'lessThan', value: 2 }, { fact: 'loss', operator: 'greaterThan', value: 0 }] }), [
      { visits: 1, loss: 0 }, { visits: 5, loss: 3 }, { visits: 5, loss: 0 },
    ]);
  });
});

describe('priorities', () => {
  const prioritised = rule({
    any: [
      { fact: 'visits', operator: 'greaterThanInclusive', value: 3, priority: 2 },
      { fact: 'loss', operator: 'greaterThan', value: 0, priority: 1 },
      { all: [{ fact: 'error', operator: 'equal', value: true }], priority: 3 },
    ],
  });

  it('a settled outcome skips the lower groups; the evidence lists only what was evaluated', async () => {
    const { raw } = await bothWays(prioritised, [
      { visits: 4, loss: 5, error: false },
      { visits: 1, loss: 5, error: false },
      { visits: 1, loss: 0, error: true },
      { visits: 1, loss: 0, error: false },
    ]);
    expect(raw.map((f) => [f.ref.key, f.conditions.map((c) => c.fact)])).toEqual([
      ['K0', ['visits', 'error']],
      ['K1', ['visits', 'loss', 'error']],
      ['K2', ['error']],
    ]);
  });

  it('all stops at the first group that fails', async () => {
    const r = rule({ all: [{ fact: 'visits', operator: 'equal', value: 1, priority: 5 }, { fact: 'loss', operator: 'equal', value: 0 }] });
    await bothWays(r, [{ visits: 1, loss: 0 }, { visits: 2, loss: 0 }]);
  });
});

describe('values', () => {
  it('{ "fact": name } compares with another fact of the record, null and undefined included', async () => {
    const r = rule({ all: [{ fact: 'promised_days', operator: 'greaterThan', value: { fact: 'statutory_days' } }] });
    const { raw } = await bothWays(r, [
      { promised_days: 12, statutory_days: 10 },
      { promised_days: 12, statutory_days: null },
      { promised_days: 12, statutory_days: undefined },
      { promised_days: 5, statutory_days: 10 },
    ]);
    // 12 > null holds (null counts as 0), 12 > undefined does not.
    expect(raw.map((f) => f.conditions[0]!.expected)).toEqual([10, null]);
    const differs = rule({ all: [{ fact: 'promised_days', operator: 'notEqual', value: { fact: 'statutory_days' } }] });
    const { raw: all } = await bothWays(differs, [{ promised_days: 12, statutory_days: 10 }, { promised_days: 12, statutory_days: undefined }]);
    // The engine quotes the written value when the fact's value is undefined.
    expect(all.map((f) => f.conditions[0]!.expected)).toEqual([10, { fact: 'statutory_days' }]);
  });

  it('names the param that supplied a threshold, by the loader\'s pointer map', async () => {
    const r = rule(
      { all: [{ fact: 'visits', operator: 'greaterThanInclusive', value: { param: 'minVisits' } }, { not: { fact: 'kind', operator: 'in', value: { param: 'kinds' } } }] },
      { params: { minVisits: { value: 3, description: { zh: '', en: '' } }, kinds: { value: ['即办件'], description: { zh: '', en: '' } } } },
    );
    const { raw } = await bothWays(r, [{ visits: 3, kind: '承诺件' }]);
    expect(raw[0]!.conditions.map((c) => c.param)).toEqual(['minVisits', 'kinds']);
  });

  it('a fired rule\'s evidence does not share the rule\'s lists', async () => {
    const r = rule({ all: [{ fact: 'kind', operator: 'in', value: ['承诺件'] }] });
    const { raw } = await bothWays(r, [{ kind: '承诺件' }, { kind: '承诺件' }]);
    (raw[0]!.conditions[0]!.expected as string[]).push('changed');
    expect(raw[1]!.conditions[0]!.expected).toEqual(['承诺件']);
    expect((r.resolvedConditions as { all: { value: string[] }[] }).all[0]!.value).toEqual(['承诺件']);
  });
});

describe('errors', () => {
  it('a fact the record lacks: bad-rules naming the record and the fact, word for word as the engine', async () => {
    const message = await errorsBothWays(rule({ all: [{ fact: 'overdue_dayz', operator: 'greaterThan', value: 0 }] }), {});
    expect(message).toMatch(/the case rules could not be evaluated on cases row 2 \(K0\): Undefined fact: overdue_dayz/);
  });

  it('a value naming a missing fact', async () => {
    const message = await errorsBothWays(rule({ all: [{ fact: 'visits', operator: 'equal', value: { fact: 'nope' } }] }), { visits: 1 });
    expect(message).toMatch(/Undefined fact: nope/);
  });

  it('an unknown operator, when reached', async () => {
    const message = await errorsBothWays(rule({ all: [{ fact: 'visits', operator: 'frobnicate', value: 1 }] }), { visits: 1 });
    expect(message).toMatch(/Unknown operator: frobnicate/);
  });

  it('an operator that throws on the data (in over null)', async () => {
    await errorsBothWays(rule({ all: [{ fact: 'kind', operator: 'in', value: null }] }), { kind: '承诺件' });
  });
});

describe('what the compiler does not take runs on the engine', () => {
  const cases: [string, unknown][] = [
    ['a path into a fact', { all: [{ fact: 'missing_fields', operator: 'equal', value: 'contact', path: '$[0]' }] }],
    ['a shared-condition reference', { all: [{ condition: 'shared' }] }],
    ['a group with both all and any', { all: [{ fact: 'visits', operator: 'equal', value: 1 }], any: [{ fact: 'visits', operator: 'equal', value: 2 }] }],
    ['a non-integer priority', { all: [{ fact: 'visits', operator: 'equal', value: 1, priority: 1.5 }] }],
    ['a fact value with a path', { all: [{ fact: 'visits', operator: 'equal', value: { fact: 'missing_fields', path: '$[0]' } }] }],
  ];
  for (const [what, conditions] of cases) {
    it(what, () => {
      expect(() => compileRule(rule(conditions))).toThrow(UnsupportedCondition);
    });
  }

  it('the scope falls back to the engine and gives its findings', async () => {
    const withPath = rule({ all: [{ fact: 'missing_fields', operator: 'equal', value: 'contact', path: '$[0]' }] });
    const plain = ruleOf({ id: 'plain', scope: 'case', conditions: { all: [{ fact: 'visits', operator: 'equal', value: 1 }] } });
    const input = records([{ missing_fields: ['contact'], visits: 1 }, { missing_fields: ['content'], visits: 2 }]);
    const result = await evaluate([withPath, plain], input, ctx);
    expect(result.paths.case).toBe('json-rules-engine');
    expect(result.raw.map((f) => `${f.ruleId}@${f.ref.key}`)).toEqual(['plain@K0', 'probe@K0']);
  });
});

describe('compileRule', () => {
  it('test() then evidence() on the same facts', () => {
    const compiled = compileRule(rule({ all: [{ fact: 'visits', operator: 'greaterThan', value: 2 }, { fact: 'loss', operator: 'greaterThan', value: 0 }] }));
    const values = (facts: Record<string, FactValue>) => compiled.slots.read(facts);
    expect(compiled.test(values({ visits: 3, loss: 1 }))).toBe(true);
    expect(compiled.evidence(values({ visits: 3, loss: 1 }))).toEqual([
      { fact: 'visits', operator: 'greaterThan', expected: 2, actual: 3, result: true },
      { fact: 'loss', operator: 'greaterThan', expected: 0, actual: 1, result: true },
    ]);
    expect(compiled.test(values({ visits: 3, loss: null }))).toBe(false);
  });
});
