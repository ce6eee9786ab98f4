/**
 * The calendar file schema (schemas/calendar.schema.json). Its validator is the one the rules
 * check uses (src/schemas/validators.ts: precompiled while the schema is unedited); that one
 * reports every error, and the first is the one ajv stops at when asked for one.
 */
import { msg, type Message } from '../messages/catalogue.js';
import { documentValidator } from '../schemas/validators.js';

export interface SchemaProblem {
  /** JSON pointer into the file (`/holidays/0/from`). */
  pointer: string;
  reason: Message;
}

/** The first schema violation of a parsed calendar file, or undefined when it conforms. */
export function validateCalendarJson(data: unknown): SchemaProblem | undefined {
  const { validate } = documentValidator('calendar.schema.json');
  if (validate(data)) return undefined;
  const e = validate.errors?.[0];
  if (!e) return { pointer: '', reason: msg('calendar.notSchema') };
  // The calendar is checked in words by `rules validate` (src/rules/schema-messages.ts); an audit
  // that meets a broken calendar without it quotes ajv.
  const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : '';
  return { pointer: e.instancePath, reason: e.message === undefined ? msg('schema.invalid') : msg('schema.ajvSays', { reason: `${e.message}${extra}` }) };
}
