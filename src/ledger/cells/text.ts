/** Free text, trimmed. Numbers become their digits (phone numbers are often number cells). */
import { rawText, trimmed, type RawValue } from '../raw-value.js';
import { ok, unreadable, type Parsed } from './parsed.js';

export function parseText(value: RawValue): Parsed<string> {
  if (typeof value === 'boolean') return ok(value ? '是' : '否');
  const text = trimmed(rawText(value));
  return text === '' ? unreadable('missing-required') : ok(detached(text));
}

/** V8 copies substrings shorter than this; longer ones are slices that keep their parent alive. */
const SLICE_MIN_LENGTH = 13;

/**
 * The text as a string of its own. The XML parser hands out cell text as slices of the chunk
 * it parsed (tens of kilobytes), so keeping a 100,000-row sheet's ids and notes would keep the
 * whole sheet's XML text in memory (measured: ~190 MB heap for 100,000 case rows, ~1.9 KB a row).
 * Flattening a concatenation copies the characters; the result's parent is that copy.
 */
export function detached(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : (' ' + text).slice(1);
}
