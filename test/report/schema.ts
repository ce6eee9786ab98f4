/** The report JSON schema, compiled once with ajv (draft 2020-12). */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemaPath } from '../../src/paths.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);

export const validateReport = ajv.compile(JSON.parse(readFileSync(schemaPath('report.schema.json'), 'utf8')));

export function schemaErrors(data: unknown): string[] {
  return validateReport(data) ? [] : (validateReport.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
