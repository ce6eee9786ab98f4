/**
 * What a file is, by its first bytes rather than its name: a zip (xlsx), an OLE compound file
 * (an old .xls, or an xlsx encrypted with a password, which Office wraps in OLE), or neither.
 * Only a zip goes on to the xlsx reader; the others are refused here with how to fix them.
 */
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';

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

/**
 * The kind of the file at `path`, reading its first bytes only; an OLE file is read whole (its
 * directory may be anywhere), which the caller bounds by checking the file's size first.
 */
export async function sniffFile(path: string): Promise<FileKind> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(OLE_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return startsWith(head, OLE_MAGIC) ? sniffFileKind(await readFile(path)) : sniffFileKind(head);
}

/** Throws, with the fix, unless the file is a zip (an xlsx, or at least worth opening as one). */
export function refuseNonWorkbook(file: string, kind: FileKind): void {
  switch (kind) {
    case 'zip':
      return;
    case 'encrypted-ooxml':
      throw new DutyAuditError('encrypted-workbook', msg('ledger.encrypted', { file }), { file, hint: msg('ledger.encrypted.hint') });
    case 'ole':
      throw new DutyAuditError('not-a-workbook', msg('ledger.oldXls', { file }), { file, hint: msg('ledger.saveAsXlsx.hint') });
    case 'other': {
      const hint = extname(file).toLowerCase() === '.csv' ? msg('ledger.notXlsx.csvHint') : msg('ledger.notXlsx.hint');
      throw new DutyAuditError('not-a-workbook', msg('ledger.notXlsx', { file }), { file, hint });
    }
  }
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
