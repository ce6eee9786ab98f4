/**
 * Text made safe as a file name: a center name from a ledger is data, never a path. Characters
 * Windows or a shell choke on become `_`, invisible and direction marks are dropped (a right-to-
 * left override in a name can make `报告.xlsx` display as something else), a leading dot
 * (hidden file, `..`) becomes `_`, trailing dots and spaces (which Windows strips) go, and a
 * Windows device name (CON, NUL, COM1…) gets a `_` in front.
 *
 * The name is cut by UTF-8 bytes, not characters: file systems count bytes (255 in one name on
 * ext4, APFS, NTFS counts UTF-16 units), and a Chinese character is 3 bytes, so a 120-character
 * center name was 360 bytes and failed with ENAMETOOLONG.
 */
import { withoutInvisibleMarks } from '../text.js';

/** Room for `-2026-10-12.xlsx` and a temporary file's `.partial` suffix under the 255-byte limit. */
export const MAX_STEM_BYTES = 150;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function safeFileStem(text: string, fallback = 'center', maxBytes = MAX_STEM_BYTES): string {
  const cleaned = withoutInvisibleMarks(text)
    .replace(UNSAFE, '_')
    .replace(/^\.+/, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned === '') return fallback;
  return cutToBytes(WINDOWS_DEVICE.test(cleaned) ? `_${cleaned}` : cleaned, maxBytes);
}

/** The longest start of `text` that is at most `maxBytes` in UTF-8, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}
