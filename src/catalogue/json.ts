/** The catalogue as JSON for other tools: the entries as they are, no words added. */
import type { FactEntry, RuleEntry } from './types.js';

export function rulesJson(entries: RuleEntry[]): string {
  return JSON.stringify({ rules: entries }, null, 2) + '\n';
}

export function factsJson(entries: FactEntry[]): string {
  return JSON.stringify({ facts: entries }, null, 2) + '\n';
}
