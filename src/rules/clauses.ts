/** The clause list (rules/clauses.json): every clause of the seed a rule may cite, and their one order. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR } from '../paths.js';
import { compareText } from '../text.js';
import type { ClauseList } from './seed-clauses.js';

export const CLAUSES_FILE = 'clauses.json';

/** The folder's own clauses.json when it has one, else the shipped list. */
export function loadClauses(dir: string = DEFAULT_RULES_DIR): ClauseList {
  const own = join(dir, CLAUSES_FILE);
  const file = existsSync(own) ? own : join(DEFAULT_RULES_DIR, CLAUSES_FILE);
  return JSON.parse(readFileSync(file, 'utf8')) as ClauseList;
}

/** `失职追究制/二.6` → `失职追究制/二`; an article is its own article. */
export function articleOf(clause: string): string {
  return clause.replace(/\.\d+$/, '');
}

// ---- the one clause order: report, `rules list` and the catalogue all sort by it ----

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十一 → 21; NaN for anything else. */
export function articleNumber(numeral: string): number {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(numeral);
  if (!m || numeral === '') return Number.NaN;
  if (!m[2]) return m[3] ? Number.NaN : NUMERALS[m[1]!]!;
  return (m[1] ? NUMERALS[m[1]]! : 1) * 10 + (m[3] ? NUMERALS[m[3]]! : 0);
}

let shippedRegimes: string[] | undefined;

/** The regimes in the seed's order (rules/clauses.json): 工作人员守则 first, 失职追究制 last. */
export function regimeOrder(): readonly string[] {
  shippedRegimes ??= [...new Set(Object.keys(loadClauses()).map((c) => c.split('/')[0]!))];
  return shippedRegimes;
}

/** `[regime place, article, item]` of `失职追究制/二.10`: the regime's place in the seed, 2, 10. */
function clauseKey(clause: string): [number, number, number] {
  const [regime = '', rest = ''] = clause.split('/');
  const [article = '', item] = rest.split('.');
  const place = regimeOrder().indexOf(regime);
  return [place < 0 ? Number.MAX_SAFE_INTEGER : place, articleNumber(article), item === undefined ? 0 : Number(item)];
}

/**
 * Clauses by regime (the seed's order), then article and item as numbers: 办事公开制/一, 二, 三,
 * 四, 五; 失职追究制/二.2 before 二.10. A regime the seed lacks comes after the known ones, and
 * anything that does not parse falls back to code-unit order, so the order is total and the same
 * on every machine.
 */
export function compareClauses(a: string, b: string): number {
  const ka = clauseKey(a);
  const kb = clauseKey(b);
  if (ka[0] !== kb[0]) return ka[0] - kb[0];
  const ra = a.split('/')[0]!;
  const rb = b.split('/')[0]!;
  if (ra !== rb) return compareText(ra, rb);
  for (let i = 0; i < 3; i++) {
    const x = ka[i]!;
    const y = kb[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) break;
    if (x !== y) return x - y;
  }
  return compareText(a, b);
}
