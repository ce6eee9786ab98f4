/**
 * Where the sheet writers put their rows: an in-memory exceljs Workbook for ordinary months, or
 * the streaming WorkbookWriter for very large ones (LIBRARY-NOTES: an in-memory write of 100k
 * rows peaks near 2 GB). The streaming writer has no backpressure of its own, so every
 * BATCH rows we yield to the event loop and wait for the file stream to drain; it runs
 * without shared strings, whose table would otherwise grow with every row.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { fitRowHeight } from './row-height.js';
import { FONT_SIZE, SharedStyles } from './style.js';

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
}

export interface BookMeta {
  creator: string;
  /** Fixed from the audit's as-of so two runs give the same workbook properties. */
  created: Date;
}

const BATCH = 1000;

/** An empty text is an empty cell, the same in both writers (the streaming one drops '' cells). */
function blankToNull(value: CellValue): CellValue {
  return value === '' ? null : value;
}

function setMeta(wb: ExcelJS.Workbook, meta: BookMeta): void {
  wb.creator = meta.creator;
  wb.lastModifiedBy = meta.creator;
  wb.created = meta.created;
  wb.modified = meta.created;
}

/** What every row gets after its own styling: the named font, shared styles, a height for its wrapped text. */
function finish(styles: SharedStyles, row: ExcelJS.Row, ws: ExcelJS.Worksheet, fontSize: number): void {
  styles.finish(row, fontSize);
  fitRowHeight(row, ws);
}

/** Writes to `<file>.partial` and renames at the end, so a failed run leaves no half report. */
function partialName(file: string): string {
  return `${file}.partial`;
}

export function memoryBook(file: string, meta: BookMeta): BookSink {
  const wb = new ExcelJS.Workbook();
  setMeta(wb, meta);
  const styles = new SharedStyles();
  return {
    streaming: false,
    addSheet(name, options, fontSize = FONT_SIZE) {
      const ws = wb.addWorksheet(name, options);
      return {
        ws,
        async add(values, decorate) {
          const row = ws.addRow(values.map(blankToNull));
          decorate?.(row);
          finish(styles, row, ws, fontSize);
        },
      };
    },
    async close() {
      const tmp = partialName(file);
      try {
        await wb.xlsx.writeFile(tmp);
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
  };
}

async function drain(stream: WriteStream): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (stream.writableNeedDrain) await once(stream, 'drain');
}

export function streamingBook(file: string, meta: BookMeta): BookSink {
  const tmp = partialName(file);
  const out = createWriteStream(tmp);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  setMeta(wb, meta);
  const styles = new SharedStyles();
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
          const row = ws.addRow(values.map(blankToNull));
          decorate?.(row);
          finish(styles, row, ws, fontSize);
          row.commit();
          if (++count % BATCH === 0) await drain(out);
        },
      };
    },
    async close() {
      try {
        current?.commit();
        const finished = once(out, 'close');
        await wb.commit();
        await finished;
        await rename(tmp, file);
      } catch (err) {
        out.destroy();
        await rm(tmp, { force: true });
        throw err;
      }
    },
  };
}
