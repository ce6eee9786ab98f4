/**
 * The floor for reading a workbook: what no xlsx reader can beat. Every worksheet and the
 * shared-string table are inflated (yauzl, random access, with the ledger reader's own file
 * reader and inflate) and every cell is found by searching the inflated bytes for `<c ` and
 * `<c>`; nothing is decoded, typed or kept. `npx tsx bench/floor.ts FILE` prints cells, wall time and peak RSS; bench/audit.ts
 * runs the same function in a child process as the floor the audit is measured against.
 */
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Entry } from 'yauzl';
import { inflatedPart, openZip } from '../src/ledger/xlsx/zip-archive.js';

const CELL_OPEN = Buffer.from('<c ');
const CELL_EMPTY = Buffer.from('<c>');
const PARTS = /^xl\/(?:worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i;

export async function floorRead(file: string): Promise<{ cells: number; inflatedBytes: number }> {
  const zip = await openZip(file);
  const entries: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (PARTS.test(entry.fileName)) entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  let cells = 0;
  let inflatedBytes = 0;
  for (const entry of entries) {
    const raw = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, { decodeFileData: false }, (error, s) => (error || !s ? reject(error) : resolve(s))),
    );
    // Read and inflated as the ledger reader does (openZip, inflatedPart): the file read 256 KB
    // at a time, inflated into 512 KB chunks. A floor that reads or inflates more slowly than the
    // reader is no floor. Measured here (9 alternating rounds, busy machine): 0.52 s median with
    // yauzl's 16 KB pieces into 1 MB chunks, 0.43 s with them gathered to 256 KB; reading 256 KB
    // at once took the floor's CPU from 366 to 331 ms (11 alternating rounds).
    const inflate = inflatedPart(raw, entry.uncompressedSize);
    // A match may straddle two chunks: the last two bytes of a chunk are searched again with the next.
    let carry: Buffer = Buffer.alloc(0);
    for await (const chunk of inflate) {
      inflatedBytes += (chunk as Buffer).length;
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      for (const needle of [CELL_OPEN, CELL_EMPTY]) {
        for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 3)) cells++;
      }
      carry = bytes.subarray(bytes.length - 2);
    }
  }
  zip.close();
  return { cells, inflatedBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/floor.ts FILE.xlsx');
  const start = performance.now();
  const { cells, inflatedBytes } = await floorRead(file);
  const seconds = (performance.now() - start) / 1000;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(`floor: ${cells} cells in ${mb(inflatedBytes)} MB of XML, ${seconds.toFixed(2)} s, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}
