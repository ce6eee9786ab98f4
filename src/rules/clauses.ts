/** The clause list (rules/clauses.json): every clause of the seed a rule may cite. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR } from '../paths.js';
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
