/**
 * What a file is, by its first bytes rather than its name: a zip (xlsx), an OLE compound file
 * (an old .xls, or an xlsx encrypted with a password, which Office wraps in OLE), or neither.
 */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Stream names of an encrypted OOXML package, as UTF-16LE directory entries in the OLE file. */
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((name) => Buffer.from(name, 'utf16le'));

export type FileKind = 'zip' | 'encrypted-ooxml' | 'ole' | 'other';

export function sniffFileKind(bytes: Buffer): FileKind {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) {
    return ENCRYPTION_STREAMS.some((name) => bytes.includes(name)) ? 'encrypted-ooxml' : 'ole';
  }
  return 'other';
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
