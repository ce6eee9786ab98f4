/**
 * The workbook's zip container, read by random access (yauzl reads the central directory, not
 * the whole file): any part can be opened in any order, and only the parts asked for are
 * inflated, chunk by chunk, so memory does not grow with the file.
 *
 * Every part is checked before and while it is inflated: its declared size and compression
 * ratio against the limits, then the bytes actually inflated against the declared size, so a
 * zip bomb is refused before it costs time or memory, and a part whose directory lies stops
 * at the lie.
 */
import { close as closeFd, fstat, open as openFd, read as readFd } from 'node:fs';
import { createInflateRaw, type ZlibOptions } from 'node:zlib';
import { Readable, type TransformOptions } from 'node:stream';
import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { limitExceeded, type LedgerLimits, type LimitName } from '../limits.js';
import { damaged } from './workbook-error.js';
import { msg, type Message } from '../../messages/catalogue.js';

/** A workbook has a few dozen parts; a directory of more is not one (and would cost memory to list). */
export const MAX_ENTRIES = 10_000;
/** Parts below this size are harmless whatever their ratio (a 10 KB styles part of spaces). */
export const RATIO_GRACE_BYTES = 1024 * 1024;
/**
 * How much of the file is read at once for a part (FileReader). yauzl's own reader reads 16 KB
 * per fs.read (a Readable's default), each a trip to libuv's thread pool, queued there behind
 * zlib's work, then through two of yauzl's Transforms; and zlib answers each write with what that
 * piece inflates to: the 62 MB sheet of the 100,000-case bench workbook came in 477 chunks of
 * ~150 KB. Read 256 KB at a time, a piece inflates to about 2 MB, handed on in
 * INFLATE_CHUNK_BYTES chunks. Measured (fresh-process reads of that workbook, alternating rounds,
 * busy 2-core machine, CPU medians; docs/performance.md): gathering yauzl's 16 KB pieces to
 * 256 KB took the read from 1,175 to 1,059 ms (11 rounds); reading 256 KB at once instead of
 * gathering, 858 → 797 ms (11 rounds), and the floor (bench/floor.ts) 366 → 331 ms.
 */
const READ_BYTES = 256 * 1024;
/**
 * zlib's output chunk. Each chunk is a round trip to libuv's thread pool, and on a busy machine
 * each trip waits for a core: measured on a 61 MB sheet, inflating into 1 MB chunks took 35–190 ms
 * against 110–530 ms in 64 KB chunks (zlib's default 16 KB is slower still). 512 KB rather than
 * 1 MB: with the scanner reading bytes, both took the same time (fresh-process reads of the
 * 100,000-case workbook, two runs of 11 alternating rounds: CPU medians 888–931 ms against
 * 838–930) and 1 MB peaked 2–4 MB higher. (While the scanner read a Latin-1 text of each chunk,
 * 1 MB chunks peaked 27 MB higher: node keeps texts of 1 MB or more outside V8's heap.)
 */
const INFLATE_CHUNK_BYTES = 512 * 1024;
const MIN_INFLATE_CHUNK_BYTES = 16 * 1024;
const INFLATE_AHEAD_BYTES = 4 * INFLATE_CHUNK_BYTES;
const STORED = 0;
const DEFLATED = 8;

export interface PartBudget {
  /** The largest inflated size accepted for this part, and the option that sets it. */
  maxBytes: number;
  limit: LimitName;
  /** How the part is named in messages: `sheet 办件台账 (xl/worksheets/sheet1.xml)`. */
  label: Message;
}

export class ZipArchive {
  private constructor(
    private readonly file: string,
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly limits: LedgerLimits,
  ) {}

  static async open(file: string, limits: LedgerLimits): Promise<ZipArchive> {
    let zip: ZipFile;
    try {
      zip = await openZip(file);
    } catch (error) {
      throw damaged(file, msg('xlsx.zipDamaged', { reason: (error as Error).message }), error);
    }
    try {
      return new ZipArchive(file, zip, await listEntries(file, zip), limits);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close(): void {
    this.zip.close();
  }

  /** The entry of a part name: exact, else ignoring case (OPC part names are case-insensitive). */
  find(partName: string): string | undefined {
    if (this.entries.has(partName)) return partName;
    const folded = partName.toLowerCase();
    for (const name of this.entries.keys()) if (name.toLowerCase() === folded) return name;
    return undefined;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The part's inflated bytes, chunk by chunk, refused when it passes its budget or its declared size. */
  async *chunks(partName: string, budget: PartBudget): AsyncGenerator<Buffer> {
    const entry = this.entries.get(partName);
    if (!entry) throw damaged(this.file, msg('xlsx.partMissing', { label: budget.label }));
    this.checkDeclared(entry, budget);
    const raw = await openRaw(this.zip, entry).catch((error: unknown) => {
      throw damaged(this.file, msg('xlsx.partUnreadable', { label: budget.label, reason: (error as Error).message }), error);
    });
    const source: Readable = entry.compressionMethod === STORED ? raw : inflatedPart(raw, entry.uncompressedSize);
    let total = 0;
    try {
      for await (const chunk of source) {
        const bytes = chunk as Buffer;
        total += bytes.length;
        if (total > entry.uncompressedSize) {
          throw damaged(this.file, msg('xlsx.inflatesBeyondDeclared', { label: budget.label, declared: entry.uncompressedSize }));
        }
        yield bytes;
      }
    } catch (error) {
      if (error instanceof Error && error.name === 'DutyAuditError') throw error;
      throw damaged(this.file, msg('xlsx.cannotInflate', { label: budget.label, reason: (error as Error).message }), error);
    } finally {
      raw.destroy();
      if (source !== raw) source.destroy();
    }
    if (total !== entry.uncompressedSize) {
      throw damaged(this.file, msg('xlsx.inflatesOtherThanDeclared', { label: budget.label, total, declared: entry.uncompressedSize }));
    }
  }

  private checkDeclared(entry: Entry, budget: PartBudget): void {
    if (entry.isEncrypted()) {
      throw damaged(this.file, msg('xlsx.partEncrypted', { label: budget.label }));
    }
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      throw damaged(this.file, msg('xlsx.zipMethod', { label: budget.label, method: entry.compressionMethod }));
    }
    const size = entry.uncompressedSize;
    if (size > budget.maxBytes) {
      throw limitExceeded(this.file, msg('xlsx.partTooLarge', { label: budget.label, size }), budget.limit, budget.maxBytes);
    }
    const ratio = size / Math.max(1, entry.compressedSize);
    if (size > RATIO_GRACE_BYTES && ratio > this.limits.maxCompressionRatio) {
      throw limitExceeded(
        this.file,
        msg('xlsx.zipBomb', { label: budget.label, ratio: Math.round(ratio), compressed: entry.compressedSize, size }),
        'maxCompressionRatio',
        this.limits.maxCompressionRatio,
      );
    }
  }
}

/** The file, read for yauzl in READ_BYTES pieces (yauzl's public interface for its readers). */
class FileReader extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new FileRange(this.fd, start, end);
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number) => void): void {
    readFd(this.fd, buffer, offset, length, position, (error, bytesRead) => callback(error, bytesRead));
  }

  override close(callback: (error: Error | null) => void): void {
    closeFd(this.fd, callback);
  }
}

/**
 * Bytes [start, end) of the file. Not fs.createReadStream: destroying one closes its fd, which
 * every part's stream shares; the fd is closed once, with the zip.
 */
class FileRange extends Readable {
  constructor(
    private readonly fd: number,
    private position: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: READ_BYTES });
  }

  override _read(): void {
    const length = Math.min(READ_BYTES, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    readFd(this.fd, buffer, 0, length, this.position, (error, bytesRead) => {
      if (error) {
        this.destroy(error);
      } else if (bytesRead === 0) {
        // The file ends before its directory says: yauzl's byte count refuses the part.
        this.push(null);
      } else {
        this.position += bytesRead;
        this.push(bytesRead < length ? buffer.subarray(0, bytesRead) : buffer);
      }
    });
  }
}

/** Opens the zip for random access (also bench/floor.ts, so the floor reads the file as the reader does). */
export async function openZip(file: string): Promise<ZipFile> {
  const fd = await promisify(openFd)(file, 'r');
  let size: number;
  try {
    size = (await promisify(fstat)(fd)).size;
  } catch (error) {
    closeFd(fd, () => {});
    throw error;
  }
  const reader = new FileReader(fd);
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) {
        closeFd(fd, () => {});
        reject(error ?? new Error('no zip'));
      } else {
        resolve(zip);
      }
    });
  });
}

async function listEntries(file: string, zip: ZipFile): Promise<Map<string, Entry>> {
  if (zip.entryCount > MAX_ENTRIES) {
    throw damaged(file, msg('xlsx.tooManyParts', { n: zip.entryCount }));
  }
  const entries = new Map<string, Entry>();
  const done = new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
  });
  zip.readEntry();
  try {
    await done;
  } catch (error) {
    throw damaged(file, msg('xlsx.zipDirectoryDamaged', { reason: (error as Error).message }), error);
  }
  return entries;
}

function openRaw(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, { decodeFileData: false }, (error, stream) => {
      if (error || !stream) reject(error ?? new Error('no stream'));
      else resolve(stream);
    });
  });
}

/**
 * A deflated part's bytes, inflated on libuv's thread pool ahead of the reader. bench/floor.ts
 * inflates with this very function, from a zip opened with openZip.
 */
export function inflatedPart(raw: Readable, size: number): Readable {
  const options: ZlibOptions & Pick<TransformOptions, 'readableHighWaterMark'> = {
    // A small part gets a small output buffer: the workbook, its relationships and styles are a few KB.
    chunkSize: Math.max(MIN_INFLATE_CHUNK_BYTES, Math.min(INFLATE_CHUNK_BYTES, size)),
    // zlib inflates the next chunks on the thread pool while the scanner reads this one (stream
    // options pass through zlib to its Transform). Measured: the main thread's idle time while
    // reading the 100,000-case workbook fell from ~150 to ~90 ms per read.
    readableHighWaterMark: INFLATE_AHEAD_BYTES,
  };
  const inflate = createInflateRaw(options);
  raw.once('error', (error) => inflate.destroy(error));
  raw.pipe(inflate);
  return inflate;
}
