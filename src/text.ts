/**
 * Words and their order, shared by every layer: the two report languages, a text in both, the
 * `{name}` templates every message is written in, and the one string order the tool sorts by.
 * At the bottom of the layers (docs/ARCHITECTURE.md) so that the ledger's issue messages, the
 * rules' titles, the evidence and the reports all speak the same two languages.
 */

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** A text in both languages: findings are data, and their words are rendered in either. */
export interface Localized {
  zh: string;
  en: string;
}

/**
 * Fills `{name}` placeholders of a message template. A placeholder without a value is left as
 * written, so a missing value shows in the text instead of vanishing.
 */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number | undefined>>): string {
  // Own properties only: `{constructor}` would otherwise print Object's constructor.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (!Object.hasOwn(vars, name) || vars[name] === undefined ? whole : String(vars[name])));
}

/**
 * Characters that show nothing or only steer the direction of text: zero-width spaces and
 * joiners, the soft hyphen, word joiners, the byte-order mark, and the bidirectional marks,
 * embeddings, overrides and isolates. Pasted names carry them invisibly (from web forms, chat,
 * right-to-left text), and `李明` with a zero-width space is otherwise a second person.
 */
const INVISIBLE_MARKS = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const HAS_INVISIBLE_MARK = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** The text without invisible and direction marks (the same string when it has none). */
export function withoutInvisibleMarks(text: string): string {
  return HAS_INVISIBLE_MARK.test(text) ? text.replace(INVISIBLE_MARKS, '') : text;
}

/**
 * Code-unit order (`<` on strings): the same on every machine and in every locale, unlike
 * localeCompare, so ids, paths and names sort the same wherever a report is made.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
