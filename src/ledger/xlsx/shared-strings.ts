/**
 * The shared-string table: each `<si>` is one string, the text of its `<t>`, or of every run's
 * `<t>` for rich text (`<si><r><t>陈</t></r><r><t>静</t></r></si>` is 陈静). Phonetic guides
 * (`<rPh>`, furigana over Japanese text) are not part of the string. The table is held while
 * the sheets are read: it holds distinct strings only, and its size is bounded by the
 * `maxSharedStringsBytes` limit.
 */
import { limitExceeded, type LedgerLimits } from '../limits.js';
import { parsePart, type PartHandler } from './part-parser.js';
import type { XmlScanner } from './xml-scanner.js';
import type { ZipArchive } from './zip-archive.js';

export async function readSharedStrings(archive: ZipArchive, file: string, part: string | undefined, limits: LedgerLimits): Promise<string[]> {
  if (part === undefined) return [];
  const label = `the shared-string table (${part})`;
  const handler = new SharedStringsHandler((index) => {
    throw limitExceeded(file, `shared string ${index} in ${label} is longer than the cell limit`, 'maxCellChars', limits.maxCellChars);
  }, limits.maxCellChars);
  await parsePart(archive, file, part, { maxBytes: limits.maxSharedStringsBytes, limit: 'maxSharedStringsBytes', label }, handler, limits);
  return handler.strings;
}

class SharedStringsHandler implements PartHandler {
  readonly names = ['si', 't', 'rPh'] as const;
  wantsText = false;
  readonly strings: string[] = [];
  private inItem = false;
  private phoneticDepth = 0;
  private current = '';

  constructor(
    private readonly tooLong: (index: number) => never,
    private readonly maxChars: number,
  ) {}

  bind(_scanner: XmlScanner): void {}

  open(name: string): void {
    if (name === 'si') {
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
    }
  }

  text(text: string): void {
    this.current += text;
    if (this.current.length > this.maxChars) this.tooLong(this.strings.length);
  }
}
