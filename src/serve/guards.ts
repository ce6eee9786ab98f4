/**
 * What an upload is, decided by its bytes and never by its name (docs/service.md, "Guards"):
 * an xlsx workbook, a csv file, or a zip of csv files (one per sheet, named after the sheet, as
 * a CSV folder is). Everything else is refused before it is stored: an old .xls, a workbook with
 * a password, any other file.
 *
 * Zip bombs are stopped twice. When the upload arrives, the zip's central directory is read
 * (nothing inflated): the sizes it declares are limited in total and in ratio. At audit time (in
 * a worker, never on the HTTP thread) the bytes actually inflated are counted: a workbook's parts
 * by the ledger reader against its limits (ReadLedgerOptions), a zip of csv files here as it is
 * unpacked, against the same limits and against what each entry declared, so a zip that lies
 * about its sizes stops there.
 *
 * Entry names inside a zip are used only to tell which sheet a csv is: each one is written to a
 * name of our own (the sheet's name), never to the name the zip gives.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { SHEETS } from '../ledger/columns.js';
import { gb18030Text } from '../ledger/csv/decode.js';
import { DEFAULT_LEDGER_LIMITS } from '../ledger/limits.js';
import { isLitterFileName, sheetKeyOfFileName } from '../ledger/names.js';
import { sniffFile, sniffFileKind } from '../ledger/sniff.js';
import type { SheetKey } from '../ledger/types.js';
import { MAX_ENTRIES, RATIO_GRACE_BYTES } from '../ledger/xlsx/zip-archive.js';
import { ApiError } from './api-errors.js';

export type UploadKind = 'xlsx' | 'csv' | 'zip-csv';

export interface UploadLimits {
  /** One uploaded file, in bytes (413 above it). */
  maxFileBytes: number;
  /** All entries of one zip, once inflated. */
  maxInflatedBytes: number;
  /** Inflated bytes per compressed byte of an entry over 1 MiB: a real sheet is near 10, a bomb near 1,000. */
  maxCompressionRatio: number;
  /** Entries in one zip (an xlsx has a few dozen parts). */
  maxEntries: number;
}

/** The ratio and entry limits are the ledger reader's own, so an upload is judged as its audit will read it. */
export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: DEFAULT_LEDGER_LIMITS.maxCompressionRatio,
  maxEntries: MAX_ENTRIES,
});

/** How much of a file is read to tell csv text from anything else. */
const TEXT_PROBE_BYTES = 64 * 1024;

// ---- upload time: what is it? ----

/**
 * The kind of the stored upload at `file` (already within maxFileBytes), or an ApiError saying
 * why it is refused. `name` is the uploaded file name, shown in messages and used for nothing
 * else. A csv uploaded alone must be the cases sheet (`sheetOfCsv`).
 */
export async function sniffUpload(file: string, name: string, size: number, limits: UploadLimits): Promise<UploadKind> {
  if (size === 0) throw new ApiError('empty-file', { file: name });
  const head = await readHead(file, size <= TEXT_PROBE_BYTES ? size : TEXT_PROBE_BYTES);
  switch (sniffFileKind(head)) {
    case 'zip':
      return zipKind(await zipDirectory(file, name, limits), name);
    case 'ole':
    case 'encrypted-ooxml':
      // sniffFile reads an OLE file whole (its directory may lie anywhere); an upload is bounded.
      throw new ApiError((await sniffFile(file)) === 'encrypted-ooxml' ? 'encrypted-workbook' : 'old-excel', { file: name });
    case 'other':
      break;
  }
  if (!looksLikeCsv(head, head.length < size)) throw new ApiError('unsupported-content', { file: name });
  const sheet = sheetOfCsv(name);
  if (sheet !== 'cases') throw new ApiError('csv-not-cases', { file: name, sheet: SHEETS.find((s) => s.key === sheet)!.zh });
  return 'csv';
}

/** The sheet a csv uploaded alone stands for: the one its name ends with, else the cases sheet. */
export function sheetOfCsv(name: string): SheetKey {
  return sheetKeyOfFileName(name.replace(/\.[^.]*$/, '')) ?? 'cases';
}

/**
 * Text a ledger csv could be: no NUL byte (UTF-16 and binary files have many), valid UTF-8 or
 * GB18030 (a multi-byte character cut by the probe's end is allowed), and a comma on its first
 * line (a ledger has many columns).
 */
export function looksLikeCsv(head: Buffer, cut: boolean): boolean {
  if (head.includes(0)) return false;
  const text = decodeText(head, cut);
  if (text === undefined) return false;
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(',');
}

function decodeText(bytes: Buffer, cut: boolean): string | undefined {
  // A probe cut inside a character: drop up to 3 trailing bytes before judging.
  for (let drop = 0; drop <= (cut ? 3 : 0); drop++) {
    const part = bytes.subarray(0, bytes.length - drop);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(part);
    } catch {
      const gb = gb18030Text(part);
      if (gb !== undefined) return gb;
    }
  }
  return undefined;
}

interface DirectoryEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** An xlsx has [Content_Types].xml and an xl/ folder; a zip of csv has a csv named after the cases sheet. */
function zipKind(entries: DirectoryEntry[], name: string): UploadKind {
  const names = entries.map((e) => e.name);
  if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  const sheets = csvEntries(entries).map((e) => e.sheet);
  if (sheets.includes('cases')) return 'zip-csv';
  if (sheets.length > 0) throw new ApiError('no-ledger-csv', { file: name });
  throw new ApiError('unsupported-content', { file: name });
}

/** The entries of a zip that are ledger csv files, each with the sheet its name stands for. */
function csvEntries<T extends { name: string }>(entries: T[]): { entry: T; sheet: SheetKey }[] {
  return entries.flatMap((entry) => {
    const base = entry.name.split('/').pop() ?? '';
    if (isLitterFileName(base) || entry.name.startsWith('__MACOSX/') || !/\.csv$/i.test(base)) return [];
    const sheet = sheetKeyOfFileName(base.replace(/\.csv$/i, ''));
    return sheet ? [{ entry, sheet }] : [];
  });
}

/** The zip's central directory, with the declared sizes checked; nothing is inflated. */
async function zipDirectory(file: string, name: string, limits: UploadLimits): Promise<DirectoryEntry[]> {
  const zip = await openZip(file, name);
  try {
    // Counted as the ledger reader counts them (folders too), from the directory's end record,
    // before a single entry is listed.
    if (zip.entryCount > limits.maxEntries) throw new ApiError('inflated-too-large', { file: name, detail: msg('serve.api.inflatedTooLarge.entries', { max: limits.maxEntries }) });
    const entries: DirectoryEntry[] = [];
    let declared = 0;
    for await (const entry of zipEntries(zip, name)) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxInflatedBytes) throw new ApiError('inflated-too-large', { file: name, detail: msg('serve.api.inflatedTooLarge.declared', { mb: mb(limits.maxInflatedBytes) }) });
      checkRatio(entry.uncompressedSize, entry.compressedSize, limits, name, entryName(entry));
      entries.push({ name: entryName(entry), compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
    }
    return entries;
  } finally {
    zip.close();
  }
}

function checkRatio(inflated: number, compressed: number, limits: UploadLimits, file: string, entry: string): void {
  // As the ledger reader judges a workbook's part (zip-archive.ts): entries under its grace size never by ratio.
  if (inflated > RATIO_GRACE_BYTES && inflated / Math.max(1, compressed) > limits.maxCompressionRatio) {
    throw new ApiError('inflated-too-large', { file, detail: msg('serve.api.inflatedTooLarge.ratio', { entry, ratio: limits.maxCompressionRatio }) });
  }
}

// ---- audit time: unpack a zip of csv files, counting what is actually inflated ----

/** A csv of the zip not read because an earlier entry stands for the same sheet (two months zipped together, say). */
export interface SkippedCsv {
  sheet: SheetKey;
  /** The entry's name in the zip, and the name of the entry read for that sheet. */
  entry: string;
  first: string;
}

/**
 * Writes each ledger csv of the zip to `dir` under its sheet's own name (办件台账.csv…), counting
 * the inflated bytes against the limits and against each entry's declared size. Runs in the
 * audit's worker. Failures are DutyAuditErrors, so they become the audit's failure with a fix.
 * A second csv for one sheet is not read, as in a folder, and is returned so that the audit
 * lists it as a data issue, as a folder's reader does (it was passed over without a word).
 */
export async function unpackCsvZip(file: string, dir: string, limits: UploadLimits): Promise<SkippedCsv[]> {
  await mkdir(dir, { recursive: true });
  const zip = await openZip(file, file).catch((err: unknown) => {
    throw damaged(file, err);
  });
  let inflated = 0;
  const written = new Map<SheetKey, string>();
  const skipped: SkippedCsv[] = [];
  try {
    const all: { name: string; zipEntry: yauzl.Entry }[] = [];
    for await (const zipEntry of zipEntries(zip, file)) all.push({ name: entryName(zipEntry), zipEntry });
    for (const { entry: { name, zipEntry: entry }, sheet } of csvEntries(all)) {
      const first = written.get(sheet);
      if (first !== undefined) {
        skipped.push({ sheet, entry: name, first });
        continue;
      }
      written.set(sheet, name);
      const target = join(dir, `${SHEETS.find((s) => s.key === sheet)!.zh}.csv`);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          inflated += chunk.length;
          if (inflated > limits.maxInflatedBytes) return done(tooLarge(file, mb(limits.maxInflatedBytes)));
          done(null, chunk);
        },
      });
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(damaged(file, err)) : resolve(s))),
      );
      await pipeline(stream, counter, createWriteStream(target)).catch((err: unknown) => {
        throw err instanceof DutyAuditError ? err : damaged(file, err);
      });
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err instanceof ApiError ? damaged(file, err) : err;
  } finally {
    zip.close();
  }
  if (!written.has('cases')) throw new DutyAuditError('no-cases-sheet', msg('serve.zipNoCases', { file }), { file, hint: msg('serve.zipNoCases.hint') });
  return skipped;
}

function tooLarge(file: string, maxMb: number): DutyAuditError {
  return new DutyAuditError('file-too-large', msg('serve.zipTooLarge', { file, what: msg('serve.zipTooLarge.total', { mb: maxMb }) }), {
    file,
    hint: msg('serve.zipTooLarge.hint'),
  });
}

function damaged(file: string, err: unknown): DutyAuditError {
  const reason = err instanceof Error ? err.message : String(err);
  return new DutyAuditError('not-a-workbook', msg('serve.zipDamaged', { file, reason }), { file, hint: msg('serve.zipDamaged.hint') });
}

// ---- yauzl, promised ----

function openZip(file: string, name: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // decodeStrings off: a Chinese zip tool writes names in GBK without saying so, which yauzl
    // would read as CP437; entryName decodes them. validateEntrySizes (on) stops an entry that
    // inflates past what it declared.
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err instanceof ApiError || err instanceof DutyAuditError ? err : new ApiError('damaged-zip', { file: name, detail: err.message })) : resolve(zip),
    ),
  );
}

async function* zipEntries(zip: yauzl.ZipFile, name: string): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => {
        cleanup();
        resolve(e);
      };
      const onEnd = () => {
        cleanup();
        resolve(undefined);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(new ApiError('damaged-zip', { file: name, detail: err.message }));
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    if (!entryName(entry).endsWith('/')) yield entry;
  }
}

/** An entry's name: UTF-8 when the zip says so (bit 11) or when it is valid UTF-8, else GB18030. */
export function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  if (entry.generalPurposeBitFlag & 0x800) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

// ---- small helpers ----

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
