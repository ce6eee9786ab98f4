/** Free text, trimmed. Numbers become their digits (phone numbers are often number cells). */
import { rawText, type RawValue } from '../raw-value.js';
import { ok, unreadable, type Parsed } from './parsed.js';

export function parseText(value: RawValue): Parsed<string> {
  if (typeof value === 'boolean') return ok(value ? '是' : '否');
  const text = rawText(value).trim();
  return text === '' ? unreadable('missing-required') : ok(text);
}
