/**
 * The ajv instances behind every validator, with their options in one place: the generator
 * (`npm run validators`) compiles the committed standalone code with them, and the run-time
 * fallback compiles an edited schema with them, so both paths validate alike.
 *
 * ajv is loaded here on demand only (createRequire, not an import): loading it costs about as
 * much as compiling a small schema, and a run whose schemas match the generated code never
 * needs it.
 */
import { createRequire } from 'node:module';
import type { AnySchemaObject } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import { ledgerFormats } from './ledger-formats.js';

const require = createRequire(import.meta.url);

/** Extra code options, for the generator only (`source`/`esm`/`lines`/`optimize` change no validation). */
export interface CodeOptions {
  source?: boolean;
  esm?: boolean;
  lines?: boolean;
  optimize?: boolean | number;
}

/**
 * Rule, policy and calendar files: strict, every error, verbose (schema-messages.ts reads
 * `schema`, `parentSchema` and `data`). strictRequired is off: `required` inside
 * if/then/oneOf branches names properties declared by the enclosing schema, which is the
 * idiomatic way to say "exactly one of". code.optimize is off here: its passes only tidy the
 * generated code, and cost more time than they save when a schema is compiled once per run.
 * The generator turns it on (standalone.ts), where it costs nothing at run time.
 */
export const DOCUMENT_OPTIONS = {
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  allErrors: true,
  verbose: true,
  code: { optimize: false },
} as const;

/** Ledger records: strict, every error, and `useDefaults` so the schema's defaults land in the record. */
export const LEDGER_OPTIONS = { strict: true, allErrors: true, useDefaults: true, code: { optimize: false } } as const;

/** ledger.schema.json's own annotations, known to ajv so strict mode accepts them. */
export const LEDGER_ANNOTATION_KEYWORDS = ['x-key', 'x-date', 'x-person', 'x-aliases'] as const;

type CodeName = typeof import('ajv/dist/2020.js')['Name'];

function ajvModules(): { Ajv2020: typeof Ajv2020; addFormats: FormatsPlugin; Name: CodeName } {
  // Both are CommonJS; module.exports of ajv-formats is the plugin itself.
  const { Ajv2020: Ajv, Name } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as FormatsPlugin;
  return { Ajv2020: Ajv, addFormats, Name };
}

/** An ajv for rule, policy and calendar files (one instance holds all three: their $ids differ). */
export function documentAjv(code: CodeOptions = {}): Ajv2020 {
  const { Ajv2020: Ajv, addFormats } = ajvModules();
  const ajv = new Ajv({ ...DOCUMENT_OPTIONS, code: { ...DOCUMENT_OPTIONS.code, ...code } });
  addFormats(ajv);
  return ajv;
}

/** What the generated ledger module imports its formats as (standalone.ts adds the import). */
export const LEDGER_FORMATS_BINDING = 'ledgerFormats';

/**
 * An ajv holding the ledger schema as the record gate checks it (recordGateSchema); each
 * sheet's validator is `<$id>#/$defs/<sheet>`. Its formats are ledger-formats.ts's, and
 * standalone code refers to them as `ledgerFormats.<name>`.
 */
export function ledgerAjv(schema: AnySchemaObject, code: CodeOptions = {}): Ajv2020 {
  const { Ajv2020: Ajv, Name } = ajvModules();
  const ajv = new Ajv({ ...LEDGER_OPTIONS, code: { ...LEDGER_OPTIONS.code, ...code, formats: new Name(LEDGER_FORMATS_BINDING) } });
  for (const [name, validate] of Object.entries(ledgerFormats)) ajv.addFormat(name, validate);
  for (const keyword of LEDGER_ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'object'] });
  ajv.addSchema(recordGateSchema(schema));
  return ajv;
}

/**
 * The ledger schema without each sheet's `additionalProperties: false`, which the records the
 * gate sees cannot break: record-factory.ts builds them with the header's column keys, and
 * columns.ts takes the columns from this schema's `properties` (test/ledger/record-schema.test.ts
 * checks every sheet). The check looked up every key of every record, and was about half of
 * what ajv cost: validating 100,000 case records in a fresh process took 140–200 ms of CPU
 * with it and 75–110 ms without (docs/performance.md). The file keeps it, for anyone who
 * checks records of their own against the schema.
 */
export function recordGateSchema(schema: AnySchemaObject): AnySchemaObject {
  const defs = schema['$defs'] as Record<string, AnySchemaObject> | undefined;
  if (defs === undefined) return schema;
  const open = Object.fromEntries(Object.entries(defs).map(([sheet, def]) => {
    const { additionalProperties: _closed, ...rest } = def;
    return [sheet, rest];
  }));
  return { ...schema, $defs: open };
}

/** The reference of one sheet's validator inside the ledger schema. */
export function sheetRef(schemaId: string, sheet: string): string {
  return `${schemaId}#/$defs/${sheet}`;
}
