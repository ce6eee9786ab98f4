/**
 * ajv errors → plain reasons for reviewers. ajv reports every branch of a `oneOf`/`anyOf`
 * that failed; a reviewer needs one sentence naming the forms allowed, so branch errors are
 * folded into the error of the combinator that owns them.
 */
import type { ErrorObject } from 'ajv';
import { inBoth, msg, render, type Message, type MessageParam } from '../messages/catalogue.js';
import { SCHEMA_FORM_TITLES_ZH } from '../messages/rule-problems.js';
import type { Localized } from '../text.js';
import { pointerSegments } from './json-source.js';

/** Where in the file, in words: `conditions.all[0].value`, or `the file` for the root. */
export function describePath(pointer: string): MessageParam {
  let out = '';
  for (const s of pointerSegments(pointer)) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return out === '' ? msg('schema.theFile') : out;
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

/** A schema title in both languages: the English as the schema writes it. */
function titleWords(title: string): Localized {
  return { zh: SCHEMA_FORM_TITLES_ZH[title] ?? title, en: title };
}

function formsOf(e: ErrorObject, root: SchemaNode | undefined): MessageParam {
  const branches = (e.schema as SchemaNode[] | undefined) ?? [];
  const titles = branches.map((b) => titleOf(b, root)).filter((t): t is string => typeof t === 'string');
  const own = (e.parentSchema as SchemaNode | undefined)?.title;
  if (titles.length === branches.length && titles.length > 0) {
    return joined(titles.map(titleWords), msg('schema.or'));
  }
  return own === undefined ? msg('schema.anyForm') : titleWords(own);
}

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

/** `integer`, `number or string` as ajv lists them, in words. */
function typeWords(types: string): Localized {
  const words = types.split(',').map((t): Localized => {
    const name = t.trim();
    return (JSON_TYPES as readonly string[]).includes(name) ? inBoth(msg(`schema.type.${name as (typeof JSON_TYPES)[number]}`)) : { zh: name, en: name };
  });
  return joined(words, msg('schema.typeOr'));
}

/** Words joined by `separator`, each language with its own. */
function joined(words: readonly Localized[], separator: Message): Localized {
  const sep = inBoth(separator);
  return { zh: words.map((w) => w.zh).join(sep.zh), en: words.map((w) => w.en).join(sep.en) };
}

/** The reason, without the place (the place is carried in line:column and the path). */
export function reasonOf(e: ErrorObject, root?: SchemaNode): Message {
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as { examples?: unknown[]; description?: string } | undefined;
  switch (e.keyword) {
    case 'required':
      return msg('schema.required', { name: String(p['missingProperty']) });
    case 'additionalProperties':
      return msg('schema.additionalProperty', { name: String(p['additionalProperty']) });
    case 'false schema':
      return msg('schema.notAllowed');
    case 'type':
      return msg('schema.type', { type: typeWords(String(p['type'])), value: quote(e.data) });
    case 'enum':
      return msg('schema.enum', { values: (p['allowedValues'] as unknown[]).map(quote), value: quote(e.data) });
    case 'const':
      return msg('schema.const', { value: quote(p['allowedValue']) });
    case 'pattern': {
      const example = parent?.examples?.[0];
      return example === undefined ? msg('schema.pattern', { value: quote(e.data) }) : msg('schema.patternExample', { value: quote(e.data), example: quote(example) });
    }
    case 'minItems':
      return p['limit'] === 1 ? msg('schema.minItems.one') : msg('schema.minItems', { n: String(p['limit']) });
    case 'minProperties':
      return p['limit'] === 1 ? msg('schema.minProperties.one') : msg('schema.minProperties', { n: String(p['limit']) });
    case 'minLength':
      return p['limit'] === 1 ? msg('schema.notEmpty') : msg('schema.minLength', { n: String(p['limit']) });
    case 'minimum':
      return msg('schema.minimum', { limit: String(p['limit']), value: quote(e.data) });
    case 'maximum':
      return msg('schema.maximum', { limit: String(p['limit']), value: quote(e.data) });
    case 'oneOf':
    case 'anyOf':
      return msg('schema.forms', { forms: formsOf(e, root) });
    case 'not':
      return msg('schema.notProperty');
    case 'format':
      return msg('schema.format', { value: quote(e.data), format: String(p['format']) });
    default:
      return e.message === undefined ? msg('schema.invalid') : msg('schema.ajvSays', { reason: e.message });
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
    const key = `${e.instancePath}|${render(reasonOf(e, root), 'en')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
