/**
 * ajv errors → plain reasons for reviewers. ajv reports every branch of a `oneOf`/`anyOf`
 * that failed; a reviewer needs one sentence naming the forms allowed, so branch errors are
 * folded into the error of the combinator that owns them.
 */
import type { ErrorObject } from 'ajv';
import { pointerSegments } from './json-source.js';

/** Where in the file, in words: `conditions.all[0].value`, or `the file` for the root. */
export function describePath(pointer: string): string {
  let out = '';
  for (const s of pointerSegments(pointer)) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return out === '' ? 'the file' : out;
}

function quote(v: unknown): string {
  return JSON.stringify(v);
}

type SchemaNode = { title?: string; $ref?: string; [k: string]: unknown };

/** A branch's title, following a local `$ref` ("#/$defs/name") into the root schema. */
function titleOf(branch: SchemaNode, root: SchemaNode | undefined): string | undefined {
  if (branch.title) return branch.title;
  const ref = branch.$ref;
  if (!ref || !root || !ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const seg of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[seg];
  return (node as SchemaNode | undefined)?.title;
}

function formsOf(e: ErrorObject, root: SchemaNode | undefined): string {
  const branches = (e.schema as SchemaNode[] | undefined) ?? [];
  const titles = branches.map((b) => titleOf(b, root)).filter((t): t is string => typeof t === 'string');
  const own = (e.parentSchema as SchemaNode | undefined)?.title;
  if (titles.length === branches.length && titles.length > 0) return titles.join(', or ');
  return own ?? 'one of the allowed forms';
}

/** The reason, without the place (the place is carried in line:column and the path). */
export function reasonOf(e: ErrorObject, root?: SchemaNode): string {
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as { examples?: unknown[]; description?: string } | undefined;
  switch (e.keyword) {
    case 'required':
      return `is missing "${String(p['missingProperty'])}"`;
    case 'additionalProperties':
      return `has an unknown property "${String(p['additionalProperty'])}"`;
    case 'false schema':
      return 'is not allowed here';
    case 'type':
      return `must be ${String(p['type']).replace(/,/g, ' or ')}, not ${quote(e.data)}`;
    case 'enum':
      return `must be one of ${(p['allowedValues'] as unknown[]).map(quote).join(', ')}, not ${quote(e.data)}`;
    case 'const':
      return `must be ${quote(p['allowedValue'])}`;
    case 'pattern': {
      const example = parent?.examples?.[0];
      return `${quote(e.data)} is not in the expected form${example === undefined ? '' : `, e.g. ${quote(example)}`}`;
    }
    case 'minItems':
      return `must have at least ${String(p['limit'])} item${p['limit'] === 1 ? '' : 's'}`;
    case 'minProperties':
      return `must have at least ${String(p['limit'])} entr${p['limit'] === 1 ? 'y' : 'ies'}`;
    case 'minLength':
      return p['limit'] === 1 ? 'must not be empty' : `must be at least ${String(p['limit'])} characters long`;
    case 'minimum':
      return `must be ≥ ${String(p['limit'])}, not ${quote(e.data)}`;
    case 'maximum':
      return `must be ≤ ${String(p['limit'])}, not ${quote(e.data)}`;
    case 'oneOf':
    case 'anyOf':
      return `must be ${formsOf(e, root)}`;
    case 'not':
      return 'has a property that is not allowed here';
    case 'format':
      return `${quote(e.data)} is not a valid ${String(p['format'])}`;
    default:
      return e.message ?? 'is invalid';
  }
}

function isUnder(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(parent + '/');
}

/**
 * Drops the noise: `if` errors (their then/else branch errors say it), the branch errors of a
 * failed oneOf/anyOf (the combinator's own error names the forms), and exact duplicates.
 * ajv reports a combinator's branch errors just before the combinator's own error, and its
 * schemaPaths restart inside each `$ref`, so branch errors are found by position: the run of
 * errors at or under the combinator's instancePath that immediately precedes it.
 */
export function foldErrors(errors: readonly ErrorObject[], root?: SchemaNode): ErrorObject[] {
  const dropped = new Set<number>();
  errors.forEach((e, i) => {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return;
    for (let j = i - 1; j >= 0 && isUnder(errors[j]!.instancePath, e.instancePath); j--) dropped.add(j);
  });
  const seen = new Set<string>();
  return errors.filter((e, i) => {
    if (dropped.has(i) || e.keyword === 'if') return false;
    const key = `${e.instancePath}|${reasonOf(e, root)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
