/**
 * JSON Schema validation of rule, policy and calendar files (ajv, draft 2020-12, strict, all
 * errors), one problem per error, each at the node it concerns. The validators are the
 * precompiled ones while the schemas are unedited (src/schemas/validators.ts).
 */
import type { ErrorObject } from 'ajv';
import { documentValidator, type DocumentSchemaName } from '../schemas/validators.js';
import { joinPointer, locate, type JsonSource } from './json-source.js';
import { problem } from './problems.js';
import { msg } from '../messages/catalogue.js';
import { describePath, foldErrors, reasonOf } from './schema-messages.js';
import type { RuleProblem } from './types.js';

export type SchemaName = DocumentSchemaName;

function toProblem(file: string, source: JsonSource, e: ErrorObject, root: Record<string, unknown>): RuleProblem {
  const params = e.params as Record<string, unknown>;
  let at;
  let where = e.instancePath;
  if (e.keyword === 'required') {
    at = locate(source, e.instancePath, 'key');
  } else if (e.keyword === 'additionalProperties') {
    where = e.instancePath;
    at = locate(source, joinPointer(e.instancePath, String(params['additionalProperty'])), 'key');
  } else {
    at = locate(source, e.instancePath, 'value');
  }
  return problem(file, at, 'schema', msg('problem.schema', { path: describePath(where), reason: reasonOf(e, root) }));
}

/** Every schema violation of a parsed file; empty when it conforms. */
export function checkSchema(
  name: SchemaName,
  file: string,
  source: JsonSource,
  reportedElsewhere: (e: ErrorObject) => boolean = () => false,
): RuleProblem[] {
  const { validate, root } = documentValidator(name);
  if (validate(source.value)) return [];
  return foldErrors(validate.errors ?? [], root)
    .filter((e) => !reportedElsewhere(e))
    .map((e) => toProblem(file, source, e, root));
}
