/**
 * Writes an in-memory exceljs workbook's package: exceljs renders the parts, Node's zlib (yazl,
 * on the thread pool) deflates them. exceljs's own `writeBuffer` hands every part to JSZip,
 * which deflates in JavaScript (pako); in the one report an audit writes, that code runs cold.
 * So the steps of exceljs's `XLSX.write` (lib/xlsx/xlsx.js, exceljs 4.4.0, pinned exactly) run
 * here, in its order, with a collector in place of its JSZip writer, and each part goes to yazl
 * as exceljs would have packed it: the same names, the same order, the folder entries JSZip adds
 * before a part's first file, the same bytes. test/report/write-package.test.ts holds the
 * package to what `writeBuffer` writes, so an exceljs that renders differently fails there.
 *
 * Measured on the report of the 100,000-case bench month (71 findings, 919 warnings), one cold
 * write per fresh process: packing with JSZip's deflate took 245–298 ms; JSZip storing and yazl
 * re-packing what yauzl read back from it, 15 rounds against this file: 317 against 301 ms of
 * CPU for the whole workbook (medians, busy machine): a small gain for depending on exceljs's
 * private write steps, which is why exceljs is pinned and the test above compares packages.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import yazl from 'yazl';

/** exceljs's zip writer as `XLSX`'s part writers use it. */
interface PartSink {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}

type Model = ExcelJS.WorkbookModel;
type PartWriter = (zip: PartSink, model: Model) => unknown;

/** The steps of exceljs's `XLSX.write` (lib/xlsx/xlsx.js): not in its typings. */
interface XlsxSteps {
  prepareModel(model: Model, options: object): void;
  addContentTypes: PartWriter;
  addOfficeRels: PartWriter;
  addWorkbookRels: PartWriter;
  addWorksheets: PartWriter;
  addSharedStrings: PartWriter;
  addDrawings: PartWriter;
  addTables: PartWriter;
  addThemes: PartWriter;
  addStyles: PartWriter;
  addMedia: PartWriter;
  addApp: PartWriter;
  addCore: PartWriter;
  addWorkbook: PartWriter;
}

export interface Part {
  name: string;
  data: Buffer;
}

/** A part's folders, outermost first: `xl/worksheets/sheet1.xml` → `xl/`, `xl/worksheets/`. */
function foldersOf(name: string): string[] {
  const folders: string[] = [];
  for (let slash = name.indexOf('/'); slash > 0 && slash < name.length - 1; slash = name.indexOf('/', slash + 1)) folders.push(name.slice(0, slash + 1));
  return folders;
}

/**
 * `wb.model`, each sheet's model made once. exceljs's getter makes every sheet's model twice, for
 * its `worksheets` and its `sheets`, and prepareModel throws the second away (WorkbookXform's
 * prepare sets `sheets` to `worksheets`); each is a model of every row and cell. In the bench
 * month's report the getter took 20–28 ms of CPU (6 fresh processes), half of it for the copy
 * thrown away. So while the getter runs, each sheet answers `model` with the one made for it.
 */
function workbookModel(wb: ExcelJS.Workbook): Model {
  const sheets = wb.worksheets;
  for (const ws of sheets) Object.defineProperty(ws, 'model', { value: ws.model, configurable: true });
  try {
    return wb.model;
  } finally {
    // Back to the prototype's getter, which reads the sheet as it is then.
    for (const ws of sheets) delete (ws as { model?: unknown }).model;
  }
}

/**
 * The entries exceljs's `writeBuffer` packs, in its order: each part, after the folders JSZip
 * creates for it the first time one is named (empty entries whose names end in `/`).
 */
export async function packageParts(wb: ExcelJS.Workbook): Promise<Part[]> {
  const xlsx = wb.xlsx as unknown as XlsxSteps;
  const parts = new Map<string, Buffer>();
  const zip: PartSink = {
    append(data, options) {
      for (const folder of foldersOf(options.name)) if (!parts.has(folder)) parts.set(folder, Buffer.alloc(0));
      parts.set(options.name, typeof data === 'string' ? Buffer.from(data, options.base64 ? 'base64' : 'utf8') : data);
    },
  };
  // XLSX.write, step by step; `options` as writeBuffer() gets them (shared strings and styles).
  const model = workbookModel(wb);
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return [...parts].map(([name, data]) => ({ name, data }));
}

/** Writes `wb` to `path`, every file deflated. */
export async function writePackage(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const parts = await packageParts(wb);
  const target = new yazl.ZipFile();
  const written = pipeline(target.outputStream, createWriteStream(path));
  // A failed write (disk full) is awaited below; until then it must not count as unhandled.
  written.catch(() => undefined);
  const mtime = new Date();
  try {
    for (const { name, data } of parts) {
      if (name.endsWith('/')) target.addEmptyDirectory(name, { mtime });
      else target.addBuffer(data, name, { mtime, compress: true });
    }
  } finally {
    // Ended even when a part is refused, so the file is closed and `written` settles.
    target.end();
  }
  await written;
}
