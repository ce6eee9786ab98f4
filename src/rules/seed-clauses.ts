/**
 * Parses the seed work rules (docs/seed/work-rules.zh.md) into the clause list
 * `{ "<regime>/<article>[.<item>]": text }` kept in rules/clauses.json. Run once when the seed
 * changes:  npx tsx src/rules/seed-clauses.ts docs/seed/work-rules.zh.md
 * The JSON is committed so that a run never needs the seed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_RULES_DIR } from '../paths.js';

export type ClauseList = Record<string, string>;

const REGIME = /^##\s+(\S+)/;
const ARTICLE = /^([一二三四五六七八九十]+)、\s*(.*)$/;
const ITEM = /^(\d+)、\s*(.*)$/;

/** A clause's text without the list punctuation that ends it in the seed. */
function clauseText(raw: string): string {
  return raw.trim().replace(/[;;。,,]+$/u, '');
}

export function parseSeedClauses(markdown: string): ClauseList {
  const clauses: ClauseList = {};
  let regime: string | undefined;
  let article: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const r = REGIME.exec(line);
    if (r) {
      regime = r[1];
      article = undefined;
      continue;
    }
    if (!regime) continue;
    const a = ARTICLE.exec(line);
    if (a) {
      article = `${regime}/${a[1]}`;
      clauses[article] = clauseText(a[2]!);
      continue;
    }
    const i = ITEM.exec(line);
    if (i && article) clauses[`${article}.${i[1]}`] = clauseText(i[2]!);
  }
  return clauses;
}

export function writeClausesJson(seedFile: string, outFile = join(DEFAULT_RULES_DIR, 'clauses.json')): ClauseList {
  const clauses = parseSeedClauses(readFileSync(seedFile, 'utf8'));
  writeFileSync(outFile, JSON.stringify(clauses, null, 2) + '\n');
  return clauses;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seed = process.argv[2] ?? join(DEFAULT_RULES_DIR, '..', '..', 'shared', 'seed', 'work-rules.zh.md');
  const clauses = writeClausesJson(seed);
  process.stdout.write(`wrote ${Object.keys(clauses).length} clauses to rules/clauses.json\n`);
}
