/**
 * Phones in reports are personal data (docs/ledger.md): shown as 138****1234 unless --no-mask.
 * Masking applies to the phone/contact facts, to those values wherever a message quotes them,
 * and to any mainland mobile number found in free text: messages, other text facts, the 预警
 * sheet's 延期原因 and data issue values.
 */
import type { FactValue } from '../facts/types.js';

/** Facts holding a person's phone number. */
export const PHONE_FACTS: ReadonlySet<string> = new Set(['phone', 'contact']);

const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** Keeps the first 3 and last 4 characters: 13812341234 → 138****1234. */
export function maskPhone(value: string): string {
  const v = value.trim();
  if (v.length <= 7) return '****';
  return `${v.slice(0, 3)}****${v.slice(-4)}`;
}

/** Masks every mobile number inside a text, and each of `known` verbatim. */
export function maskText(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const value of known) {
    if (value.trim().length > 0) out = out.split(value).join(maskPhone(value));
  }
  return out.replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`);
}

/** Facts that are a record's own id, kept as its `ref.key` shows it. */
const ID_FACTS: ReadonlySet<string> = new Set(['case_id', 'complaint_id']);

/**
 * A fact as a report may show it: a phone fact masked whole; any other text with its mobile
 * numbers masked, as the message quoting it is. A number typed into 延期原因 or 事由 was masked
 * in the finding's words and shown whole in its facts and conditions.
 */
export function maskFactValue(name: string, value: FactValue): FactValue {
  if (value === null) return value;
  if (PHONE_FACTS.has(name)) {
    if (typeof value === 'string') return maskPhone(value);
    if (typeof value === 'number') return maskPhone(String(value));
    return value;
  }
  if (ID_FACTS.has(name)) return value;
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? maskText(v) : v));
  return value;
}

/** The raw phone values among a record's facts, to be masked wherever they are quoted. */
export function phoneValues(facts: Record<string, FactValue>): string[] {
  const out: string[] = [];
  for (const name of PHONE_FACTS) {
    const v = facts[name];
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
  }
  return out;
}

export function maskFacts(facts: Record<string, FactValue>): Record<string, FactValue> {
  return Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, maskFactValue(k, v)]));
}
