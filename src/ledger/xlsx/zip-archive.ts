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
import { createInflateRaw, type ZlibOptions } from 'node:zlib';
import { Transform, type Readable, type TransformOptions } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { limitExceeded, type LedgerLimits, type LimitName } from '../limits.js';
import { damaged } from './workbook-error.js';
import { msg, type Message } from '../../messages/catalogue.js';

/** A workbook has a few dozen parts; a directory of more is not one (and would cost memory to list). */
export const MAX_ENTRIES = 10_000;
/** Parts below this size are harmless whatever their ratio (a 10 KB styles part of spaces). */
export const RATIO_GRACE_BYTES = 1024 * 1024;
/**
 * How much of a deflated part's stored bytes is handed to zlib at once. yauzl reads an entry 16 KB at a time
 * (a Readable's default), and zlib answers each write with what that piece inflates to: the
 * 62 MB sheet of the 100,000-case bench workbook came in 477 chunks of ~150 KB, each a trip to
 * libuv's thread pool and through the async iterators up to the scanner. Gathered to 256 KB, a
 * piece inflates to about 2 MB, handed on in INFLATE_CHUNK_BYTES chunks. Measured (fresh-process
 * reads of that workbook, 11 alternating rounds, busy 2-core machine): the read's CPU median
 * 1,175 → 1,059 ms (docs/performance.md).
 */
const GATHER_BYTES = 256 * 1024;
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

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error('no zip'));
      else resolve(zip);
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

/** The stream's bytes in pieces of GATHER_BYTES (the last one shorter); an error of the stream is this one's. */
function gathered(raw: Readable): Readable {
  const pieces: Buffer[] = [];
  let held = 0;
  const gather = new Transform({
    transform(piece: Buffer, _encoding, done) {
      pieces.push(piece);
      held += piece.length;
      if (held < GATHER_BYTES) return done();
      const joined = Buffer.concat(pieces, held);
      pieces.length = 0;
      held = 0;
      done(null, joined);
    },
    flush(done) {
      done(null, held > 0 ? Buffer.concat(pieces, held) : undefined);
    },
  });
  raw.once('error', (error) => gather.destroy(error));
  raw.pipe(gather);
  return gather;
}

/**
 * A deflated part's bytes, inflated: its stored bytes gathered, then inflated on libuv's thread
 * pool ahead of the reader. bench/floor.ts inflates with this very function.
 */
export function inflatedPart(raw: Readable, size: number): Readable {
  return inflated(gathered(raw), size);
}

function inflated(raw: Readable, size: number): Readable {
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
