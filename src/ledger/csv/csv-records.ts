/**
 * A CSV file's records, every physical line accounted for. csv-parse reads the fields; this file
 * keeps track of where each record starts and ends in the bytes, and takes care of the one way a
 * CSV silently loses rows: a quote that opens a cell and is not closed where it should be. The
 * quoted cell then runs on over the following lines, swallowing whole rows into one cell (54 of
 * 300 rows, with the row count still balancing), or to the end of the file.
 *
 * Such a record is told apart from a genuine multi-line cell (a 备注 typed with Alt+Enter) by its
 * quote kept as text, or by what it swallowed (see swallowedCell). Then the record is read again
 * line by line: its first line is taken as written (quotes as text), marked `brokenAt` the cell
 * where the quote opened, and reading resumes with the next line, so the swallowed rows are read
 * as the rows they are. A quote that is never closed at all, or a quoted cell that grows past the
 * record size limit across lines, is the same case.
 *
 * A stray quote inside a cell (`居住"证`), or after a closing quote (`"ab"c`), is read as text,
 * as Excel does (csv-parse's relax_quotes), and loses nothing.
 *
 * The input is the file as UTF-8 bytes, parsed as they are (csv-parse reads bytes): a decoded
 * string of a Chinese CSV takes two bytes a character beside the file's own bytes (bench/hostile.ts:
 * a 1,000,000-row CSV refused at its 150,001st row peaked at 386 MB through a string, 330 MB through the bytes).
 */
import { parse, type CsvError, type Options } from 'csv-parse';

export interface CsvRecord {
  /** 1-based record number: the row number a spreadsheet shows for it. */
  row: number;
  cells: string[];
  /** Set when the record was read as written because of an unclosed quote: the cell it opened in. */
  brokenAt?: { cell: number; swallowedTo: number };
}

export interface CsvRecordOptions {
  delimiter: string;
  /** csv-parse's limit on one record's UTF-8 bytes: a bound on memory, above any real row. */
  maxRecordBytes: number;
}

/** A record longer than maxRecordBytes that is not an unclosed quote: a cell far over the limit. */
export class RecordTooLong extends Error {
  constructor(
    readonly row: number,
    readonly line: number,
    readonly maxBytes: number,
  ) {
    super(`row ${row} (line ${line}) is longer than ${maxBytes} bytes`);
  }
}

/** Bytes handed to csv-parse at a time (views, not copies): starting again after an unclosed quote parses little twice. */
const CHUNK_BYTES = 1 << 16;
const LF = 0x0a;
const CR = 0x0d;

/** The records of `utf8` (a file's bytes as UTF-8, without a byte-order mark). */
export async function* csvRecords(utf8: Buffer, options: CsvRecordOptions): AsyncGenerator<CsvRecord> {
  const lines = new LineCursor(utf8);
  let row = 0;
  /** The widest record so far: a swallowed row holds about this many separators. */
  let width = 0;
  let offset = 0;
  while (offset < utf8.length) {
    let resumeAt: number | undefined;
    /** Where the record that swallowed lines ended (for the message). */
    let swallowEnd = utf8.length;
    // Checked as csv-parse reads each record, so it stops right there instead of reading on.
    const swallows = (record: string[]): boolean => {
      if (swallowedCell(record, options.delimiter, width) !== undefined) return true;
      width = Math.max(width, record.length);
      return false;
    };
    for await (const parsed of parsedRecords(utf8, offset, options, swallows)) {
      if ('error' in parsed) {
        if (!isUnclosedQuote(parsed.error)) {
          if (parsed.error.code === 'CSV_MAX_RECORD_SIZE') throw new RecordTooLong(row + 1, lines.lineAt(offset), options.maxRecordBytes);
          throw parsed.error;
        }
        resumeAt = offset;
        const raw = (parsed.error as CsvError & { raw?: string }).raw;
        swallowEnd = typeof raw === 'string' ? offset + Buffer.byteLength(raw) : utf8.length;
        break;
      }
      const start = offset;
      offset += consumed(utf8, offset, parsed.raw);
      if (parsed.swallows) {
        resumeAt = start;
        swallowEnd = offset;
        break;
      }
      yield { row: ++row, cells: parsed.record };
    }
    if (resumeAt === undefined) break;
    // The record at `resumeAt` swallowed lines: take its first line as written, then go on.
    const lineEnd = lines.endOfLine(resumeAt);
    const cells = utf8.toString('utf8', resumeAt, lineEnd).split(options.delimiter);
    const cell = Math.max(0, cells.findIndex((c) => c.includes('"')));
    const firstLine = lines.lineAt(resumeAt);
    offset = lines.nextLineStart(lineEnd);
    const swallowedTo = firstLine + lineBreaks(utf8, resumeAt, endOfContent(utf8, swallowEnd));
    yield { row: ++row, cells, brokenAt: { cell, swallowedTo } };
  }
}

type Parsed = { record: string[]; raw: string; swallows?: true } | { error: CsvError };

/** Thrown from on_record to stop csv-parse at a record that swallowed lines. */
const STOP = new Error('stop at a record that swallowed lines');

/**
 * csv-parse over utf8[from…], record by record, ending with the parser's error if it fails.
 * Records are taken as they are parsed (on_record), not from the stream's buffer: when the
 * parser fails, the stream drops what it buffered, and with it where the failing record began.
 */
async function* parsedRecords(utf8: Buffer, from: number, options: CsvRecordOptions, swallows: (record: string[]) => boolean): AsyncGenerator<Parsed> {
  const queue: Parsed[] = [];
  const onRecord = (parsed: { record: string[]; raw: string }): null => {
    if (swallows(parsed.record)) {
      queue.push({ ...parsed, swallows: true });
      throw STOP;
    }
    queue.push(parsed);
    return null;
  };
  const parser = parse({
    delimiter: options.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    raw: true,
    max_record_size: options.maxRecordBytes,
    // With raw: true csv-parse hands on_record {record, raw}; its types know only the record.
    on_record: onRecord as unknown as Options['on_record'],
  });
  let failure: CsvError | undefined;
  parser.on('error', (error: CsvError) => {
    failure ??= error;
  });
  parser.resume();
  try {
    for (let start = from; start < utf8.length; start += CHUNK_BYTES) {
      // csv-parse parses a chunk synchronously inside write(): its records are queued when it returns.
      parser.write(utf8.subarray(start, Math.min(utf8.length, start + CHUNK_BYTES)));
      failure ??= (parser.errored as CsvError | null) ?? undefined;
      while (queue.length > 0) {
        const next = queue.shift()!;
        yield next;
        if ('swallows' in next) return;
      }
      if (failure || parser.destroyed) break;
    }
    if (!failure && !parser.destroyed) {
      await new Promise<void>((resolve) => {
        parser.once('close', resolve);
        parser.once('error', () => resolve());
        parser.once('finish', resolve);
        parser.end();
      });
    }
    while (queue.length > 0) yield queue.shift()!;
    const error = failure ?? (parser.errored as CsvError | null) ?? undefined;
    if (error && error !== STOP) yield { error };
  } finally {
    parser.destroy();
  }
}

/**
 * The bytes a record took. csv-parse's raw text leaves out the `\n` of a `\r\n` that ends the
 * record (measured with csv-parse 7.0.3); that `\n` is added back.
 */
function consumed(utf8: Buffer, offset: number, raw: string): number {
  const length = Buffer.byteLength(raw);
  return raw.endsWith('\r') && utf8[offset + length] === LF ? length + 1 : length;
}

/** Line breaks in utf8[from, to): `\r\n` counts once. */
function lineBreaks(utf8: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = utf8[i];
    if (c === LF || (c === CR && utf8[i + 1] !== LF)) n++;
  }
  return n;
}

/** The offset just past a record's content, before its line break. */
function endOfContent(utf8: Buffer, end: number): number {
  let e = end;
  while (e > 0 && (utf8[e - 1] === LF || utf8[e - 1] === CR)) e--;
  return e;
}

/**
 * The index of a cell that swallowed lines, or undefined. Two signs: the cell holds a line break
 * yet still begins with a quote (csv-parse strips the quotes of a cell that was quoted and closed
 * properly; it keeps them, with relax_quotes, when the closing quote was followed by text, so a
 * kept quote on a multi-line cell means the quoting broke); or a line of the cell after its first
 * holds at least half a row's separators (a whole row swallowed, even if a later quote happened
 * to close the cell properly).
 */
function swallowedCell(record: readonly string[], delimiter: string, width: number): number | undefined {
  const enough = Math.max(2, Math.ceil((Math.max(width, record.length) - 1) / 2));
  for (let i = 0; i < record.length; i++) {
    const cell = record[i]!;
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    if (cell.startsWith('"')) return i;
    const inner = cell.split(/\r\n|\r|\n/).slice(1);
    if (inner.some((line) => line.split(delimiter).length - 1 >= enough)) return i;
  }
  return undefined;
}

/** csv-parse's errors for a quote still open: at the end of the text, or grown past the record limit over lines. */
function isUnclosedQuote(error: CsvError): boolean {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return true;
  const raw = (error as CsvError & { raw?: string }).raw;
  return error.code === 'CSV_MAX_RECORD_SIZE' && typeof raw === 'string' && /[\r\n]/.test(raw);
}

/**
 * Physical lines of the file (a line ends at `\r\n`, `\n` or `\r`), found by moving forward
 * only: records arrive in order, so the whole file is scanned once.
 */
class LineCursor {
  private line = 1;
  private at = 0;

  private readonly lf: NextByte;
  private readonly cr: NextByte;

  constructor(private readonly utf8: Buffer) {
    this.lf = new NextByte(utf8, LF);
    this.cr = new NextByte(utf8, CR);
  }

  /** The line holding `offset`. */
  lineAt(offset: number): number {
    if (offset < this.at) {
      this.line = 1;
      this.at = 0;
    }
    for (;;) {
      const end = this.endOfLine(this.at);
      if (offset <= end || end >= this.utf8.length) return this.line;
      const next = this.nextLineStart(end);
      if (next > offset) return this.line;
      this.line++;
      this.at = next;
    }
  }

  /** The offset of the line break ending the line that holds `offset` (or the end). */
  endOfLine(offset: number): number {
    return Math.min(this.lf.next(offset), this.cr.next(offset));
  }

  /** The start of the line after the line break at `end`. */
  nextLineStart(end: number): number {
    if (end >= this.utf8.length) return this.utf8.length;
    return this.utf8[end] === CR && this.utf8[end + 1] === LF ? end + 2 : end + 1;
  }
}

/**
 * The next position of one byte value, remembered: a file with no `\r` at all would otherwise be
 * searched to its end for one at every line.
 */
class NextByte {
  private from = -1;
  private at = -1;

  constructor(
    private readonly bytes: Buffer,
    private readonly value: number,
  ) {}

  /** The first position at or after `offset` holding the byte, or the length when there is none. */
  next(offset: number): number {
    if (offset < this.from || offset > this.at) {
      const found = this.bytes.indexOf(this.value, offset);
      this.at = found < 0 ? this.bytes.length : found;
      this.from = offset;
    }
    return this.at;
  }
}
