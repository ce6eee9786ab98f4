/**
 * ajv errors in words (src/rules/schema-messages.ts): the allowed types and forms are listed in
 * each language with that language's "or" (the catalogue's schema.typeOr and schema.or).
 */
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/messages/catalogue.js';
import { reasonOf } from '../../src/rules/schema-messages.js';

function error(keyword: string, params: Record<string, unknown>, extra: Partial<ErrorObject> = {}): ErrorObject {
  return { keyword, params, instancePath: '/value', schemaPath: '#/x', data: true, ...extra } as ErrorObject;
}

describe('reasonOf', () => {
  it('lists the types ajv allows in each language, a type it has no word for as written', () => {
    const e = error('type', { type: 'number,string, weird' });
    expect(render(reasonOf(e), 'zh')).toBe('必须是数值或文本或weird，而不是 true');
    expect(render(reasonOf(e), 'en')).toBe('must be number or string or weird, not true');
  });

  it('names the forms of a oneOf by their titles, following a local $ref, in each language', () => {
    const root = { $defs: { fact: { title: '{"fact": name}' } } };
    const e = error('oneOf', {}, {
      schema: [{ title: 'a literal (text, number, true/false, null or a list)' }, { $ref: '#/$defs/fact' }],
      parentSchema: { title: 'a value' },
    });
    expect(render(reasonOf(e, root), 'zh')).toBe('必须是 字面值（文本、数值、true/false、null 或列表），或 {"fact": name}');
    expect(render(reasonOf(e, root), 'en')).toBe('must be a literal (text, number, true/false, null or a list), or {"fact": name}');
  });

  it('falls back to the combinator’s own title, then to "one of the allowed forms", when a branch has none', () => {
    const untitled = error('anyOf', {}, { schema: [{ title: 'a group: all, any or not' }, {}], parentSchema: { title: 'a group: all, any or not' } });
    expect(render(reasonOf(untitled), 'zh')).toBe('必须是 条件组：all、any 或 not');
    const bare = error('anyOf', {}, { schema: [{}], parentSchema: {} });
    expect(render(reasonOf(bare), 'en')).toBe('must be one of the allowed forms');
  });
});
