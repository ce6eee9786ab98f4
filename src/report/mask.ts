/**
 * Phones in reports are personal data (docs/ledger.md): shown as 138****1234 unless --no-mask.
 * Masking applies to the phone/contact facts, to those values wherever a message quotes them,
 * and to any mainland mobile number found in free text.
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

export function maskFactValue(name: string, value: FactValue): FactValue {
  if (!PHONE_FACTS.has(name) || value === null) return value;
  if (typeof value === 'string') return maskPhone(value);
  if (typeof value === 'number') return maskPhone(String(value));
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
