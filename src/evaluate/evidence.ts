/**
 * Renders a rule's evidence template: `{name}` is a fact of the record (or, failing that, one
 * of the rule's params). null → '—', numbers plain, dates as YYYY-MM-DD, lists joined with 、 (', ' in English),
 * and a coded value in the words the caller gives for it (src/facts/value-labels.ts).
 */
import type { FactValue } from '../facts/types.js';
import type { Lang } from '../text.js';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The words for a coded value (or list item) of the named fact, or undefined to print it as is. */
export type ValueWords = (name: string, value: unknown) => string | undefined;

export function formatValue(value: unknown, lang: Lang, words?: (value: unknown) => string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatValue(v, lang, words)).join(lang === 'zh' ? '、' : ', ');
  const word = words?.(value);
  if (word !== undefined) return word;
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  return String(value);
}

/** The placeholder names of a template, in order, once each. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/** A template split once: literal text at even indexes, placeholder names at odd ones. */
const PARTS = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = PARTS.get(template);
  if (!parts) {
    // split with a capturing group keeps the names between the literal pieces.
    parts = template.split(PLACEHOLDER);
    if (PARTS.size < 10_000) PARTS.set(template, parts);
  }
  return parts;
}

/** An unknown placeholder is left as written so a reviewer sees the typo in the report. */
export function renderTemplate(template: string, lookup: (name: string) => FactValue | undefined, lang: Lang, words?: ValueWords): string {
  const parts = partsOf(template);
  if (parts.length === 1) return parts[0]!;
  // Joined, not appended piece by piece: `+=` leaves a tree of string pieces (a cons string),
  // and every finding keeps its two messages. On 142,500 findings the messages held 89 MB.
  const pieces: string[] = [parts[0]!];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = lookup(name);
    const wordsOf = words && ((item: unknown) => words(name, item));
    pieces.push(value === undefined ? `{${name}}` : formatValue(value, lang, wordsOf), parts[i + 1]!);
  }
  return pieces.join('');
}
