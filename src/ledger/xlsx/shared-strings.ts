/**
 * The shared-string table: each `<si>` is one string, the text of its `<t>`, or of every run's
 * `<t>` for rich text (`<si><r><t>陈</t></r><r><t>静</t></r></si>` is 陈静). Phonetic guides
 * (`<rPh>`, furigana over Japanese text) are not part of the string. The table is held while
 * the sheets are read: it holds distinct strings only, and its size is bounded by the
 * `maxSharedStringsBytes` limit.
 */
import { limitExceeded, type LedgerLimits } from '../limits.js';
import { parsePart, type PartHandler } from './part-parser.js';
import { decodeText, indexOfByte, startsWithAscii, utf8, type XmlScanner } from './xml-scanner.js';
import type { ZipArchive } from './zip-archive.js';
import { msg } from '../../messages/catalogue.js';

export async function readSharedStrings(archive: ZipArchive, file: string, part: string | undefined, limits: LedgerLimits): Promise<string[]> {
  if (part === undefined) return [];
  const label = msg('xlsx.sharedStrings', { part });
  const handler = new SharedStringsHandler((index) => {
    throw limitExceeded(file, msg('xlsx.sharedStringTooLong', { index, label }), 'maxCellChars', limits.maxCellChars);
  }, limits.maxCellChars);
  await parsePart(archive, file, part, { maxBytes: limits.maxSharedStringsBytes, limit: 'maxSharedStringsBytes', label }, handler, limits);
  return handler.strings;
}

const PLAIN_ITEM = '<si><t>';
const PRESERVED_ITEM = '<si><t xml:space="preserve">';
const ITEM_END = '</t></si>';
const LT = 0x3c;

export class SharedStringsHandler implements PartHandler {
  readonly names = ['sst', 'si', 't', 'rPh'] as const;
  wantsText = false;
  /** Inside `<sst>`, between items: plain items are read by `shortcut`. */
  wantsShortcut = false;
  readonly strings: string[] = [];
  private inItem = false;
  private phoneticDepth = 0;
  private current = '';

  constructor(
    private readonly tooLong: (index: number) => never,
    private readonly maxChars: number,
  ) {}

  bind(_scanner: XmlScanner): void {}

  /**
   * Plain items, `<si><t>…</t></si>` (or `<t xml:space="preserve">`), read without an event per
   * tag, as many as follow each other; rich text, phonetic guides, white space between tags
   * and anything else are left to the scanner. Measured on a 261,000-string table: ~40% less time.
   * Each item's text is decoded from its bytes on its own (decoding a run of items as one string
   * and cutting it up measured no faster: 55 against 46 ms, best of 30, on the bench table).
   */
  shortcut(buffer: Buffer, lt: number, end: number): number {
    let at = lt;
    for (;;) {
      let textStart: number;
      if (startsWithAscii(buffer, PLAIN_ITEM, at)) textStart = at + PLAIN_ITEM.length;
      else if (startsWithAscii(buffer, PRESERVED_ITEM, at)) textStart = at + PRESERVED_ITEM.length;
      else break;
      const textEnd = indexOfByte(buffer, LT, textStart, end);
      // Bytes are at least as many as characters: a long item is declined and measured by text().
      if (textEnd < 0 || textEnd - textStart > this.maxChars || textEnd + ITEM_END.length > end || !startsWithAscii(buffer, ITEM_END, textEnd)) break;
      this.strings.push(decodeText(utf8(buffer, textStart, textEnd)));
      at = textEnd + ITEM_END.length;
    }
    return at === lt ? -1 : at;
  }

  open(name: string): void {
    if (name === 'sst') {
      this.wantsShortcut = true;
    } else if (name === 'si') {
      this.wantsShortcut = false;
      this.inItem = true;
      this.current = '';
    } else if (name === 't') {
      this.wantsText = this.inItem && this.phoneticDepth === 0;
    } else if (name === 'rPh') {
      this.phoneticDepth += 1;
    }
  }

  close(name: string): void {
    if (name === 't') {
      this.wantsText = false;
    } else if (name === 'rPh') {
      this.phoneticDepth -= 1;
    } else if (name === 'si' && this.inItem) {
      this.strings.push(this.current);
      this.inItem = false;
      this.current = '';
      this.wantsShortcut = true;
    } else if (name === 'sst') {
      this.wantsShortcut = false;
    }
  }

  text(text: string): void {
    this.current += text;
    if (this.current.length > this.maxChars) this.tooLong(this.strings.length);
  }
}
