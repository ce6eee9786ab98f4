/** `duty-audit facts --format table`: one row per fact, in the library's order. */
import type { Lang } from '../text.js';
import { originText } from './fact-text.js';
import { ct, FACT_TYPE_LABELS } from './labels.js';
import { textTable } from './text-table.js';
import type { FactEntry } from './types.js';

export function factsTable(entries: FactEntry[], lang: Lang): string {
  const header = (['scope', 'fact', 'type', 'origin', 'sheets', 'meaning'] as const).map((h) => ct(h, lang));
  const rows = entries.map((f) => [f.scope, f.name, FACT_TYPE_LABELS[f.type][lang], originText(f, lang), f.sheets.join(', '), f.description[lang]]);
  return [...textTable(header, rows), '', ct('factCount', lang, { n: entries.length })].join('\n') + '\n';
}
