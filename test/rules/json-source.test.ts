import { evaluate, parse } from '@humanwhocodes/momoa';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/messages/catalogue.js';
import { hasNode, joinPointer, locate, parseJsonSource, pointerSegments, type JsonSource } from '../../src/rules/json-source.js';

function parsed(text: string): JsonSource {
  const r = parseJsonSource(text);
  if (!r.ok) throw new Error(render(r.reason, 'en'));
  return r.source;
}

const TEXT = ['{', '  "id": "x",', '  "params": {', '    "a/b": { "value": 1 }', '  },', '  "list": [10, { "k": true }]', '}'].join('\n');

describe('parseJsonSource', () => {
  it('gives the value and keeps positions', () => {
    const s = parsed(TEXT);
    expect(s.value).toEqual({ id: 'x', params: { 'a/b': { value: 1 } }, list: [10, { k: true }] });
  });

  it('reports bad JSON at the parser position without the position in the reason', () => {
    const r = parseJsonSource('{\n  "a": 1,\n}');
    expect(r).toMatchObject({ ok: false, position: { line: 3, column: 1 } });
    if (r.ok) return;
    expect(r.reason.key).toBe('json.unexpectedToken');
    expect(render(r.reason, 'en')).toBe('Unexpected token RBrace found.');
    expect(render(r.reason, 'zh')).toBe('此处不应出现“}”');
  });

  it('reports an empty file as bad JSON at 1:1', () => {
    const r = parseJsonSource('');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.position).toEqual({ line: 1, column: 1 });
  });

  it('ignores a UTF-8 BOM so columns match the editor', () => {
    const s = parsed('\ufeff{"id": 1}');
    expect(locate(s, '/id')).toEqual({ line: 1, column: 8 });
  });
});

describe('the value from JSON.parse, positions from momoa on demand', () => {
  const texts = [
    TEXT,
    '\ufeff{"a": 1}',
    '{"dup": 1, "dup": [2, {"dup": "x", "dup": "y"}], "__proto__": {"p": 1}}',
    '{"s": "\\u9648\\ud83d\\ude00 \\"q\\" \\n", "n": [-0, 1e400, 0.1, 12345678901234567890], "e": {}, "l": []}',
  ];

  it.each(texts)('gives the value momoa gives for %j', (text) => {
    const body = text.startsWith('\ufeff') ? text.slice(1) : text;
    expect(parsed(text).value).toStrictEqual(evaluate(parse(body, { mode: 'json' }).body));
  });

  it('keeps an own "__proto__" key as data, as momoa does', () => {
    const value = parsed(texts[2]!).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['dup', '__proto__']);
  });

  it('parses the text for positions once, the first time one is asked for', () => {
    const s = parsed(TEXT);
    const first = s.document;
    expect(s.document).toBe(first);
    expect(locate(s, '/params/a~1b/value')).toEqual({ line: 4, column: 23 });
  });
});

describe('locate', () => {
  const s = parsed(TEXT);

  it('points at a value node', () => {
    expect(locate(s, '/id')).toEqual({ line: 2, column: 9 });
    expect(locate(s, '/list/1/k')).toEqual({ line: 6, column: 23 });
  });

  it('points at the key of a member when asked', () => {
    expect(locate(s, '/params', 'key')).toEqual({ line: 3, column: 3 });
    expect(locate(s, '/list/1/k', 'key')).toEqual({ line: 6, column: 18 });
  });

  it('an array element has no key: its value is the place', () => {
    expect(locate(s, '/list/1', 'key')).toEqual({ line: 6, column: 16 });
  });

  it('the root is the whole document', () => {
    expect(locate(s, '')).toEqual({ line: 1, column: 1 });
    expect(locate(s, '', 'key')).toEqual({ line: 1, column: 1 });
  });

  it('decodes ~1 in pointers (keys holding a slash)', () => {
    expect(locate(s, joinPointer('/params', 'a/b', 'value'))).toEqual({ line: 4, column: 23 });
  });

  it('stops at the deepest node reached for a pointer past the document', () => {
    expect(locate(s, '/params/missing/deeper')).toEqual({ line: 3, column: 13 });
    expect(hasNode(s, '/params/missing')).toBe(false);
    expect(hasNode(s, '/list/0')).toBe(true);
  });
});

describe('pointers', () => {
  it('round-trip escapes', () => {
    expect(joinPointer('', 'a/b', 'c~d', 0)).toBe('/a~1b/c~0d/0');
    expect(pointerSegments('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(pointerSegments('')).toEqual([]);
  });
});
