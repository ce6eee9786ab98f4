/**
 * Chinese text in full-width punctuation: no ASCII , : ; ( ) " inside a Chinese sentence in any
 * zh string the report writes — the sample month's workbook and JSON, and every table of words
 * they are drawn from (the report's labels, the rules' titles and evidence templates, the
 * policy's sanctions, the data-issue catalogue, the words for coded values). Quoted data (“…”),
 * the ledger's own column names (the format's, e.g. 承诺时限(工作日)) and file names are shown as
 * they are and left out of the check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, escalationText, LANGUAGE_NAMES, SHEET_NAMES, TEXT } from '../../src/report/labels.js';
import { FACTS } from '../../src/facts/catalogue.js';
import { codeWords } from '../../src/facts/value-labels.js';
import { ISSUE_TYPES } from '../../src/ledger/issue-codes.js';
import { LEDGER_SCHEMA } from '../../src/ledger/columns.js';
import { loadValidRuleSet } from '../../src/rules/load.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { readBook } from './read-back.js';
import { writeSampleReport } from './sample-report.js';

const HAN = '\\p{Script=Han}';
/** An ASCII mark with a Chinese character (or a full-width mark) on either side. */
const MIXED = new RegExp(`[${HAN}，。；：（）“”、][ ]?[,:;()"]|[,:;()"][ ]?[${HAN}]`, 'u');

/** The ledger's column names, with the unit a workbook may write after one: 承诺时限(工作日). */
const COLUMN_NAMES = Object.values(LEDGER_SCHEMA.$defs)
  .flatMap((sheet) => Object.values(sheet.properties).map((p) => p.title))
  .sort((a, b) => b.length - a.length)
  .map((name) => new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[(（][^)）]*[)）])?`, 'gu'));

/** The text without what is shown as it is: quoted data, ledger column names, file paths. */
function ownWords(text: string): string {
  let out = text.replace(/“[^”]*”/g, '“”');
  for (const name of COLUMN_NAMES) out = out.replace(name, '列');
  return out.replace(/[\w./-]+\.(xlsx|csv|json)/g, 'file');
}

function mixedPunctuation(strings: Iterable<[string, string]>): string[] {
  const bad: string[] = [];
  for (const [where, text] of strings) if (MIXED.test(ownWords(text))) bad.push(`${where}: ${text}`);
  return bad;
}

function* walk(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walk(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* walk(v, `${path}.${k}`);
}

describe('the check itself', () => {
  it('finds ASCII marks inside Chinese and passes full-width ones, quoted data and column names', () => {
    expect(mixedPunctuation([['a', '同一条款本月第2次,上调1级']])).toHaveLength(1);
    expect(mixedPunctuation([['a', 'SL-2026-10-0009:临时救助申请']])).toHaveLength(1);
    expect(mixedPunctuation([['a', '事项"高龄津贴申请"本期']])).toHaveLength(1);
    expect(mixedPunctuation([['a', '扣除当月奖金(按次计)']])).toHaveLength(1);
    expect(mixedPunctuation([['a', '同一条款本月第2次，上调1级；SL-2026-10-0009：临时（按次计）“a,b”']])).toEqual([]);
    expect(mixedPunctuation([['a', '承诺时限(工作日)“abc”不是整数']])).toEqual([]);
    expect(mixedPunctuation([['a', 'samples/城东社区-2026-10.xlsx'], ['b', 'occurrence 2: raised (1)']])).toEqual([]);
  });
});

describe('the sample month in Chinese', () => {
  let cellTexts: [string, string][];
  let json: unknown;

  beforeAll(async () => {
    const report = await writeSampleReport('zh');
    const wb = await readBook(report.xlsx);
    cellTexts = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && cellTexts.push([`${ws.name}!${cell.address}`, cell.value])));
    }
    json = JSON.parse(report.json);
  });

  it('every cell of the workbook', () => {
    expect(cellTexts.length).toBeGreaterThan(500);
    expect(mixedPunctuation(cellTexts)).toEqual([]);
  });

  it('every string of the JSON report', () => {
    expect(mixedPunctuation(walk(json, '$'))).toEqual([]);
  });
});

describe('the words the report draws from', () => {
  it('the report labels: sheet names, column headers, key–value labels, escalation notes', () => {
    const zh = (table: Record<string, { zh: string }>, name: string): [string, string][] => Object.entries(table).map(([k, v]) => [`${name}.${k}`, v.zh]);
    const strings: [string, string][] = [
      ...zh(TEXT, 'TEXT'),
      ...zh(SHEET_NAMES, 'SHEET_NAMES'),
      ...zh(LANGUAGE_NAMES, 'LANGUAGE_NAMES'),
      ...Object.entries(COLUMNS).flatMap(([sheet, cols]) => zh(cols, `COLUMNS.${sheet}`)),
    ];
    for (const [occurrence, steps, capped, raised] of [[2, 0, false, 0], [3, 1, false, 1], [5, 2, true, 1], [3, 1, true, 0]] as const) {
      strings.push([`escalation ${occurrence}`, escalationText({ kind: 'repeat', occurrence, steps, capped }, 'zh', raised)]);
    }
    expect(mixedPunctuation(strings)).toEqual([]);
  });

  it('the shipped rules: titles and evidence templates; the policy: sanctions', async () => {
    const set = await loadValidRuleSet(DEFAULT_RULES_DIR);
    const strings: [string, string][] = set.rules.flatMap((r): [string, string][] => [
      [`${r.file} title`, r.title.zh],
      [`${r.file} evidence`, r.evidence.zh],
    ]);
    for (const [grade, s] of Object.entries(set.policy.sanctions)) strings.push([`policy.sanctions.${grade}`, s.zh]);
    expect(mixedPunctuation(strings)).toEqual([]);
  });

  it('the data-issue catalogue and the words for coded fact values', () => {
    const strings: [string, string][] = ISSUE_TYPES.flatMap((t): [string, string][] => [
      [`${t.code} title`, t.title.zh],
      [`${t.code} message`, t.message.zh],
    ]);
    for (const f of FACTS) {
      strings.push([`${f.scope}.${f.name} codes`, codeWords(f.scope, f.name, 'zh')]);
      if (f.readsIfPresent) strings.push([`${f.scope}.${f.name} without`, f.readsIfPresent.without.zh]);
    }
    expect(mixedPunctuation(strings)).toEqual([]);
  });
});
