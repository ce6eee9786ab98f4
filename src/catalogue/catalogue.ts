/**
 * Library API of the catalogue: entries from a rules folder and the fact library, and one
 * renderer per format. The CLI (`rules list`, `facts`) and the README test call these.
 */
import { loadClauses } from '../rules/clauses.js';
import type { Lang } from '../text.js';
import type { Scope } from '../facts/scopes.js';
import { factEntries } from './fact-entry.js';
import { factsJson, rulesJson } from './json.js';
import { factsMarkdown } from './facts-markdown.js';
import { factsTable } from './facts-table.js';
import { loadValidRuleSet } from '../rules/load.js';
import { catalogueMarkdown } from './readme.js';
import { ruleEntries } from './rule-entry.js';
import { rulesTable } from './rules-table.js';
import type { CatalogueFormat, FactEntry, RuleEntry } from './types.js';

export async function ruleCatalogue(dir: string): Promise<RuleEntry[]> {
  const ruleSet = await loadValidRuleSet(dir);
  return ruleEntries(ruleSet, loadClauses(ruleSet.dir));
}

export function factCatalogue(scope?: Scope): FactEntry[] {
  return factEntries(scope);
}

/** `md` is the whole catalogue page (rules, then facts): what rules/README.md holds. */
export function renderRules(entries: RuleEntry[], format: CatalogueFormat, lang: Lang): string {
  if (format === 'json') return rulesJson(entries);
  if (format === 'md') return catalogueMarkdown(entries, factCatalogue(), lang);
  return rulesTable(entries, lang);
}

export function renderFacts(entries: FactEntry[], format: CatalogueFormat, lang: Lang): string {
  if (format === 'json') return factsJson(entries);
  if (format === 'md') return factsMarkdown(entries, lang, 2).join('\n');
  return factsTable(entries, lang);
}

/** The text of rules/README.md for a rules folder. */
export async function catalogueReadme(dir: string, lang: Lang = 'zh'): Promise<string> {
  return renderRules(await ruleCatalogue(dir), 'md', lang);
}
