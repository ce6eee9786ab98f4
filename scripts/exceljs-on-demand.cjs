/**
 * exceljs as the bundled bin sees it (scripts/bundle-bin.mjs): the same object as
 * `require('exceljs')` (lib/exceljs.nodejs.js), but each of its three parts is required when
 * first touched, not when the bin starts. exceljs's entry requires all three at once: the
 * streaming reader (unzipper, bluebird, binary, chainsaw, traverse and ~200 es-abstract
 * shims), which the bin never uses since the ledger is read by src/ledger/xlsx; the streaming
 * writer (archiver and its ~60 modules), which only a report of more than 10,000 findings
 * uses; and the in-memory Workbook, which every ordinary month's report uses. Measured on a
 * 1,000-case month (bench/audit.ts --month): the bin initialised 709 bundled CommonJS modules
 * before its first row, now 331; with the reader out of the bundle (3.4 → 2.9 MB), CPU fell by
 * ~2%, within the noise of the busy machine (docs/performance.md).
 */
'use strict';

const exceljs = {
  get Workbook() {
    return require('exceljs/lib/doc/workbook');
  },
  get ModelContainer() {
    return require('exceljs/lib/doc/modelcontainer');
  },
  stream: {
    xlsx: {
      get WorkbookWriter() {
        return require('exceljs/lib/stream/xlsx/workbook-writer');
      },
      get WorkbookReader() {
        return require('exceljs/lib/stream/xlsx/workbook-reader');
      },
    },
  },
};

Object.assign(exceljs, require('exceljs/lib/doc/enums'));

module.exports = exceljs;
