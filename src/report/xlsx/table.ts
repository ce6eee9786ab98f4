/**
 * A filterable table sheet: a styled header row frozen in place and repeated on every printed
 * page, column widths, wrapped columns, and an auto-filter over header and data. Every list
 * sheet of the report is one of these, and so are the district summary's two sheets, which put
 * a title line above the header. A table may print only its leading columns: the end columns
 * (ids and codes a person filters by but does not read on paper) stay on screen and inside the
 * filter.
 */
import { columnLetter } from '../../ledger/column-letter.js';
import type { Lang, Localized } from '../../text.js';
import type { BookSink, CellValue, SheetSink } from './book.js';
import { printOptions, type PageHead } from './print.js';
import { setColumnWidths, styleHeader, styleHeading, TABLE_FONT_SIZE, wrap } from './style.js';

export interface TableColumn {
  label: Localized;
  width: number;
  /** Wrap the text of this column's cells (the row grows to show it). */
  wrap?: boolean;
}

export interface TableLayout {
  /** The page header's center and period; none for a workbook that is not a center's report. */
  head?: PageHead;
  /** How many leading columns print; all of them when absent. */
  printed?: number;
  /** A title line above the header row, frozen and printed on every page with it. */
  title?: string;
}

export async function openTable(book: BookSink, name: string, columns: TableColumn[], dataRows: number, lang: Lang, layout: TableLayout = {}): Promise<SheetSink> {
  const printed = Math.min(layout.printed ?? columns.length, columns.length);
  const header = layout.title === undefined ? 1 : 2;
  const options = printOptions(layout.head, {
    titleRows: `1:${header}`,
    ...(printed < columns.length ? { printColumns: { first: 'A', last: columnLetter(printed), rows: dataRows + header } } : {}),
  });
  const firstData = `A${header + 1}`;
  const sheet = book.addSheet(name, { ...options, views: [{ state: 'frozen', xSplit: 0, ySplit: header, topLeftCell: firstData, activeCell: firstData }] }, TABLE_FONT_SIZE);
  setColumnWidths(sheet.ws, columns.map((c) => c.width));
  sheet.ws.autoFilter = { from: { row: header, column: 1 }, to: { row: dataRows + header, column: columns.length } };
  if (layout.title !== undefined) await sheet.add([layout.title], styleHeading);
  await sheet.add(
    columns.map((c) => c.label[lang]),
    styleHeader,
  );
  const wrapped = columns.flatMap((c, i) => (c.wrap ? [i + 1] : []));
  return {
    ws: sheet.ws,
    add: (values, decorate) =>
      sheet.add(values, (row) => {
        wrap(row, wrapped);
        decorate?.(row);
      }),
  };
}

/** Column definitions from a label table plus widths (and wrapped keys), in the label table's key order. */
export function tableColumns<K extends string>(labels: Record<K, Localized>, widths: Record<K, number>, wrapped: readonly K[] = []): TableColumn[] {
  return (Object.keys(labels) as K[]).map((k) => ({ label: labels[k], width: widths[k], ...(wrapped.includes(k) ? { wrap: true } : {}) }));
}

/** A row's cells in the label table's key order, so a writer names each cell by its column. */
export function inColumnOrder<K extends string>(labels: Record<K, Localized>, cells: Record<K, CellValue>): CellValue[] {
  return (Object.keys(labels) as K[]).map((k) => cells[k]);
}

/** A row of empty cells in a label table's columns, for a writer to fill only some of them. */
export function emptyCells<K extends string>(labels: Record<K, Localized>): Record<K, CellValue> {
  return Object.fromEntries(Object.keys(labels).map((k) => [k, null])) as Record<K, CellValue>;
}

/** A column's 1-based position in a label table. */
export function columnOf<K extends string>(labels: Record<K, Localized>, key: K): number {
  return Object.keys(labels).indexOf(key) + 1;
}
