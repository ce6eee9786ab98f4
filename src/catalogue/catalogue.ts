/**
 * Library API of the catalogue: entries from a rules folder and the fact library, and one
 * writer per format (terminal table, Markdown, JSON). The CLI (`rules list`, `facts`) and the
 * README test call these.
 */
import { join } from 'node:path';
import type { Scope } from '../facts/scopes.js';
import { loadValidRuleSet } from '../rules/load.js';
import { writeTextAtomically } from '../output/atomic-file.js';
import type { Lang } from '../text.js';
import { factEntries, ruleEntries, type FactEntry, type RuleEntry } from './entries.js';
import { catalogueMarkdown, factsMarkdown } from './markdown.js';
import { factsTable, rulesTable } from './table.js';

export type CatalogueFormat = 'table' | 'md' | 'json';
export const CATALOGUE_FORMATS: readonly CatalogueFormat[] = ['table', 'md', 'json'];

/** The page in a rules folder that lists its rules and the facts (`rules list --write`). */
export const README_FILE = 'README.md';

export async function ruleCatalogue(dir: string): Promise<RuleEntry[]> {
  const ruleSet = await loadValidRuleSet(dir);
  return ruleEntries(ruleSet);
}

export function factCatalogue(scope?: Scope): FactEntry[] {
  return factEntries(scope);
}

/** `md` is the whole catalogue page (rules, then facts): what rules/README.md holds. */
export function renderRules(entries: RuleEntry[], format: CatalogueFormat, lang: Lang): string {
  if (format === 'json') return JSON.stringify({ rules: entries }, null, 2) + '\n';
  if (format === 'md') return catalogueMarkdown(entries, factCatalogue(), lang);
  return rulesTable(entries, lang);
}

/** JSON is the entries as they are, for other tools: no words added. */
export function renderFacts(entries: FactEntry[], format: CatalogueFormat, lang: Lang): string {
  if (format === 'json') return JSON.stringify({ facts: entries }, null, 2) + '\n';
  if (format === 'md') return factsMarkdown(entries, lang, 2).join('\n');
  return factsTable(entries, lang);
}

/** The text of rules/README.md for a rules folder. */
export async function catalogueReadme(dir: string, lang: Lang = 'zh'): Promise<string> {
  return renderRules(await ruleCatalogue(dir), 'md', lang);
}

/** Writes the page into the rules folder; returns its path. */
export async function writeCatalogueReadme(dir: string, text: string): Promise<string> {
  const file = join(dir, README_FILE);
  await writeTextAtomically(file, text);
  return file;
}
