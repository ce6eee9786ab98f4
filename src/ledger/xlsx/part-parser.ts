/**
 * One part of the workbook from zip entry to handler: inflated chunk by chunk, checked to be
 * UTF-8 (a character split between two chunks is checked joined), and scanned as bytes.
 * Whatever goes wrong is refused naming the file and the part: bytes that are not the part's
 * encoding, XML that is not well-formed or ends too soon, a token over the cell limit.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { DutyAuditError } from '../../errors.js';
import { limitExceeded, type LedgerLimits } from '../limits.js';
import { startsWithMark, UTF16BE_BOM, UTF16LE_BOM, UTF8_BOM } from '../byte-order-marks.js';
import { XmlError, XmlScanner, type XmlHandler } from './xml-scanner.js';
import { damaged } from './workbook-error.js';
import type { PartBudget, ZipArchive } from './zip-archive.js';
import { msg } from '../../messages/catalogue.js';

export interface PartHandler extends XmlHandler {
  /** The local names the handler switches on (the scanner hands these very strings back). */
  readonly names: readonly string[];
  /** Called once before the first chunk: the scanner whose attributes the handler reads. */
  bind(scanner: XmlScanner): void;
}

/** The longest tag or text run held: room for a cell at the character limit written as references. */
const MIN_TOKEN_CHARS = 1024 * 1024;
const CHARS_PER_ESCAPED_CHAR = 10;

export async function parsePart(archive: ZipArchive, file: string, partName: string, budget: PartBudget, handler: PartHandler, limits: LedgerLimits): Promise<void> {
  const maxTokenChars = Math.max(MIN_TOKEN_CHARS, limits.maxCellChars * CHARS_PER_ESCAPED_CHAR);
  const scanner = new XmlScanner(handler, handler.names, maxTokenChars);
  handler.bind(scanner);
  try {
    for await (const bytes of utf8Chunks(archive.chunks(partName, budget))) scanner.write(bytes);
    scanner.end();
  } catch (error) {
    if (error instanceof DutyAuditError) throw error;
    if (error instanceof XmlError && error.tooLong) {
      throw limitExceeded(file, msg('xlsx.tokenTooLong', { label: budget.label, n: maxTokenChars }), 'maxCellChars', limits.maxCellChars);
    }
    if (error instanceof XmlError) throw damaged(file, msg('xlsx.notXml', { label: budget.label, reason: error.message }), error);
    if (error instanceof NotUtf8Error || (error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')) {
      throw damaged(file, msg('xlsx.notUtf8', { label: budget.label }), error);
    }
    throw error;
  }
}

/** Bytes of a part that are not UTF-8 (or not UTF-16, when it has a UTF-16 byte order mark). */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
}

/**
 * A part's bytes as UTF-8, checked, chunk by chunk as inflated (the chunks themselves, not
 * copies). SpreadsheetML parts are UTF-8, or UTF-16 with a byte order mark: a UTF-16 part
 * (rare) is transcoded, and a UTF-8 byte order mark at the start is dropped (every later U+FEFF
 * is text and kept).
 *
 * Invalid bytes are an error (`xlsx.notUtf8`), never U+FFFD: each chunk is checked with
 * isUtf8 (simdutf; ~8 ms for the 62 MB sheet of the 100,000-case bench workbook, where
 * decoding it to strings took 55–120 ms), up to a character cut at its end; that character is
 * checked joined with its last bytes from the next chunk, and a part that ends inside one is
 * an error too.
 */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  /** The first bytes, held until there are enough to tell a byte order mark. */
  let head: Buffer | undefined = EMPTY;
  /** The first bytes of a character cut at the last chunk's end. */
  let cut: Buffer = EMPTY;
  let utf16: TextDecoder | undefined;
  for await (const bytes of chunks) {
    let chunk = bytes;
    if (head !== undefined) {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (head.length < UTF8_BOM.length && !isUtf16Mark(head)) continue;
      chunk = head;
      head = undefined;
      const encoding = isUtf16Mark(chunk) ? (startsWithMark(chunk, UTF16LE_BOM) ? 'utf-16le' : 'utf-16be') : 'utf-8';
      if (encoding !== 'utf-8') {
        utf16 = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
      } else if (startsWithMark(chunk, UTF8_BOM)) {
        chunk = chunk.subarray(UTF8_BOM.length);
      }
    }
    if (utf16 !== undefined) {
      const text = utf16.decode(chunk, { stream: true });
      if (text !== '') yield Buffer.from(text, 'utf8');
      continue;
    }
    if (chunk.length === 0) continue;
    cut = checkUtf8(cut, chunk);
    yield chunk;
  }
  if (head !== undefined && head.length > 0) {
    // A part of one or two bytes: too short for a mark.
    cut = checkUtf8(cut, head);
    yield head;
  }
  if (utf16 !== undefined) {
    const text = utf16.decode();
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  if (cut.length > 0) throw new NotUtf8Error('the bytes end inside a UTF-8 character');
}

const EMPTY = Buffer.alloc(0);
function isUtf16Mark(head: Buffer): boolean {
  return startsWithMark(head, UTF16LE_BOM) || startsWithMark(head, UTF16BE_BOM);
}

/**
 * Checks `chunk` as the continuation of `cut` (the start of a character cut at the last
 * chunk's end); returns the start of a character this chunk's end cuts (a copy: small).
 */
function checkUtf8(cut: Buffer, chunk: Buffer): Buffer {
  let from = 0;
  if (cut.length > 0) {
    const missing = sequenceLength(cut[0]!) - cut.length;
    const joined = Buffer.concat([cut, chunk.subarray(0, missing)]);
    if (chunk.length < missing) return joined;
    if (!isUtf8(joined)) throw new NotUtf8Error('bytes that are not UTF-8');
    from = missing;
  }
  const end = cutCharacterStart(chunk, from);
  if (!isUtf8(chunk.subarray(from, end))) throw new NotUtf8Error('bytes that are not UTF-8');
  return end < chunk.length ? Buffer.from(chunk.subarray(end)) : EMPTY;
}

/** How many bytes the character whose first byte is `lead` takes (a wrong lead byte is refused when checked). */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** Where a character cut by the end of `chunk` starts (its last 3 bytes looked at), or the chunk's length. */
function cutCharacterStart(chunk: Buffer, from: number): number {
  const length = chunk.length;
  for (let at = length - 1; at >= from && at >= length - 3; at--) {
    const byte = chunk[at]!;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) return length - at < sequenceLength(byte) ? at : length;
  }
  return length;
}
