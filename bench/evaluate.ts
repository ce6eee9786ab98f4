/**
 * Evaluation benchmark (SPEC §9): synthetic months of 10,000 and 100,000 cases, the shipped
 * rules, buildScopeRecords + evaluate, against the same case predicates in plain TypeScript.
 * Run: npx tsx bench/evaluate.ts [rows...]
 */
import { performance } from 'node:perf_hooks';
import { loadCalendar } from '../src/calendar/load.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { buildScopeRecords } from '../src/facts/build.js';
import { SCOPES } from '../src/facts/scopes.js';
import { gradeFindings } from '../src/grade/grade.js';
import { loadRuleSet } from '../src/rules/load.js';
import type { AuditContext } from '../src/audit/types.js';
import { CASE_PREDICATES } from './case-predicates.js';
import { syntheticLedger } from './synthetic.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000];

/** Peak resident memory of the whole process so far (sizes run smallest first). */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

const { ruleSet, problems } = await loadRuleSet();
if (!ruleSet) throw new Error(`rules did not load: ${problems.length} problems`);
const caseRules = ruleSet.rules.filter((r) => r.scope === 'case');
const calendar = loadCalendar();

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows: string[][] = [];

for (const n of SIZES) {
  const ledger = syntheticLedger(n);
  const ctx: AuditContext = { ledger, calendar, period: '2026-10', asOf: '2026-10-31' };

  const [records, buildMs] = time(() => buildScopeRecords(ctx));
  const [{ raw }, evalMs] = await timeAsync(() => evaluate(ruleSet.rules, records, ctx));
  const [, gradeMs] = time(() => gradeFindings(raw, ruleSet.policy));
  const ruleEvaluations = SCOPES.reduce((sum, s) => sum + records[s].length * ruleSet.rules.filter((r) => r.scope === s).length, 0);

  const [plainHits, plainMs] = time(() => {
    let hits = 0;
    for (const record of records.case) for (const id in CASE_PREDICATES) if (CASE_PREDICATES[id]!(record.facts)) hits++;
    return hits;
  });
  const engineCaseHits = raw.filter((f) => f.scope === 'case').length;
  if (plainHits !== engineCaseHits) console.warn(`! plain predicates found ${plainHits} case findings, the engine ${engineCaseHits}`);

  rows.push([
    fmt(n), `${caseRules.length}/${ruleSet.rules.length}`, fmt(buildMs), fmt(evalMs), fmt(gradeMs),
    fmt((n / evalMs) * 1000), fmt((ruleEvaluations / evalMs) * 1000), fmt((n / plainMs) * 1000), fmt(raw.length), fmt(peakRssMb()),
  ]);
}

const header = ['cases', 'case/all rules', 'build ms', 'evaluate ms', 'grade ms', 'engine rows/s', 'rule evals/s', 'plain TS rows/s', 'findings', 'peak RSS MB'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
