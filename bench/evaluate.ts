/**
 * Evaluation benchmark (docs/performance.md, issue 6): synthetic months of 10,000 and 100,000 cases, the
 * shipped rules over records built once by buildScopeRecords, evaluated three ways:
 *   evaluator         — evaluate() as the audit runs it (src/evaluate/conditions.ts);
 *   json-rules-engine — evaluateByReference(), the reference (`audit --engine reference`);
 *   plain TS          — the case rules hand-written as TypeScript predicates (the floor).
 * Prints rows/s and rule evaluations/s; checks that the evaluator and the reference give the
 * same findings.
 * Run: npx tsx bench/evaluate.ts [rows...]
 */
import { performance } from 'node:perf_hooks';
import { loadCalendar } from '../src/calendar/load.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { evaluateByReference } from '../src/evaluate/reference.js';
import { buildScopeRecords } from '../src/facts/build.js';
import { SCOPES } from '../src/facts/scopes.js';
import type { ScopeRecords, AuditContext } from '../src/facts/types.js';
import { loadRuleSet } from '../src/rules/load.js';
import type { Rule } from '../src/rules/types.js';
import { CASE_PREDICATES } from './case-predicates.js';
import { syntheticLedger } from './synthetic.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000];
/** The evaluator is fast enough to time as the best of a few runs. */
const RUNS = 5;

const { ruleSet, problems } = await loadRuleSet();
if (!ruleSet) throw new Error(`rules did not load: ${problems.length} problems`);
const calendar = loadCalendar();

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

function ruleEvaluations(records: ScopeRecords, rules: readonly Rule[]): number {
  return SCOPES.reduce((sum, s) => sum + records[s].length * rules.filter((r) => r.scope === s).length, 0);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows: string[][] = [];

for (const n of SIZES) {
  const ledger = syntheticLedger(n);
  const ctx: AuditContext = { ledger, calendar, period: '2026-10', asOf: '2026-10-31' };
  const [records, buildMs] = await timed(() => buildScopeRecords(ctx));
  const evaluations = ruleEvaluations(records, ruleSet.rules);
  const caseRules = ruleSet.rules.filter((r) => r.scope === 'case');

  let evaluatorMs = Infinity;
  let evaluated;
  for (let i = 0; i < RUNS; i++) {
    const [result, ms] = await timed(() => evaluate(ruleSet.rules, records, ctx));
    evaluated = result;
    evaluatorMs = Math.min(evaluatorMs, ms);
  }
  const [reference, engineMs] = await timed(() => evaluateByReference(ruleSet.rules, records, ctx));
  if (JSON.stringify(evaluated!.raw) !== JSON.stringify(reference.raw)) console.warn('! the evaluator and json-rules-engine disagree');

  let plainMs = Infinity;
  let plainHits = 0;
  for (let i = 0; i < RUNS; i++) {
    const [hits, ms] = await timed(() => {
      let count = 0;
      for (const record of records.case) for (const id in CASE_PREDICATES) if (CASE_PREDICATES[id]!(record.facts)) count++;
      return count;
    });
    plainHits = hits;
    plainMs = Math.min(plainMs, ms);
  }
  const caseHits = evaluated!.raw.filter((f) => f.scope === 'case').length;
  if (plainHits !== caseHits) console.warn(`! plain predicates found ${plainHits} case findings, evaluate ${caseHits}`);
  const caseEvaluations = records.case.length * caseRules.length;

  rows.push([
    fmt(n), `${caseRules.length}/${ruleSet.rules.length}`, fmt(buildMs), fmt(evaluated!.raw.length),
    fmt(evaluatorMs), fmt((n / evaluatorMs) * 1000), fmt((evaluations / evaluatorMs) * 1000),
    fmt(engineMs), fmt((n / engineMs) * 1000), fmt((evaluations / engineMs) * 1000),
    fmt(plainMs), fmt((records.case.length / plainMs) * 1000), fmt((caseEvaluations / plainMs) * 1000),
    `${(engineMs / evaluatorMs).toFixed(0)}×`,
  ]);
}

const header = [
  'cases', 'case/all rules', 'facts ms', 'findings',
  'evaluator ms', 'rows/s', 'rule evals/s',
  'engine ms', 'rows/s', 'rule evals/s',
  'plain TS ms', 'rows/s', 'rule evals/s (case only)',
  'engine/evaluator',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\nnode ${process.version}; evaluator and plain TS: best of ${RUNS} runs; the engine: one run`);
