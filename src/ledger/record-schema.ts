/**
 * The last gate for a built record: the ledger schema itself (required, enum, minimum, date
 * format), compiled once per sheet with ajv in strict mode. `useDefaults` applies the schema's
 * defaults (往返次数 empty → 1), so the default lives in one place.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { LEDGER_SCHEMA } from './columns.js';
import { passesFastCheck } from './record-fast-check.js';
import type { DataIssueCode, SheetKey } from './types.js';

/** The schema's own annotations (see ledger.schema.json), known to ajv so strict mode accepts them. */
const ANNOTATION_KEYWORDS = ['x-key', 'x-date', 'x-person', 'x-aliases'];

function compileValidators(): Map<SheetKey, ValidateFunction> {
  // code.optimize off: its passes only tidy the generated code, and a run compiles it once.
  const ajv = new Ajv2020({ strict: true, allErrors: true, useDefaults: true, code: { optimize: false } });
  addFormats.default(ajv, ['date']);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'object'] });
  ajv.addSchema(LEDGER_SCHEMA);
  const id = (LEDGER_SCHEMA as unknown as { $id: string }).$id;
  const validators = new Map<SheetKey, ValidateFunction>();
  for (const key of Object.keys(LEDGER_SCHEMA.$defs) as SheetKey[]) {
    validators.set(key, ajv.getSchema(`${id}#/$defs/${key}`)!);
  }
  return validators;
}

let validators: Map<SheetKey, ValidateFunction> | undefined;

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
  validators ??= compileValidators();
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
