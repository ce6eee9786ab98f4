/**
 * The message catalogue (src/messages): every entry speaks both languages with the same
 * placeholders, Chinese with Chinese punctuation and English with ASCII, every key is used
 * somewhere, and nothing forges a message past the types (`as Message`, `as MessageKey`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { MESSAGE_KEYS, MESSAGE_TABLES, msg, render, templateOf, tr, type MessageKey } from '../../src/messages/catalogue.js';
import { CATALOGUE_TEXT, FACT_TYPE_LABELS } from '../../src/catalogue/words.js';
import { DIFF_SHEET_NAMES, DIFF_TEXT } from '../../src/diff/labels.js';
import { LANGS, type Localized } from '../../src/text.js';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [{ file: relative(SRC, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }] : [];
  });
}

const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** Han characters and the full-width punctuation a Chinese sentence is written with. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]/;
const FULL_WIDTH_PUNCTUATION = /[，：；（）“”、。？！]/;

/**
 * ASCII sentence punctuation in a Chinese template: `,;:?!()` touching a Chinese character
 * (`原因:`, `(参数`), or ASCII quotes around Chinese words (`"是"`). ASCII quotes around code
 * (`"grade"`, `{"param": name}`) and punctuation inside code (`HEAD~1:rules`) are left alone.
 */
function asciiPunctuationInChinese(template: string): string[] {
  const text = template.replace(/\{\w+\}/g, 'x');
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/[,;:?!()]/.test(text[i]!)) continue;
    const before = text.slice(0, i).trimEnd().slice(-1);
    const after = text.slice(i + 1).trimStart().slice(0, 1);
    if (CHINESE.test(before) || CHINESE.test(after)) found.push(text.slice(Math.max(0, i - 6), i + 7));
  }
  for (const quoted of text.matchAll(/"([^"]*)"/g)) if (CHINESE.test(quoted[1]!)) found.push(quoted[0]);
  return found;
}

describe('every entry of the catalogue', () => {
  it('has a Chinese and an English template, neither empty nor padded', () => {
    for (const key of MESSAGE_KEYS) {
      for (const lang of LANGS) {
        const t = templateOf(key, lang);
        expect(t.trim(), `${key} ${lang}`).not.toBe('');
      }
    }
    expect(MESSAGE_KEYS.length).toBeGreaterThan(300);
  });

  it('has the same placeholders in both languages', () => {
    const different = MESSAGE_KEYS.filter((key) => placeholders(templateOf(key, 'zh')).join() !== placeholders(templateOf(key, 'en')).join());
    expect(different).toEqual([]);
  });

  it('writes Chinese with full-width punctuation (，：（）“”) and English with ASCII', () => {
    const chinese = MESSAGE_KEYS.flatMap((key) => asciiPunctuationInChinese(templateOf(key, 'zh')).map((at) => `${key}: …${at}…`));
    expect(chinese).toEqual([]);
    const english = MESSAGE_KEYS.filter((key) => FULL_WIDTH_PUNCTUATION.test(templateOf(key, 'en')));
    expect(english).toEqual([]);
  });

  it('is in one table only (a key in two would take the later one’s words)', () => {
    const all = Object.values(MESSAGE_TABLES).flatMap((table) => Object.keys(table));
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(all)).toEqual(new Set(MESSAGE_KEYS));
  });

  it('is used by the code: its key is written out in src/, or its family is picked by a template literal', () => {
    const code = sourceFiles(SRC).filter((f) => !f.file.startsWith('messages/')).map((f) => f.text).join('\n');
    const families = [...code.matchAll(/`([a-z][\w.]*\.)\$\{/g)].map((m) => m[1]!);
    const unused = MESSAGE_KEYS.filter((key) => !code.includes(`'${key}'`) && !families.some((f) => key.startsWith(f)));
    expect(unused).toEqual([]);
  });

});

describe('the older { zh, en } tables the terminal prints (rules diff, rules list, facts)', () => {
  const tables: Record<string, Record<string, Localized>> = { DIFF_TEXT, DIFF_SHEET_NAMES, CATALOGUE_TEXT, FACT_TYPE_LABELS };

  it('have both languages with the same placeholders and the same punctuation rules as the catalogue', () => {
    for (const [name, table] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(table)) {
        expect(text.zh.trim(), `${name}.${key}`).not.toBe('');
        expect(text.en.trim(), `${name}.${key}`).not.toBe('');
        expect(placeholders(text.zh), `${name}.${key}`).toEqual(placeholders(text.en));
        expect(asciiPunctuationInChinese(text.zh), `${name}.${key}`).toEqual([]);
        expect(text.en, `${name}.${key}`).not.toMatch(FULL_WIDTH_PUNCTUATION);
      }
    }
  });
});

describe('the punctuation check itself', () => {
  it('catches ASCII punctuation in Chinese sentences and lets code through', () => {
    expect(asciiPunctuationInChinese('缺少工作表 {sheets},本规则未运行')).toHaveLength(1);
    expect(asciiPunctuationInChinese('原因:{leaves}')).toHaveLength(1);
    expect(asciiPunctuationInChinese('规则 (参数 {name})')).toHaveLength(1);
    expect(asciiPunctuationInChinese('值为 "是"')).toEqual(['"是"']);
    expect(asciiPunctuationInChinese('规则格式不支持 "priority"：请删除')).toEqual([]);
    expect(asciiPunctuationInChinese('请写成 --as-of 2026-10-31，例如 HEAD~1:rules')).toEqual([]);
    expect(asciiPunctuationInChinese('请加入 { "fact": "{fact}", "operator": "in" }')).toEqual([]);
  });
});

describe('msg, render and tr', () => {
  it('render fills placeholders in the chosen language; lists, texts in both languages and nested messages follow it', () => {
    const m = msg('ledger.noCasesSheet', { file: 'a.xlsx', sheets: ['考勤', 'Sheet1'] });
    expect(render(m, 'en')).toBe('a.xlsx: no 办件台账 (cases) sheet; sheets found: 考勤, Sheet1');
    expect(render(m, 'zh')).toBe('a.xlsx：没有办件台账（cases）工作表；现有工作表：考勤、Sheet1');
    const nested = msg('calendar.outside', { what: msg('calendar.outside.date', { date: '2031-01-02' }), years: ['2026', '2027'], year: '2031' });
    expect(render(nested, 'zh')).toBe('2031-01-02 不在工作日日历范围内（已载入年份：2026、2027）；2031 年的工作日未知');
    expect(tr('en', 'rules.notEvaluable', { scope: { zh: '办件', en: 'case' }, sheet: 'cases', row: 2, key: 'K', reason: 'r' })).toBe(
      'the case rules could not be evaluated on cases row 2 (K): r',
    );
  });

  it('a message is plain data: it survives JSON and structuredClone (worker threads, manifests)', () => {
    const m = msg('batch.tooLarge', { input: 'a.xlsx', mb: '61.0', max: '50' });
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    expect(render(structuredClone(m), 'zh')).toBe('a.xlsx 有 61.0 MB，超过批量审计的上限 50 MB');
  });

  it('a key the catalogue no longer has (an old manifest) shows as itself rather than vanishing', () => {
    expect(render({ key: 'gone.key' as MessageKey, params: { n: 1 } }, 'zh')).toBe('gone.key {"n":1}');
  });
});

describe('DutyAuditError', () => {
  it('carries its message and hint as keys and renders them in either language; message and hint are the English', () => {
    const err = new DutyAuditError('empty-file', msg('ledger.empty', { file: 'x.xlsx' }), { file: 'x.xlsx', hint: msg('ledger.empty.hint') });
    expect(err.code).toBe('empty-file');
    expect(err.file).toBe('x.xlsx');
    expect(err.detail).toEqual({ key: 'ledger.empty', params: { file: 'x.xlsx' } });
    expect(err.fix?.key).toBe('ledger.empty.hint');
    expect(err.message).toBe('x.xlsx: the file is empty (0 bytes)');
    expect(err.hint).toBe('export the ledger again; the file was not written completely');
    expect(err.describe('en')).toBe('x.xlsx: the file is empty (0 bytes)\n  fix: export the ledger again; the file was not written completely');
    expect(err.describe('zh')).toBe('x.xlsx：文件是空的（0 字节）\n  解决办法：请重新导出台账；该文件没有完整写入');
  });
});

describe('messages cannot be forged past the types', () => {
  it('no file outside the catalogue casts to Message or MessageKey', () => {
    const forged = sourceFiles(SRC)
      .filter((f) => f.file !== 'messages/catalogue.ts')
      .filter((f) => /\bas\s+(Message|MessageKey)\b|<(Message|MessageKey)>/.test(f.text))
      .map((f) => f.file);
    expect(forged).toEqual([]);
  });

  it('every DutyAuditError is built from a message of the catalogue (its constructor takes no text)', () => {
    const raw = sourceFiles(SRC).flatMap((f) =>
      [...f.text.matchAll(/new DutyAuditError\(\s*'[\w-]+',\s*(['`"])/g)].map(() => f.file),
    );
    expect(raw).toEqual([]);
  });
});
