/**
 * JSON Schema validation of rule, policy and calendar files (ajv, draft 2020-12, strict, all
 * errors), one problem per error, each at the node it concerns.
 */
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemaPath } from '../paths.js';
import { joinPointer, locate, type JsonSource } from './json-source.js';
import { problem } from './problems.js';
import { describePath, foldErrors, reasonOf } from './schema-messages.js';
import type { RuleProblem } from './types.js';

// ajv and ajv-formats are CommonJS: under NodeNext the default import is module.exports.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export type SchemaName = 'rule.schema.json' | 'policy.schema.json' | 'calendar.schema.json';

const validators = new Map<SchemaName, { validate: ValidateFunction; root: Record<string, unknown> }>();

let shared: InstanceType<typeof Ajv2020> | undefined;

/**
 * One ajv for the three schemas (their $ids differ): an instance with its formats costs as
 * much to set up as compiling a small schema, and a rules load compiles all three.
 */
function sharedAjv(): InstanceType<typeof Ajv2020> {
  if (!shared) {
    // strictRequired is off: `required` inside if/then/oneOf branches names properties
    // declared by the enclosing schema, which is the idiomatic way to say "exactly one of".
    // code.optimize is off: its passes only tidy the generated code, and cost more time than
    // they save when each schema is compiled once per run (measured: ~0.05 s of ~0.2 s).
    shared = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true, code: { optimize: false } });
    addFormats(shared);
  }
  return shared;
}

function validator(name: SchemaName): { validate: ValidateFunction; root: Record<string, unknown> } {
  let v = validators.get(name);
  if (!v) {
    const ajv = sharedAjv();
    const root = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as Record<string, unknown>;
    v = { validate: ajv.compile(root), root };
    validators.set(name, v);
  }
  return v;
}

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
  return problem(file, at, 'schema', `${describePath(where)} ${reasonOf(e, root)}`);
}

/** Every schema violation of a parsed file; empty when it conforms. */
export function checkSchema(
  name: SchemaName,
  file: string,
  source: JsonSource,
  reportedElsewhere: (e: ErrorObject) => boolean = () => false,
): RuleProblem[] {
  const { validate, root } = validator(name);
  if (validate(source.value)) return [];
  return foldErrors(validate.errors ?? [], root)
    .filter((e) => !reportedElsewhere(e))
    .map((e) => toProblem(file, source, e, root));
}
