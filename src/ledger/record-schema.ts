/**
 * The last gate for a built record: the ledger schema itself (required, enum, minimum, date
 * format), through ajv in strict mode: the precompiled validators while the schema is unedited,
 * else compiled once per process (src/schemas/validators.ts). `useDefaults` applies the
 * schema's defaults (往返次数 empty → 1), so the default lives in one place.
 *
 * Every record goes through ajv. A hand-written quick yes for the rows ajv would accept ran
 * before it until issue #15: with the validators precompiled, ajv takes 130–240 ms of CPU per
 * 100,000 case records (micro-measure on a busy machine, median of 15: 226–238 ms), ~3% of
 * reading them, and the quick yes saved less than that, which bench/import.ts could not tell
 * from noise (docs/performance.md).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { buildLedgerValidators } from '../schemas/validators.js';
import type { DataIssueCode, SheetKey } from './types.js';

/** Loaded on the first record: a run that reads no ledger (rules validate) never needs them. */
let validators: ReadonlyMap<string, ValidateFunction> | undefined;

export interface SchemaViolation {
  /** The record key of the offending column. */
  column: string;
  /** Absent when only the column's type can say (the caller knows it). */
  code?: DataIssueCode;
  params?: Record<string, string | number>;
}

const NONE: readonly SchemaViolation[] = Object.freeze([]);

/** Checks (and completes with defaults) one record; returns what the schema rejects. */
export function validateRecord(sheet: SheetKey, record: Record<string, unknown>): readonly SchemaViolation[] {
  validators ??= buildLedgerValidators().bySheet;
  const validate = validators.get(sheet)!;
  if (validate(record)) return NONE;
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
