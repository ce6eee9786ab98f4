/**
 * Text as a workbook can hold it. Ledger text reaches the reports as it was typed, and XML 1.0
 * forbids some characters outright: control characters other than tab and line breaks, U+FFFE,
 * U+FFFF and unpaired surrogate halves. One U+FFFF from a CSV made sharedStrings.xml not
 * well-formed, and Excel refused the whole report. They are dropped (they show nothing).
 * Excel also holds at most 32,767 characters in a cell and cuts longer text without saying
 * so; here it is cut visibly, ending in a mark in the workbook's language: …（已截断） or
 * …(truncated).
 */
import type { Lang } from '../../text.js';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
export const TRUNCATED_MARK: Record<Lang, string> = { zh: '…（已截断）', en: '…(truncated)' };

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const HAS_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

export function cellText(text: string, lang: Lang): string {
  const clean = HAS_FORBIDDEN.test(text) ? text.replace(FORBIDDEN, '') : text;
  if (clean.length <= MAX_CELL_CHARS) return clean;
  const mark = TRUNCATED_MARK[lang];
  let end = MAX_CELL_CHARS - mark.length;
  // Never split a character made of two UTF-16 units.
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return clean.slice(0, end) + mark;
}

/** A cell value with its text made safe: strings, and the text of rich-text and hyperlink values. */
export function safeCellValue<T>(value: T, lang: Lang): T {
  if (typeof value === 'string') return cellText(value, lang) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (typeof v['text'] === 'string') return { ...v, text: cellText(v['text'], lang) } as T;
  if (Array.isArray(v['richText'])) {
    return { ...v, richText: (v['richText'] as { text: string }[]).map((run) => ({ ...run, text: cellText(run.text, lang) })) } as T;
  }
  return value;
}
