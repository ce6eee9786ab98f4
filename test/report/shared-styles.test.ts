/**
 * SharedStyles.finish: cells styled alike, empty cells and rows end up sharing style objects
 * (exceljs looks a style up by its object), which must change nothing in the written file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BOLD_FONT, DATE_FORMAT, FONT_NAME, SharedStyles, solidFill, TABLE_FONT_SIZE, WRAP_TOP } from '../../src/report/xlsx/style.js';
import { packageParts } from '../../src/report/xlsx/write-package.js';

type Styled = ExcelJS.Row & { style: Partial<ExcelJS.Style> };

/** A sheet like a report table: a header, wrapped and dated columns left blank now and then, a sparse row. */
function fill(ws: ExcelJS.Worksheet, styles: SharedStyles): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  const add = (values: ExcelJS.CellValue[], decorate: (row: ExcelJS.Row) => void = () => {}): void => {
    const row = ws.addRow(values);
    decorate(row);
    styles.finish(row, TABLE_FONT_SIZE);
    rows.push(row);
  };
  add(['记录', '日期', '说明', '编号'], (row) => (row.font = BOLD_FONT));
  for (let i = 0; i < 6; i++) {
    add([`SL-${i}`, i % 2 ? new Date(Date.UTC(2026, 9, i + 1)) : null, i % 3 ? null : '逾期未办结', i], (row) => {
      row.getCell(2).numFmt = DATE_FORMAT;
      row.getCell(3).alignment = WRAP_TOP;
      if (i === 4) row.getCell(4).fill = solidFill('FFEDEDED');
    });
  }
  // No cell in columns 2 and 3: finish must not add any.
  add(['合计', undefined, undefined, 6]);
  return rows;
}

describe('SharedStyles.finish', () => {
  it('gives filled cells the body font, and shares the style of alike empty cells and of rows as they are', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('预警');
    const rows = fill(ws, new SharedStyles());
    const [, first, second] = rows as [ExcelJS.Row, ExcelJS.Row, ExcelJS.Row];
    expect(first.getCell(1).style).toBe(second.getCell(1).style);
    expect(first.getCell(1).font).toEqual({ name: FONT_NAME, family: 2, size: TABLE_FONT_SIZE });
    // Column 2 is blank in row 2 and dated in row 3; column 3 is blank in both.
    expect(first.getCell(2).style).toEqual({ numFmt: DATE_FORMAT });
    expect(first.getCell(3).value).toBe('逾期未办结');
    expect(second.getCell(3).style).toEqual({ alignment: WRAP_TOP });
    expect(rows[3]!.getCell(3).style).toBe(second.getCell(3).style);
    expect(rows[3]!.getCell(2).style).toBe(first.getCell(2).style);
    expect((first as Styled).style).toBe((second as Styled).style);
    expect((first as Styled).style).toEqual({});
    const sparse = rows[rows.length - 1]!;
    expect(sparse.cellCount).toBe(4);
    expect([1, 2, 3, 4].map((c) => sparse.findCell(c) !== undefined)).toEqual([true, false, false, true]);
  });

  it('writes the same file as when every empty cell and row keeps a style object of its own', async () => {
    const shared = new ExcelJS.Workbook();
    fill(shared.addWorksheet('预警'), new SharedStyles());
    const own = new ExcelJS.Workbook();
    for (const row of fill(own.addWorksheet('预警'), new SharedStyles())) {
      (row as Styled).style = { ...(row as Styled).style };
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (cell && cell.value === null) cell.style = { ...cell.style };
      }
    }
    const parts = async (wb: ExcelJS.Workbook) => (await packageParts(wb)).map((p) => `${p.name}\n${p.data.toString('utf8')}`);
    const written = await parts(shared);
    expect(written.find((p) => p.startsWith('xl/worksheets/sheet1.xml'))).toMatch(/<c r="C3" s="\d+"\/>/);
    expect(written).toEqual(await parts(own));
  });
});
