/** The fact catalogue in Markdown: one table per scope, meanings in both languages. */
import type { Lang } from '../text.js';
import { originText } from './fact-text.js';
import { byScope } from './fact-entry.js';
import { SCOPE_LABELS } from '../facts/scopes.js';
import { ct, FACT_TYPE_LABELS } from './labels.js';
import { mdCode, mdTable } from './markdown.js';
import type { FactEntry } from './types.js';

function factRow(f: FactEntry, lang: Lang): string[] {
  return [mdCode(f.name), FACT_TYPE_LABELS[f.type][lang], originText(f, lang), f.sheets.join(', '), f.description.zh, f.description.en];
}

/** `## <scope>` sections; `level` is the heading depth of each scope. */
export function factsMarkdown(entries: FactEntry[], lang: Lang, level = 2): string[] {
  const header = (['fact', 'type', 'origin', 'sheets', 'meaningZh', 'meaningEn'] as const).map((h) => ct(h, lang));
  const lines: string[] = [];
  for (const [scope, facts] of byScope(entries)) {
    const label = SCOPE_LABELS[scope][lang];
    lines.push(`${'#'.repeat(level)} ${scope}${label === scope ? '' : ` · ${label}`}`, '', ...mdTable(header, facts.map((f) => factRow(f, lang))), '');
  }
  lines.push(ct('factCount', lang, { n: entries.length }), '');
  return lines;
}
