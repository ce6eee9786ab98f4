/**
 * Functions that build objects of one fixed list of keys, compiled once from that list into a
 * single object literal.
 *
 * Why: V8 keeps the properties of an object literal inside the object. An object built by
 * spreading a template or key by key keeps only its first four there and the rest in a
 * separate PropertyArray: one more heap object per record and one more indirection per read.
 * An audit holds 100,000 ledger records of ~28 keys and as many fact records of ~45; halving
 * their heap objects is what the garbage collector pays for while the workbook streams in.
 * Keys and constants are JSON-quoted into the generated code, so no key text can escape it.
 */

/** A JSON scalar, or undefined (a key present but unset). */
export type FieldConstant = string | number | boolean | null | undefined;

/** `source[from]`, or `orElse` when that is null or undefined (omit `orElse` to copy as is). */
export interface CopiedField {
  key: string;
  from: string | number;
  orElse?: FieldConstant;
}

/** The same value in every object built. */
export interface ConstantField {
  key: string;
  value: FieldConstant;
}

export type Field = CopiedField | ConstantField;

/** Builds `{ [field.key]: … }` for the fields in order, reading copied fields from `source`. */
export type ObjectFactory<T> = (source: unknown) => T;

export function objectFactory<T = Record<string, unknown>>(fields: readonly Field[]): ObjectFactory<T> {
  // In a literal, `"__proto__": v` sets the prototype instead of making a key.
  if (fields.some((field) => field.key === '__proto__')) throw new Error('objectFactory: "__proto__" cannot be a key of an object literal');
  const entries = fields.map((field) => `${JSON.stringify(field.key)}: ${valueCode(field)}`);
  return new Function('source', `"use strict"; return { ${entries.join(', ')} };`) as ObjectFactory<T>;
}

function valueCode(field: Field): string {
  if ('value' in field) return constantCode(field.value);
  const read = `source[${JSON.stringify(field.from)}]`;
  return 'orElse' in field ? `(${read} ?? ${constantCode(field.orElse)})` : read;
}

function constantCode(value: FieldConstant): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`objectFactory: ${value} is not a JSON number`);
  return JSON.stringify(value);
}
