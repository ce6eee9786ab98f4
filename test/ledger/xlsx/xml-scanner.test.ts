/**
 * The purpose-written XML scanner against saxes (a conforming streaming parser): on the same
 * documents, their UTF-8 bytes cut into chunks anywhere (inside characters too), both report the same elements, attributes and text, and
 * both refuse the same malformed documents. Then the sheet reader's shortcut for common cells
 * against the same sheet read tag by tag.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, test } from 'vitest';
import { ledgerLimits } from '../../../src/ledger/limits.js';
import type { RawValue } from '../../../src/ledger/raw-value.js';
import { SharedStringsHandler } from '../../../src/ledger/xlsx/shared-strings.js';
import { SheetRowsHandler } from '../../../src/ledger/xlsx/sheet-rows.js';
import { XmlError, XmlScanner, type XmlHandler } from '../../../src/ledger/xlsx/xml-scanner.js';
import { composeParts, type BookSpec, type CellSpec } from './helpers/producers.js';

type XmlEvent = ['open', string, [string, string][]] | ['close', string] | ['text', string];

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** UTF-8 bytes, as the scanner is fed (a string is the whole text as one chunk). */
const bytes = (piece: string | Buffer): Buffer => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);

function byScanner(chunks: readonly (string | Buffer)[]): XmlEvent[] {
  const events: XmlEvent[] = [];
  let depth = 0;
  let scanner: XmlScanner;
  const handler: XmlHandler = {
    wantsText: true,
    open(name) {
      depth += 1;
      events.push(['open', name, scanner.attributes().sort()]);
    },
    close(name) {
      depth -= 1;
      events.push(['close', name]);
    },
    text(text) {
      if (depth === 0 || text === '') return;
      const last = events[events.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else events.push(['text', text]);
    },
  };
  scanner = new XmlScanner(handler, ['c', 'v', 'row', 'si', 't'], 1 << 20);
  for (const chunk of chunks) scanner.write(bytes(chunk));
  scanner.end();
  return events;
}

function bySaxes(xml: string): XmlEvent[] {
  const events: XmlEvent[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let depth = 0;
  const text = (value: string) => {
    if (depth === 0 || value === '') return;
    const last = events[events.length - 1];
    if (last?.[0] === 'text') last[1] += value;
    else events.push(['text', value]);
  };
  parser.on('opentag', (node) => {
    depth += 1;
    events.push(['open', local(node.name), Object.entries(node.attributes as Record<string, string>).sort()]);
  });
  parser.on('closetag', (node) => {
    depth -= 1;
    events.push(['close', local(node.name)]);
  });
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return events;
}

/** Cuts the UTF-8 bytes at each given byte offset (the scanner sees the pieces as chunks). */
function cut(xml: string, offsets: number[]): Buffer[] {
  const whole = bytes(xml);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const at of [...offsets].sort((a, b) => a - b)) {
    pieces.push(whole.subarray(from, at));
    from = at;
  }
  pieces.push(whole.subarray(from));
  return pieces;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const HAND_WRITTEN: Record<string, string> = {
  'comments, PIs, CDATA and references': `<?xml version="1.0"?>\r\n<!-- a comment with <tags> & ampersands --><root a="1" b='two'><?pi data?><t>x &lt; y &amp; z &gt; w &quot;&apos; &#x9648;&#38745; &#x1F600;</t><t><![CDATA[<not a tag> & raw]]></t><!----><t/></root>`,
  'white space in tags, > in values, tabs and newlines in values': `<root  a = "x > y"\n b\t=\t'v\tw\nx'  ><c   r="A1"\n/><c r="B1" ></c ></root >`,
  'CRLF and CR line ends in text': `<r><t>line 1\r\nline 2\rline 3\n</t><t xml:space="preserve">  kept  </t></r>`,
  'prefixes and namespaces': `<x:worksheet xmlns:x="urn:a" xmlns:r="urn:b"><x:sheetData><x:row r="1"><x:c r="A1" r:id="7"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  'non-ASCII names and values, characters outside the BMP': `<根 名="陈静"><子>𠀀𪚥 王芳</子></根>`,
  'deep nesting and many siblings': `<a>${'<b><c><d>x</d></c></b>'.repeat(50)}</a>`,
};

function producerParts(): Record<string, string> {
  const rows: CellSpec[][] = [
    ['标题'],
    ['SL-1', new Date(Date.UTC(2026, 9, 3)), { rich: ['陈', '静'] }, { formula: 'A1&"x"', result: 'SL-1x' }, { error: '#N/A' }, true, 12.5, 'a&b<c>'],
    [null, ' 空格 ', { rich: ['王', '芳'], inline: true }],
  ];
  const parts: Record<string, string> = {};
  for (const producer of ['excel', 'libreoffice', 'openpyxl', 'prefixed'] as const) {
    for (const [name, content] of composeParts({ producer, sheets: [{ name: '办件台账', rows, merges: ['A1:H1'] }] })) {
      parts[`${producer} ${name}`] = String(content);
    }
  }
  return parts;
}

const DOCUMENTS = { ...HAND_WRITTEN, ...producerParts() };

describe('the scanner reports what saxes reports', () => {
  test.each(Object.entries(DOCUMENTS))('%s: whole, and cut in two at every byte', (_, xml) => {
    const expected = bySaxes(xml);
    expect(byScanner([xml])).toEqual(expected);
    for (let at = 1; at < Buffer.byteLength(xml); at++) expect(byScanner(cut(xml, [at])), `cut at ${at}`).toEqual(expected);
  });

  test.each(Object.entries(DOCUMENTS))('%s: cut into random chunks of 1–40 bytes', (_, xml) => {
    const expected = bySaxes(xml);
    const random = seeded(xml.length);
    for (let round = 0; round < 20; round++) {
      const offsets: number[] = [];
      for (let at = 1 + Math.floor(random() * 40); at < Buffer.byteLength(xml); at += 1 + Math.floor(random() * 40)) offsets.push(at);
      expect(byScanner(cut(xml, offsets))).toEqual(expected);
    }
  });
});

describe('malformed documents: refused by both', () => {
  test.each([
    ['an end tag that does not match', '<a><b></a></b>'],
    ['a document cut off inside an element', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>'],
    ['a document cut off inside a tag', '<worksheet><sheetData><row r="1"><c r="A'],
    ['a document cut off inside a comment', '<a><!-- never ends'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['a character reference to NUL', '<a>&#0;</a>'],
    ['a character reference to a surrogate', '<a>&#xD800;</a>'],
    ['an attribute without quotes', '<a b=1/>'],
    ['attributes without a space between them', '<a b="1"c="2"/>'],
    ['an attribute without a value', '<a b/>'],
    ['a second root element', '<a/><b/>'],
    ['an end tag with nothing open', '</a>'],
    ['no element at all', '<?xml version="1.0"?>'],
  ])('%s', (_, xml) => {
    expect(() => bySaxes(xml)).toThrow();
    expect(() => byScanner([xml])).toThrow(XmlError);
  });

  test.each([
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE a><a/>'],
    ['entity declarations (billion laughs)', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'],
    ['an external entity (XXE)', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'],
  ])('%s is refused by the scanner (saxes would read the DOCTYPE)', (_, xml) => {
    expect(() => byScanner([xml])).toThrow(/DOCTYPE/);
  });

  test('a tag or text longer than the scanner may hold is refused as too long', () => {
    const scanner = new XmlScanner({ wantsText: true, open() {}, close() {}, text() {} }, [], 1000);
    scanner.write(bytes('<a><t>'));
    expect(() => scanner.write(bytes('x'.repeat(2000)))).toThrow(expect.objectContaining({ tooLong: true }));
  });

  test('the limit counts characters, not bytes: 900 Chinese characters (2,700 bytes) are held, 1,100 are not', () => {
    const text: string[] = [];
    const scanner = new XmlScanner({ wantsText: true, open() {}, close() {}, text: (piece) => text.push(piece) }, [], 1000);
    scanner.write(bytes('<a><t>'));
    scanner.write(bytes('王'.repeat(900)));
    scanner.write(bytes('</t><t>'));
    expect(text).toEqual(['王'.repeat(900)]);
    scanner.write(bytes('王'.repeat(900)));
    expect(() => scanner.write(bytes('王'.repeat(200)))).toThrow(expect.objectContaining({ tooLong: true }));
  });
});

describe('the sheet shortcut reads cells as the scanner does tag by tag', () => {
  const limits = ledgerLimits();
  const sharedStrings = Array.from({ length: 50 }, (_, i) => `共享${i}`);

  function rows(chunks: readonly (string | Buffer)[], shortcut: boolean): [number, RawValue[]][] {
    const found: [number, RawValue[]][] = [];
    const handler = new SheetRowsHandler({
      file: 'f.xlsx', sheetName: 'S', part: 'p', sharedStrings, dateStyles: [false, true], date1904: false, limits,
      onRow: (rowNumber, cells) => found.push([rowNumber, Array.from(cells) as RawValue[]]),
    });
    if (!shortcut) Object.defineProperty(handler, 'wantsShortcut', { get: () => false, set: () => {} });
    const scanner = new XmlScanner(handler, handler.names, 1 << 20);
    handler.bind(scanner);
    for (const chunk of chunks) scanner.write(bytes(chunk));
    scanner.end();
    return found;
  }

  const cells = [
    '<c r="A1" t="s"><v>3</v></c>', '<c r="B1"><v>12.5</v></c>', '<c r="C1" s="1"><v>46298</v></c>', '<c r="D1" t="b"><v>1</v></c>',
    '<c r="E1" t="e"><v>#N/A</v></c>', '<c r="F1" t="str"><v>a&amp;b</v></c>', '<c r="G1" t="inlineStr"><is><t>陈静</t></is></c>',
    '<c r="H1" t="inlineStr"><is><t xml:space="preserve"> 王 芳 </t></is></c>', '<c r="I1" s="1"/>', '<c r="J1"></c>',
    '<c r="K1" t="inlineStr"><is><r><t>陈</t></r><r><t>静</t></r></is></c>', '<c r="L1"><f>A1</f><v>7</v></c>', '<c r="M1" t="s" cm="1"><v>49</v></c>',
    '<c t="s"><v>0</v></c>', '<c r="P1" t="d"><v>2026-10-03</v></c>', '<c r="Q1" t="s">\n  <v>1</v>\n</c>', "<c r='R1' t='s'><v>2</v></c>",
    '<c r="S1" t="inlineStr"><is><t>&#x9648;&lt;&gt;</t></is></c>', '<c r="T1"><v>1E-3</v></c>', '<c r="U1" t="n"><v></v></c>',
    '<c r="v1" t="s"><v>4</v></c>', '<c r="W1" s="" t="s"><v>5</v></c>', '<c s="1" r="X1"><v>46299</v></c>', '<c r="Y1" s="1" t="n"><v>46300</v></c>',
    '<c r="Z1"><v>123456789012345</v></c>', '<c r="AA1"><v>1234567890123456789</v></c>', '<c r="AB1"><v>-5</v></c>',
    '<c r="AC1" t="s" x14ac:note="a>b"><v>6</v></c>',
  ];
  const sheet = (rowCells: string[]) =>
    `<worksheet xmlns="${'urn:main'}"><sheetData>${[1, 2, 5].map((r) => `<row r="${r}">${rowCells.map((c) => c.replaceAll('1"', `${r}"`).replaceAll("1'", `${r}'`)).join('')}</row>`).join('')}<row r="6"/></sheetData></worksheet>`;

  test('every cell form, whole and cut anywhere', () => {
    const xml = sheet(cells);
    const expected = rows([xml], false);
    expect(expected).toHaveLength(3);
    expect(expected[0]![1].slice(0, 8)).toEqual(['共享3', 12.5, new Date(Date.UTC(2026, 9, 3)), true, { excelError: '#N/A' }, 'a&b', '陈静', ' 王 芳 ']);
    expect(rows([xml], true)).toEqual(expected);
    for (let at = 1; at < Buffer.byteLength(xml); at += 3) expect(rows(cut(xml, [at]), true), `cut at ${at}`).toEqual(expected);
  });

  test('the shortcut is told where the last complete markup of the buffer ends, and reads nothing past it', () => {
    const seen: [Buffer, number, number][] = [];
    const handler = {
      wantsText: false, wantsShortcut: true, open() {}, close() {}, text() {},
      shortcut: (buffer: Buffer, lt: number, end: number) => (seen.push([buffer, lt, end]), -1),
    };
    const scanner = new XmlScanner(handler, [], 1 << 20);
    for (const chunk of cut(sheet(cells), [100, 101, 700])) scanner.write(chunk);
    scanner.end();
    expect(seen.length).toBeGreaterThan(cells.length);
    for (const [buffer, lt, end] of seen) {
      expect(end).toBe(buffer.lastIndexOf(0x3e) + 1);
      expect(lt).toBeLessThan(buffer.length);
    }
    // Cut inside a cell, so that the cell cannot end in its buffer: the shortcut declines it.
    const xml = sheet(cells);
    const at = Buffer.from(xml).indexOf('<c r="C1"') + 12;
    expect(rows(cut(xml, [at]), true)).toEqual(rows([xml], false));
  });

  test('every row start tag, whole and cut anywhere: the next row read with the last one\'s end as tag by tag', () => {
    const starts = [
      '<row r="1" spans="1:3" x14ac:dyDescent="0.2">', '<row>', '<row r="4" ht="20" customHeight="1">', "<row r='5'>",
      '<row r="6" x:r="3">', '<row x:r="7">', '<row r="8" s="2" customFormat="1">', '<row r="9" note="a>b">', '<row spans="1:3">',
      '<row r="1048576">',
    ];
    const body = '<c t="s"><v>1</v></c><c r="C0"><v>2</v></c>';
    const joined = starts.map((start) => `${start}${body.replace('C0', `C${(/ r=["'](\d+)/.exec(start) ?? [])[1] ?? 1}`)}</row>`);
    // Between some rows: white space, an empty row, a row of no cells.
    const xml = `<worksheet><sheetData>${joined.slice(0, 3).join('')}\n${joined.slice(3, 6).join('')}<row r="40"/><row r="41"></row>${joined.slice(6).join('')}</sheetData></worksheet>`;
    const expected = rows([xml], false);
    expect(expected.map(([rowNumber]) => rowNumber)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 1048576]);
    expect(rows([xml], true)).toEqual(expected);
    for (let at = 1; at < Buffer.byteLength(xml); at += 2) expect(rows(cut(xml, [at]), true), `cut at ${at}`).toEqual(expected);
  });

  test('a row the shortcut cannot close fails as it does tag by tag (a prefixed row ended by </row>; r="0")', () => {
    const prefixed = '<worksheet><sheetData><x:row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></x:row></sheetData></worksheet>';
    expect(() => rows([prefixed], true)).toThrow(/<\/row> where <\/x:row> was expected/);
    expect(() => rows([prefixed], false)).toThrow(/<\/row> where <\/x:row> was expected/);
    const zero = '<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="0"><c><v>2</v></c></row></sheetData></worksheet>';
    expect(() => rows([zero], true)).toThrow(/row numbered "0"/);
    expect(() => rows([zero], false)).toThrow(/row numbered "0"/);
  });

  test('a cell the shortcut declines (out-of-range shared string) fails as it does tag by tag', () => {
    const xml = sheet(['<c r="A1" t="s"><v>50</v></c>']);
    expect(() => rows([xml], true)).toThrow(/shared string "50", but the shared-string table has 50 strings/);
    expect(() => rows([xml], false)).toThrow(/shared string "50", but the shared-string table has 50 strings/);
  });

  test.each<[string, Partial<BookSpec>]>([
    ['excel', {}],
    ['openpyxl (inline strings)', { producer: 'openpyxl' }],
    ['without r=', { omitRefs: true }],
  ])('a generated %s sheet', (_, options) => {
    const book: BookSpec = { producer: 'excel', ...options, sheets: [{ name: 'S', rows: [['标题'], [], ['a', 1, null, true, { rich: ['陈', '静'], inline: true }], [null, null, '末']] }] };
    const xml = String(composeParts(book).get('xl/worksheets/sheet1.xml'));
    expect(rows([xml], true)).toEqual(rows([xml], false));
  });
});

describe('the string table shortcut reads items as the scanner does tag by tag', () => {
  function strings(chunks: readonly (string | Buffer)[], shortcut: boolean): string[] {
    const handler = new SharedStringsHandler((index) => {
      throw new Error(`string ${index} too long`);
    }, 20);
    if (!shortcut) Object.defineProperty(handler, 'wantsShortcut', { get: () => false, set: () => {} });
    const scanner = new XmlScanner(handler, handler.names, 1 << 20);
    handler.bind(scanner);
    for (const chunk of chunks) scanner.write(bytes(chunk));
    scanner.end();
    return handler.strings;
  }

  const items = [
    '<si><t>王芳</t></si>', '<si><t xml:space="preserve"> 陈 静 </t></si>', '<si><r><t>陈</t></r><r><rPr><b/></rPr><t>静</t></r></si>',
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>', '<si><t>a&amp;b&#x9648;&lt;</t></si>', '<si><t/></si>', '<si/>',
    '<si>\n  <t>spaced</t>\n</si>', '<si><t><![CDATA[<raw>]]></t></si>', '<si><t>line\r\nend</t></si>', '<si><t>𠀀𪚥</t></si>',
  ];
  const xml = `<?xml version="1.0"?>\n<sst xmlns="urn:main" count="${items.length}">${items.join('')}${items.join('')}</sst>`;

  test('every item form, whole and cut anywhere', () => {
    const expected = strings([xml], false);
    expect(expected.slice(0, items.length)).toEqual(['王芳', ' 陈 静 ', '陈静', '東京', 'a&b陈<', '', '', 'spaced', '<raw>', 'line\nend', '𠀀𪚥']);
    expect(strings([xml], true)).toEqual(expected);
    for (let at = 1; at < Buffer.byteLength(xml); at++) expect(strings(cut(xml, [at]), true), `cut at ${at}`).toEqual(expected);
  });

  test('an item over the cell limit is refused either way', () => {
    const long = `<sst><si><t>${'王'.repeat(21)}</t></si></sst>`;
    expect(() => strings([long], true)).toThrow(/string 0 too long/);
    expect(() => strings([long], false)).toThrow(/string 0 too long/);
  });
});
