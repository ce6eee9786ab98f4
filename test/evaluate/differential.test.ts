/**
 * The compiled path against the reference (json-rules-engine), for every shipped rule: on the
 * sample month through the real reader and fact library, and on thousands of seeded random
 * records per scope. Same rules fired on the same records, byte-identical RawFindings (evidence
 * included), same rule runs.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../src/audit/period.js';
import type { AuditContext } from '../../src/audit/types.js';
import { loadCalendar } from '../../src/calendar/load.js';
import { evaluate, type Evaluation } from '../../src/evaluate/evaluate.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import { SCOPES } from '../../src/facts/scopes.js';
import type { ScopeRecords } from '../../src/facts/types.js';
import { applyAsOf } from '../../src/ledger/as-of.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { SHEET_KEYS, type Ledger } from '../../src/ledger/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { Rule, RuleSet, Scope } from '../../src/rules/types.js';
import { randomRecords } from './random-records.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'samples', '城东社区-2026-10.xlsx');
const RANDOM_PER_SCOPE = 3000;

let ruleSet: RuleSet;
beforeAll(async () => {
  const loaded = await loadRuleSet();
  expect(loaded.problems).toEqual([]);
  ruleSet = loaded.ruleSet!;
});

async function bothWays(rules: readonly Rule[], records: ScopeRecords, ctx: AuditContext): Promise<[Evaluation, Evaluation]> {
  const compiled = await evaluate(rules, records, ctx, { engine: 'compiled' });
  const reference = await evaluate(rules, records, ctx, { engine: 'json-rules-engine' });
  return [compiled, reference];
}

function expectSame(compiled: Evaluation, reference: Evaluation): void {
  // Which rules fired on which records, first: a readable diff when they part.
  const fired = (e: Evaluation) => e.raw.map((f) => `${f.ruleId}@${f.ref.sheet}:${f.ref.row}`);
  expect(fired(compiled)).toEqual(fired(reference));
  expect(compiled.raw).toEqual(reference.raw);
  expect(JSON.stringify(compiled.raw)).toBe(JSON.stringify(reference.raw));
  expect(compiled.runs).toEqual(reference.runs);
}

describe('the sample month', () => {
  it('gives the same findings both ways, every scope compiled', async () => {
    const read = await readLedger(SAMPLE);
    const { period, asOf } = resolvePeriod(read, {});
    const ctx: AuditContext = { ledger: applyAsOf(read, asOf), calendar: loadCalendar(), period, asOf };
    const records = buildScopeRecords(ctx);
    const [compiled, reference] = await bothWays(ruleSet.rules, records, ctx);
    expectSame(compiled, reference);
    expect(Object.values(compiled.paths).every((p) => p === 'compiled')).toBe(true);
    expect(Object.values(reference.paths).every((p) => p === 'json-rules-engine')).toBe(true);
    // Every rule that ran on the sample fired on its planted violation.
    expect(compiled.runs.filter((r) => r.ran && r.hits === 0).map((r) => r.id)).toEqual([]);
    expect(compiled.raw.length).toBeGreaterThan(30);
  });
});

function everySheetLedger(): Ledger {
  const sheets = Object.fromEntries(SHEET_KEYS.map((key) => [key, []]));
  return { source: { file: '/tmp/城东社区-2026-10.xlsx', kind: 'xlsx', parts: [] }, sheets, sheetNames: {}, dataIssues: [], accounts: {} };
}

function onlyScope(scope: Scope, records: ScopeRecords[Scope]): ScopeRecords {
  const all = Object.fromEntries(SCOPES.map((s) => [s, []])) as unknown as ScopeRecords;
  all[scope] = records;
  return all;
}

describe('random records', () => {
  const ctx: AuditContext = { ledger: everySheetLedger(), calendar: loadCalendar(), period: '2026-10', asOf: '2026-10-31' };

  for (const scope of SCOPES) {
    it(`${scope}: ${RANDOM_PER_SCOPE} seeded records give the same findings both ways`, async () => {
      const rules = ruleSet.rules.filter((r) => r.scope === scope);
      expect(rules.length).toBeGreaterThan(0);
      const records = randomRecords(scope, ruleSet.rules, RANDOM_PER_SCOPE, 20261000 + SCOPES.indexOf(scope));
      const [compiled, reference] = await bothWays(rules, onlyScope(scope, records), ctx);
      expectSame(compiled, reference);
      expect(compiled.paths[scope]).toBe('compiled');
      // The data reaches both sides of every rule: it fires on some records and not on others.
      for (const run of compiled.runs) {
        expect.soft(run.hits, `${run.id} fired on no random record`).toBeGreaterThan(0);
        expect.soft(run.hits, `${run.id} fired on every random record`).toBeLessThan(RANDOM_PER_SCOPE);
      }
    });
  }
});
