/**
 * What the policy schema cannot say about `overlaps` (docs/grading.md, "One act, one finding"):
 * every id names a rule of the folder, a pair names two different rules that can be about one
 * act — the same scope, or a complaint and a case (a complaint names its case by 关联受理编号) —
 * and no pair is listed twice. Each problem points at the id or pair in policy.json.
 */
import { joinPointer, locate, type JsonSource } from './json-source.js';
import { msg } from '../messages/catalogue.js';
import { problem } from './problems.js';
import type { Scope } from '../facts/scopes.js';
import type { RuleProblem } from './types.js';

/** Scopes whose findings can be about one act. */
function canShareAct(a: Scope, b: Scope): boolean {
  if (a === b) return true;
  const pair = new Set([a, b]);
  return pair.has('complaint') && pair.has('case');
}

export function checkOverlaps(file: string, source: JsonSource, scopeOf: ReadonlyMap<string, Scope>): RuleProblem[] {
  const overlaps = (source.value as { overlaps?: unknown }).overlaps;
  if (!Array.isArray(overlaps)) return [];
  const problems: RuleProblem[] = [];
  const seen = new Map<string, number>();
  overlaps.forEach((pair: unknown, n) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((id) => typeof id === 'string')) return; // the schema says so
    const [a, b] = pair as [string, string];
    const at = (k: number) => locate(source, joinPointer('/overlaps', n, k));
    let known = true;
    pair.forEach((id: string, k) => {
      if (scopeOf.has(id)) return;
      known = false;
      problems.push(problem(file, at(k), 'unknown-rule', msg('problem.overlap.unknownRule', { id })));
    });
    if (!known) return;
    if (a === b) {
      problems.push(problem(file, at(1), 'bad-overlap', msg('problem.overlap.self', { id: a })));
      return;
    }
    const [sa, sb] = [scopeOf.get(a)!, scopeOf.get(b)!];
    if (!canShareAct(sa, sb)) {
      problems.push(problem(file, at(1), 'bad-overlap', msg('problem.overlap.scopes', { a, sa, b, sb })));
      return;
    }
    const key = [a, b].sort().join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) problems.push(problem(file, locate(source, joinPointer('/overlaps', n)), 'bad-overlap', msg('problem.overlap.twice', { a, b, first })));
    else seen.set(key, n);
  });
  return problems;
}
