/**
 * The bundled bin sees exceljs through scripts/exceljs-on-demand.cjs, which requires each part
 * when first used: it must be the very exceljs the library and the tests use, part for part.
 */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const onDemand = require('../../scripts/exceljs-on-demand.cjs') as typeof ExcelJS;

describe('exceljs on demand', () => {
  it('gives the classes of exceljs itself', () => {
    expect(onDemand.Workbook).toBe(ExcelJS.Workbook);
    expect(onDemand.stream.xlsx.WorkbookWriter).toBe(ExcelJS.stream.xlsx.WorkbookWriter);
    expect(onDemand.stream.xlsx.WorkbookReader).toBe(ExcelJS.stream.xlsx.WorkbookReader);
    expect((onDemand as unknown as { ModelContainer: unknown }).ModelContainer).toBe((ExcelJS as unknown as { ModelContainer: unknown }).ModelContainer);
  });

  it('has every name exceljs has, enums included, and no other', () => {
    expect(Object.keys(onDemand).sort()).toEqual(Object.keys(ExcelJS).sort());
    expect(Object.keys(onDemand.stream.xlsx).sort()).toEqual(Object.keys(ExcelJS.stream.xlsx).sort());
    expect(onDemand.ValueType).toEqual(ExcelJS.ValueType);
  });
});
