/**
 * The catalogue as a plain-text table for a terminal (`--format table`): one row per rule or
 * fact. Columns are padded to the widest cell by display width (a Chinese character takes two
 * columns), a cell may hold several lines, and a rule runs under the header; `rules diff` prints
 * its tables with the same textTable.
 */
import type { Lang } from '../text.js';
import type { FactEntry, RuleEntry } from './entries.js';
import { ct, FACT_TYPE_LABELS, gradeText, originText, paramText, scopeSubjectText } from './words.js';

/** `duty-audit rules list --format table`: params one per line, ladder steps one per line. */
export function rulesTable(entries: RuleEntry[], lang: Lang): string {
  const header = ['id', 'clause', 'title', 'scopeSubject', 'event', 'params', 'grade'] as const;
  const rows = entries.map((e) => [
    e.id,
    e.clause,
    e.title[lang],
    scopeSubjectText(e, lang),
    e.event,
    e.params.map((p) => paramText(p, lang)).join('\n'),
    gradeText(e.grade, lang, '\n'),
  ]);
  const lines = textTable(header.map((h) => ct(h, lang)), rows);
  return [...lines, '', ct('ruleCount', lang, { n: entries.length })].join('\n') + '\n';
}

/** `duty-audit facts --format table`: one row per fact, in the library's order. */
export function factsTable(entries: FactEntry[], lang: Lang): string {
  const header = (['scope', 'fact', 'type', 'origin', 'sheets', 'meaning'] as const).map((h) => ct(h, lang));
  const rows = entries.map((f) => [f.scope, f.name, FACT_TYPE_LABELS[f.type][lang], originText(f, lang), f.sheets.join(', '), f.description[lang]]);
  return [...textTable(header, rows), '', ct('factCount', lang, { n: entries.length })].join('\n') + '\n';
}

/** East Asian wide and full-width ranges (enough for CJK text, full-width punctuation, emoji). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const GAP = '  ';

/** Renders rows under a header; a cell's `\n` continues it on the next line of the same row. */
export function textTable(header: string[], rows: string[][]): string[] {
  const split = (row: string[]) => header.map((_, i) => (row[i] ?? '').split('\n'));
  const cells = [split(header), ...rows.map(split)];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => Math.max(...r[i]!.map(displayWidth)))));
  const lines: string[] = [];
  const emit = (row: string[][]) => {
    const height = Math.max(...row.map((c) => c.length));
    for (let l = 0; l < height; l++) {
      lines.push(row.map((c, i) => (i === row.length - 1 ? c[l] ?? '' : padEnd(c[l] ?? '', widths[i]!))).join(GAP).trimEnd());
    }
  };
  emit(cells[0]!);
  lines.push(widths.map((w) => '-'.repeat(w)).join(GAP));
  for (const row of cells.slice(1)) emit(row);
  return lines;
}
