/**
 * Choosing between a committed, precompiled validator and compiling the schema now. The
 * generated code is used only while the schema on disk is byte for byte (line endings aside)
 * the text it was generated from, so a reviewer who edits a schema gets their schema, compiled
 * with ajv as before, and never a stale validator.
 */
import { createHash } from 'node:crypto';

/** What each generated module carries: its validator(s) and the hash of the schema text behind them. */
export interface Precompiled<V> {
  validate: V;
  schemaSha256: string;
}

export type ValidatorOrigin = 'precompiled' | 'compiled';

/**
 * SHA-256 (hex) of a schema's text. CRLF is read as LF, so a Windows checkout of the same
 * schema still matches the generated code.
 */
export function schemaSha256(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** The precompiled validator when `schemaText` is the text it was generated from, else `compile()`. */
export function pickValidator<V>(
  schemaText: string,
  precompiled: Precompiled<V>,
  compile: () => V,
): { validate: V; origin: ValidatorOrigin } {
  if (schemaSha256(schemaText) === precompiled.schemaSha256) return { validate: precompiled.validate, origin: 'precompiled' };
  return { validate: compile(), origin: 'compiled' };
}
