/**
 * A CSV file as UTF-8 bytes, its encoding detected rather than assumed: a file that is valid UTF-8
 * (with or without BOM) is UTF-8; otherwise GB18030 (a superset of GBK, what Chinese Excel
 * saves) if it decodes cleanly; otherwise the file is refused, saying what it actually is:
 * UTF-16 (Excel's "Unicode text"), a UTF-8 byte-order mark in front of GBK text (a program that
 * labelled its output wrongly), NUL bytes (not a text file, or damaged), or neither encoding.
 * Each of these once read "neither UTF-8 nor GBK", which sent people to re-save a file that was
 * already GBK.
 */
import chardet from 'chardet';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { DutyAuditError } from '../../errors.js';
import { msg, type Message } from '../../messages/catalogue.js';
import { startsWithMark, UTF16BE_BOM, UTF16LE_BOM, UTF8_BOM } from '../byte-order-marks.js';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** iconv-lite's stand-in for bytes that are not GB18030. */
const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * The file's bytes as UTF-8, without a byte-order mark: the file itself when it is UTF-8 (no copy,
 * no string: a decoded Chinese CSV takes twice its size again), else its GB18030 text re-encoded.
 */
export function decodeCsv(file: string, bytes: Buffer): { utf8: Buffer; encoding: CsvEncoding } {
  if (startsWithMark(bytes, UTF16LE_BOM) || startsWithMark(bytes, UTF16BE_BOM)) {
    throw refused(file, msg('ledger.csvUtf16', { file }));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = looksLikeUtf16(bytes);
    throw utf16
      ? refused(file, msg('ledger.csvUtf16NoBom', { file }))
      : refused(file, msg('ledger.csvNul', { file, line: lineOfByte(bytes, nul), byte: nul + 1 }), msg('ledger.csvNul.hint'));
  }
  if (isUtf8(bytes)) {
    const bom = startsWithMark(bytes, UTF8_BOM);
    return { utf8: bom ? bytes.subarray(UTF8_BOM.length) : bytes, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  }
  if (startsWithMark(bytes, UTF8_BOM)) {
    const gbk = gb18030Text(bytes.subarray(UTF8_BOM.length)) !== undefined;
    throw gbk ? refused(file, msg('ledger.csvBomGbk', { file }), msg('ledger.csvBomGbk.hint')) : refused(file, msg('ledger.csvBomNotUtf8', { file }));
  }
  const gb18030 = gb18030Text(bytes);
  if (gb18030 !== undefined) return { utf8: Buffer.from(gb18030, 'utf8'), encoding: 'gb18030' };
  const guess = chardet.detect(bytes);
  const detail = guess ? msg('ledger.badEncoding.guess', { file, guess }) : msg('ledger.badEncoding', { file });
  throw new DutyAuditError('bad-encoding', detail, { file, hint: msg('ledger.badEncoding.hint') });
}

/** The bytes read as GB18030 (a superset of GBK), or undefined when some of them are not GB18030. */
export function gb18030Text(bytes: Buffer): string | undefined {
  const text = iconv.decode(bytes, 'gb18030');
  return text.includes(REPLACEMENT_CHARACTER) ? undefined : text;
}

function refused(file: string, detail: Message, hint: Message = msg('ledger.badEncoding.hint')): DutyAuditError {
  return new DutyAuditError('bad-encoding', detail, { file, hint });
}

/** Most NULs at even or most at odd offsets in the first kilobytes: UTF-16 text of mostly ASCII. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return Math.max(even, odd) > n / 4;
}

function lineOfByte(bytes: Buffer, at: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

