/** objectFactory builds objects equal to the key-by-key version, with any key text. */
import { describe, expect, test } from 'vitest';
import { objectFactory } from '../src/object-factory.js';

describe('objectFactory', () => {
  test('copies by index and by name, with fallbacks, and constants, in field order', () => {
    const build = objectFactory([
      { key: 'a', from: 1 },
      { key: 'b', from: 'x', orElse: 7 },
      { key: 'c', from: 'y', orElse: null },
      { key: 'd', value: null },
      { key: 'e', value: undefined },
    ]);
    const byIndex = build(['zero', 'one']);
    expect(Object.keys(byIndex)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(byIndex).toEqual({ a: 'one', b: 7, c: null, d: null, e: undefined });
    expect(build({ 1: 'one', x: 0, y: false })).toEqual({ a: 'one', b: 0, c: false, d: null, e: undefined });
  });

  test('each call returns a new object', () => {
    const build = objectFactory([{ key: 'a', value: null }]);
    const first = build(undefined);
    first['a'] = 1;
    expect(build(undefined)).toEqual({ a: null });
  });

  test('keys and constants that look like code stay data', () => {
    const key = '"}; throw new Error("x"); ({"';
    const build = objectFactory([{ key, from: key }, { key: '受理编号', value: '"\\n</script>' }]);
    const built = build({ [key]: 'ok' });
    expect(built[key]).toBe('ok');
    expect(built['受理编号']).toBe('"\\n</script>');
  });

  test('"__proto__" is refused: in a literal it would set the prototype', () => {
    expect(() => objectFactory([{ key: '__proto__', value: null }])).toThrow(/__proto__/);
  });

  test('a non-JSON number constant is refused', () => {
    expect(() => objectFactory([{ key: 'a', value: Number.NaN }])).toThrow(/not a JSON number/);
  });
});
