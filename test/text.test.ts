/**
 * src/text.ts: the two languages, message templates and the one string order. Each is defined
 * once for the whole tool; the last describe fails when a copy is written out again in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareText, fillTemplate, isLang, LANGS } from '../src/text.js';

const SRC = resolve(import.meta.dirname, '..', 'src');

describe('compareText', () => {
  it('orders by code unit: digits, then upper case, then lower case, then Chinese', () => {
    expect(['b', '张三', 'B', 'a', '2', '10', '李四'].sort(compareText)).toEqual(['10', '2', 'B', 'a', 'b', '张三', '李四']);
  });

  it('is 0 only for equal strings, and antisymmetric', () => {
    expect(compareText('SL-2026-10-0009', 'SL-2026-10-0009')).toBe(0);
    expect(compareText('SL-2026-10-0009', 'SL-2026-10-0010')).toBe(-1);
    expect(compareText('SL-2026-10-0010', 'SL-2026-10-0009')).toBe(1);
    expect(compareText('', 'a')).toBe(-1);
  });

  it('does not follow the locale: 李 (U+674E) sorts before 王 (U+738B) and 张 (U+5F20) before both', () => {
    expect(['王强', '李明', '张丽'].sort(compareText)).toEqual(['张丽', '李明', '王强']);
  });
});

describe('fillTemplate', () => {
  it('fills every {name} that has a value, numbers as written', () => {
    expect(fillTemplate('{row} 行「{header}」: {value}', { row: 14, header: '受理日期', value: '2026/13/01' })).toBe('14 行「受理日期」: 2026/13/01');
  });

  it('leaves a placeholder without a value as written, so the gap shows', () => {
    expect(fillTemplate('共 {n} 条,{missing}', { n: 3 })).toBe('共 3 条,{missing}');
    expect(fillTemplate('{n}', { n: undefined })).toBe('{n}');
  });
});

describe('Lang', () => {
  it('is zh or en, nothing else', () => {
    expect(LANGS).toEqual(['zh', 'en']);
    expect(['zh', 'en', 'ZH', 'cn', '', undefined, 1].map(isLang)).toEqual([true, true, false, false, false, false, false]);
  });
});

describe('defined once for the whole tool', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const sources = files(SRC)
    .filter((f) => !f.includes(`${sep}generated${sep}`))
    .map((f) => ({ file: relative(SRC, f).split(sep).join('/'), text: readFileSync(f, 'utf8') }));
  const where = (pattern: RegExp) => sources.filter((s) => pattern.test(s.text)).map((s) => s.file);

  it('no file writes out the code-unit comparison again: it calls compareText', () => {
    // `a < b ? -1 : a > b ? 1 : 0`, whatever the operands are called.
    expect(where(/<\s*[\w.[\]'"]+\s*\?\s*-1\s*:/)).toEqual(['text.ts']);
  });

  it('no file declares Lang, Localized or fillTemplate of its own', () => {
    expect(where(/\btype Lang\s*=/)).toEqual(['text.ts']);
    expect(where(/\binterface Localized\b|\btype Localized\s*=/)).toEqual(['text.ts']);
    expect(where(/\bfunction fillTemplate\b/)).toEqual(['text.ts']);
  });
});
