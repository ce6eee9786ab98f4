/** The calendar file schema (schemas/calendar.schema.json), compiled once with ajv in strict mode. */
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { schemaPath } from '../paths.js';

// ajv and ajv-formats are CommonJS: under NodeNext the default import is module.exports,
// whose `default` is the class / plugin.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export interface SchemaProblem {
  /** JSON pointer into the file (`/holidays/0/from`). */
  pointer: string;
  reason: string;
}

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(schemaPath('calendar.schema.json'), 'utf8'));
  return ajv.compile(schema);
}

/** The first schema violation of a parsed calendar file, or undefined when it conforms. */
export function validateCalendarJson(data: unknown): SchemaProblem | undefined {
  validator ??= compile();
  if (validator(data)) return undefined;
  const e = validator.errors?.[0];
  if (!e) return { pointer: '', reason: 'does not match the calendar schema' };
  const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : '';
  return { pointer: e.instancePath, reason: `${e.message ?? 'is invalid'}${extra}` };
}
