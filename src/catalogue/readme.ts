/**
 * rules/README.md: the rule catalogue then the fact catalogue, generated from the same entries
 * as `duty-audit rules list`, so the page cannot drift from the rules (a test regenerates it and
 * compares). `duty-audit rules list --format md` prints exactly this text; `--write` writes it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../text.js';
import { factsMarkdown } from './facts-markdown.js';
import { ct } from './labels.js';
import { rulesMarkdown } from './rules-markdown.js';
import type { FactEntry, RuleEntry } from './types.js';

export const README_FILE = 'README.md';
export const README_COMMAND = 'duty-audit rules list --write';

export function catalogueMarkdown(rules: RuleEntry[], facts: FactEntry[], lang: Lang): string {
  const lines = [
    `<!-- ${ct('generated', 'en', { command: README_COMMAND })} -->`,
    '',
    `# ${ct('rulesHeading', lang)}`,
    '',
    ct('generated', lang, { command: README_COMMAND }),
    '',
    ...rulesMarkdown(rules, lang, 2),
    `# ${ct('factsHeading', lang)}`,
    '',
    ...factsMarkdown(facts, lang, 2),
  ];
  return lines.join('\n');
}

/** Writes the page into the rules folder; returns its path. */
export async function writeCatalogueReadme(dir: string, text: string): Promise<string> {
  const file = join(dir, README_FILE);
  await writeFile(file, text);
  return file;
}
