/**
 * The validators of our JSON schemas, precompiled when possible: each is the committed
 * standalone code under generated/ while the schema on disk is the text it was generated from,
 * and otherwise the schema compiled now with ajv (same options, see ajv-instances.ts). The
 * precompiled path never loads ajv itself: a rules load used to spend most of its time
 * compiling rule.schema.json (~0.2 s of ~0.3 s).
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import { documentAjv, ledgerAjv, sheetRef } from './ajv-instances.js';
import { pickValidator, type Precompiled, type ValidatorOrigin } from './precompiled.js';
import { LEDGER_SCHEMA_NAME, readSchemaText, type DocumentSchemaName } from './names.js';
import * as calendarModule from './generated/calendar.validator.js';
import * as ledgerModule from './generated/ledger.validator.js';
import * as policyModule from './generated/policy.validator.js';
import * as ruleModule from './generated/rule.validator.js';

export { readSchemaText, type DocumentSchemaName } from './names.js';

const PRECOMPILED_DOCUMENTS: Record<DocumentSchemaName, Precompiled<ValidateFunction>> = {
  'rule.schema.json': ruleModule,
  'policy.schema.json': policyModule,
  'calendar.schema.json': calendarModule,
};

const PRECOMPILED_LEDGER: Precompiled<Readonly<Record<string, ValidateFunction>>> = {
  validate: ledgerModule.validators,
  schemaSha256: ledgerModule.schemaSha256,
};

export interface DocumentValidator {
  validate: ValidateFunction;
  /** The parsed schema (schema-messages.ts follows `$ref`s into it for titles). */
  root: Record<string, unknown>;
  origin: ValidatorOrigin;
}

/**
 * The fallback's one ajv for the three document schemas: an instance with its formats costs
 * as much to set up as compiling a small schema.
 */
let documentsAjv: Ajv2020 | undefined;

function compileDocument(root: Record<string, unknown>): ValidateFunction {
  documentsAjv ??= documentAjv();
  // A schema compiled earlier under the same $id (the text changed since) would be a clash.
  if (typeof root['$id'] === 'string') documentsAjv.removeSchema(root['$id']);
  return documentsAjv.compile(root);
}

/** The validator of one rule, policy or calendar schema given its text (by default, the file on disk). */
export function buildDocumentValidator(name: DocumentSchemaName, schemaText: string = readSchemaText(name)): DocumentValidator {
  const root = JSON.parse(schemaText) as Record<string, unknown>;
  const { validate, origin } = pickValidator(schemaText, PRECOMPILED_DOCUMENTS[name], () => compileDocument(root));
  return { validate, root, origin };
}

const documentValidators = new Map<DocumentSchemaName, DocumentValidator>();

/** The validator of a document schema, built once per process (rules and calendar loads share it). */
export function documentValidator(name: DocumentSchemaName): DocumentValidator {
  let v = documentValidators.get(name);
  if (!v) {
    v = buildDocumentValidator(name);
    documentValidators.set(name, v);
  }
  return v;
}

export interface LedgerValidators {
  /** One validator per sheet key (the keys of the schema's $defs). */
  bySheet: ReadonlyMap<string, ValidateFunction>;
  origin: ValidatorOrigin;
}

function compileLedger(schema: AnySchemaObject): Readonly<Record<string, ValidateFunction>> {
  const ajv = ledgerAjv(schema);
  const out: Record<string, ValidateFunction> = {};
  for (const sheet of Object.keys((schema['$defs'] as object | undefined) ?? {})) out[sheet] = ajv.getSchema(sheetRef(String(schema['$id']), sheet))!;
  return out;
}

/** The ledger schema's per-sheet validators given its text (by default, the file on disk). */
export function buildLedgerValidators(schemaText: string = readSchemaText(LEDGER_SCHEMA_NAME)): LedgerValidators {
  const { validate, origin } = pickValidator(schemaText, PRECOMPILED_LEDGER, () => compileLedger(JSON.parse(schemaText) as AnySchemaObject));
  return { bySheet: new Map(Object.entries(validate)), origin };
}
