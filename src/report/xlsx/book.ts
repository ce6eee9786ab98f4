/**
 * Where the sheet writers put their rows: an in-memory exceljs Workbook for ordinary months, or
 * the streaming WorkbookWriter for very large ones (docs/performance.md: an in-memory write of 100k
 * rows peaks near 2 GB). The streaming writer has no backpressure of its own, so every
 * BATCH rows we yield to the event loop and wait for the file stream to drain; it runs
 * without shared strings, whose table would otherwise grow with every row.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { openTemp, writeFileAtomically, type TempFile } from '../../output/atomic-file.js';
import type { Lang } from '../../text.js';
import { safeCellValue } from './cell-text.js';
import { RowHeights } from './row-height.js';
import { FONT_SIZE, SharedStyles } from './style.js';
import { writePackage } from './write-package.js';

export type CellValue = ExcelJS.CellValue;

export interface SheetSink {
  readonly ws: ExcelJS.Worksheet;
  /**
   * Appends a row; `decorate` styles it before it is committed. Every row then gets the body
   * font (where decorate named none) and a height that shows its wrapped text (row-height.ts).
   */
  add(values: CellValue[], decorate?: (row: ExcelJS.Row) => void): Promise<void>;
}

export interface BookSink {
  /** True for the streaming writer, which cannot write everything the in-memory one can (data bars). */
  readonly streaming: boolean;
  /** A sheet whose cells are in `fontSize` points unless styled otherwise (default 10.5, 五号). */
  addSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>, fontSize?: number): SheetSink;
  /** Commits the last sheet and writes the file. */
  close(): Promise<void>;
  /** Gives up after a failure before close: no file is left behind. */
  abort(): Promise<void>;
}

export interface BookMeta {
  creator: string;
  /** Fixed from the audit's as-of so two runs give the same workbook properties. */
  created: Date;
  /** The workbook's language: the mark on text cut to fit a cell is in it (cell-text.ts). */
  lang: Lang;
}

const BATCH = 1000;

/**
 * An empty text is an empty cell, the same in both writers (the streaming one drops '' cells);
 * other text is made safe for the XML of a workbook (cell-text.ts).
 */
function blankToNull(value: CellValue, lang: Lang): CellValue {
  return value === '' ? null : safeCellValue(value, lang);
}

function setMeta(wb: ExcelJS.Workbook, meta: BookMeta): void {
  wb.creator = meta.creator;
  wb.lastModifiedBy = meta.creator;
  wb.created = meta.created;
  wb.modified = meta.created;
}

/** What every row of a book gets after its own styling: the named font, shared styles, a height for its wrapped text. */
class RowFinish {
  private readonly styles = new SharedStyles();
  private readonly heights = new RowHeights();

  finish(row: ExcelJS.Row, ws: ExcelJS.Worksheet, fontSize: number): void {
    this.styles.finish(row, fontSize);
    this.heights.fit(row, ws);
  }
}

/**
 * Where a book is written: through a temporary file of its own that is flushed and renamed at
 * the end (src/output/atomic-file.ts), so a failed or stopped run leaves no half report and two
 * runs never share one; or, `inPlace`, straight into `file` when the caller's `file` is itself a
 * temporary file it will commit (the batch names reports only once every audit is in).
 */
export interface BookTarget {
  inPlace?: boolean;
}

interface Destination {
  path: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

function destination(file: string, target: BookTarget): Destination {
  if (target.inPlace) return { path: file, commit: async () => {}, discard: async () => {} };
  const temp: TempFile = openTemp(file);
  return { path: temp.path, commit: () => temp.commit(), discard: () => temp.discard() };
}

export function memoryBook(file: string, meta: BookMeta, target: BookTarget = {}): BookSink {
  const wb = new ExcelJS.Workbook();
  setMeta(wb, meta);
  const rows = new RowFinish();
  return {
    streaming: false,
    addSheet(name, options, fontSize = FONT_SIZE) {
      const ws = wb.addWorksheet(name, options);
      return {
        ws,
        async add(values, decorate) {
          const row = ws.addRow(values.map((value) => blankToNull(value, meta.lang)));
          decorate?.(row);
          rows.finish(row, ws, fontSize);
        },
      };
    },
    async close() {
      const write = (path: string): Promise<void> => writePackage(wb, path);
      if (!target.inPlace) return writeFileAtomically(file, write);
      await mkdir(dirname(file), { recursive: true });
      await write(file);
    },
    async abort() {},
  };
}

/** Waits for the file stream to take what it holds; `once` rejects when the stream fails. */
async function drain(stream: WriteStream): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (stream.writableNeedDrain && !stream.destroyed) await once(stream, 'drain');
}

/** The folder must exist: the stream opens at once (writeReportXlsx creates it). */
export function streamingBook(file: string, meta: BookMeta, target: BookTarget = {}): BookSink {
  const dest = destination(file, target);
  const out = createWriteStream(dest.path);
  // A failed write (disk full, no permission) is kept and thrown by the next add or by close,
  // instead of an unhandled 'error' event ending the process.
  let failure: Error | undefined;
  out.on('error', (error) => {
    failure ??= error;
  });
  const check = (): void => {
    if (failure) throw failure;
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  setMeta(wb, meta);
  const rows = new RowFinish();
  let current: ExcelJS.Worksheet | undefined;
  return {
    streaming: true,
    addSheet(name, options, fontSize = FONT_SIZE) {
      current?.commit();
      const ws = wb.addWorksheet(name, options);
      current = ws;
      let count = 0;
      return {
        ws,
        async add(values, decorate) {
          const row = ws.addRow(values.map((value) => blankToNull(value, meta.lang)));
          decorate?.(row);
          rows.finish(row, ws, fontSize);
          row.commit();
          if (++count % BATCH === 0) {
            await drain(out);
            check();
          }
        },
      };
    },
    async close() {
      try {
        check();
        current?.commit();
        const finished = once(out, 'close');
        await wb.commit();
        await finished;
        check();
        await dest.commit();
      } catch (err) {
        out.destroy();
        await dest.discard();
        throw err;
      }
    },
    async abort() {
      out.destroy();
      await dest.discard();
    },
  };
}
