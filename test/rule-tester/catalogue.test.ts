/**
 * The shipped rules: they load with no problem, every rule has cases of both kinds, every case
 * holds (one vitest test per case, so a failing case is named), and the clauses docs/duties.md lists
 * are all covered.
 */
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { catalogueGaps, clauseCoverage, REQUIRED_CLAUSES } from '../../src/rule-tester/coverage.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { formatProblem } from '../../src/rules/problems.js';
import { runCase } from '../../src/rule-tester/tester.js';
import { failureLines } from '../../src/rule-tester/report.js';

const { ruleSet, problems } = await loadRuleSet(DEFAULT_RULES_DIR);
const rules = ruleSet?.rules ?? [];
const calendar = loadCalendar();

describe('the shipped rules/ folder', () => {
  it('loads with no problems', () => {
    expect(problems.map((p) => formatProblem(p, 'en'))).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(30);
  });

  it('every rule has cases that must fire and cases that must not', () => {
    const weak = rules.filter((r) => r.cases.fire.length === 0 || r.cases.pass.length === 0).map((r) => r.id);
    expect(weak).toEqual([]);
  });

  it('covers 失职追究制/二.1–二.10, 办事公开制/一–五 and every clause docs/duties.md lists', () => {
    for (let i = 1; i <= 10; i++) expect(REQUIRED_CLAUSES).toContain(`失职追究制/二.${i}`);
    for (const a of ['一', '二', '三', '四', '五']) expect(REQUIRED_CLAUSES).toContain(`办事公开制/${a}`);
    expect(catalogueGaps({ rules })).toEqual([]);
  });

  it('cites clauses of the seed with their words', () => {
    const coverage = new Map(clauseCoverage({ dir: DEFAULT_RULES_DIR, rules }).map((c) => [c.clause, c]));
    for (const r of rules) expect(coverage.get(r.clause)?.rules.map((x) => x.id), r.id).toContain(r.id);
  });
});

for (const rule of rules) {
  describe(`${rule.id} (${rule.clause})`, () => {
    for (const kind of ['fire', 'pass'] as const) {
      rule.cases[kind].forEach((c, i) => {
        it(`cases.${kind}[${i}]: ${c.description}`, async () => {
          const result = runCase(rule, kind, i, c, calendar);
          expect(result.ok, failureLines(result, 'en').join('\n')).toBe(true);
        });
      });
    }
  });
}
