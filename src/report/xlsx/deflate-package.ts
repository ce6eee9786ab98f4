/**
 * Writes the in-memory report's package with zlib's deflate. exceljs packs a workbook with
 * JSZip, which deflates in JavaScript (pako): in the one report an audit writes, that code
 * runs cold, before V8 has optimised it. So exceljs packs the parts stored (no compression),
 * and this file deflates each part, in exceljs's order and under its names and dates, with
 * Node's zlib (yazl) on the thread pool. The parts are the same bytes; only their compression
 * differs.
 *
 * Measured on the report of the 100,000-case bench month (71 findings, 919 warnings), one cold
 * write per fresh process, alternating: JSZip's deflate 245–298 ms, JSZip storing 149–215 ms
 * (docs/performance.md).
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import yazl from 'yazl';

/** The options that make exceljs pack its parts without compressing them. */
export const STORED_PACKAGE = { zip: { compression: 'STORE' } } as const;

/** Rewrites `stored` (a zip whose parts are stored) to `path`, every part deflated. */
export async function writeDeflated(stored: Buffer, path: string): Promise<void> {
  const source = await openBuffer(stored);
  const target = new yazl.ZipFile();
  const written = pipeline(target.outputStream, createWriteStream(path));
  // A failed write (disk full) is awaited below; until then it must not count as unhandled.
  written.catch(() => undefined);
  try {
    for (const entry of await entriesOf(source)) {
      const mtime = entry.getLastModDate();
      // JSZip lists the folders too (`xl/`, `_rels/`): kept, so the package lists what it did.
      if (entry.fileName.endsWith('/')) target.addEmptyDirectory(entry.fileName, { mtime });
      else target.addBuffer(await readEntry(source, entry), entry.fileName, { mtime, compress: true });
    }
  } finally {
    source.close();
    target.end();
  }
  await written;
}

function openBuffer(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error('no zip'));
      else resolve(zip);
    });
  });
}

function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(error ?? new Error('no stream'));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', reject);
    });
  });
}
