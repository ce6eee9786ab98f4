import type { DataIssueCode } from '../types.js';

/** A cell read as its column's type, or why it could not be (the issue code and template values). */
export type Parsed<T> = { ok: true; value: T } | Unreadable;

export interface Unreadable {
  ok: false;
  code: DataIssueCode;
  params?: Record<string, string | number>;
}

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function unreadable(code: DataIssueCode, params?: Record<string, string | number>): Unreadable {
  return params ? { ok: false, code, params } : { ok: false, code };
}

/** Cell text folded for comparison: full-width → half-width, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFKC').trim();
}
