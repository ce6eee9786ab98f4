/**
 * A CSV file's text, its encoding detected rather than assumed: a file that is valid UTF-8
 * (with or without BOM) is UTF-8; otherwise GB18030 (a superset of GBK, what Chinese Excel
 * saves) if it decodes cleanly; otherwise the file is refused with a way to fix it.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DutyAuditError } from '../../errors.js';
import { msg } from '../../messages/catalogue.js';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** iconv-lite's stand-in for bytes that are not GB18030. */
const REPLACEMENT_CHARACTER = '\uFFFD';
/** A NUL is never in a text CSV; valid "UTF-8" full of NULs is UTF-16 without its BOM. */
const NUL = '\u0000';

export function decodeCsv(file: string, bytes: Buffer): { text: string; encoding: CsvEncoding } {
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined && !utf8.includes(NUL)) {
    return { text: utf8, encoding: bytes.subarray(0, 3).equals(UTF8_BOM) ? 'utf-8-bom' : 'utf-8' };
  }
  const gb18030 = utf8 === undefined ? iconv.decode(bytes, 'gb18030') : undefined;
  if (gb18030 !== undefined && !gb18030.includes(REPLACEMENT_CHARACTER) && !gb18030.includes(NUL)) {
    return { text: gb18030, encoding: 'gb18030' };
  }
  const guess = chardet.detect(bytes);
  const detail = guess ? msg('ledger.badEncoding.guess', { file, guess }) : msg('ledger.badEncoding', { file });
  throw new DutyAuditError('bad-encoding', detail, { file, hint: msg('ledger.badEncoding.hint') });
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
