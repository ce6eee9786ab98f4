/**
 * The last gate for a built record: the ledger schema itself (required, enum, minimum, date
 * format), through ajv in strict mode: the precompiled validators while the schema is unedited,
 * else compiled once per process (src/schemas/validators.ts). `useDefaults` applies the
 * schema's defaults (往返次数 empty → 1), so the default lives in one place.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { buildLedgerValidators } from '../schemas/validators.js';
import { passesFastCheck } from './record-fast-check.js';
import type { DataIssueCode, SheetKey } from './types.js';

/** Built on the first row the fast check does not accept: most workbooks never need them. */
let validators: ReadonlyMap<string, ValidateFunction> | undefined;

export interface SchemaViolation {
  /** The record key of the offending column. */
  column: string;
  /** Absent when only the column's type can say (the caller knows it). */
  code?: DataIssueCode;
  params?: Record<string, string | number>;
}

/** Checks (and completes with defaults) one record; returns what the schema rejects. */
export function validateRecord(sheet: SheetKey, record: Record<string, unknown>): SchemaViolation[] {
  if (passesFastCheck(sheet, record)) return [];
  return validateWithAjv(sheet, record);
}

/** The schema through ajv alone (what validateRecord falls back to). */
export function validateWithAjv(sheet: SheetKey, record: Record<string, unknown>): SchemaViolation[] {
  validators ??= buildLedgerValidators().bySheet;
  const validate = validators.get(sheet)!;
  if (validate(record)) return [];
  return (validate.errors ?? []).map(toViolation);
}

function toViolation(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const column = error.keyword === 'required' ? String(params['missingProperty']) : error.instancePath.slice(1);
  switch (error.keyword) {
    case 'required':
    case 'minLength':
      return { column, code: 'missing-required' };
    case 'minimum':
      return { column, code: 'out-of-range', params: { minimum: Number(params['limit']) } };
    case 'enum':
      return { column, code: 'bad-enum', params: { allowed: (params['allowedValues'] as string[]).join(' / ') } };
    case 'format':
      return { column, code: 'bad-date' };
    default:
      return { column };
  }
}
