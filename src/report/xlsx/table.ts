/**
 * A filterable table sheet: a styled header row frozen in place, column widths, and an
 * auto-filter over header and data. Every list sheet of the report is one of these.
 */
import type { Lang, Localized } from '../../text.js';
import type { BookSink, SheetSink } from './book.js';
import { styleHeader } from './style.js';

export interface TableColumn {
  label: Localized;
  width: number;
}

export async function openTable(book: BookSink, name: string, columns: TableColumn[], dataRows: number, lang: Lang): Promise<SheetSink> {
  const sheet = book.addSheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.ws.columns = columns.map((c) => ({ width: c.width }));
  sheet.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, dataRows + 1), column: columns.length } };
  await sheet.add(
    columns.map((c) => c.label[lang]),
    styleHeader,
  );
  return sheet;
}

/** Column definitions from a label table plus widths, in the label table's key order. */
export function tableColumns<K extends string>(labels: Record<K, Localized>, widths: Record<K, number>): TableColumn[] {
  return (Object.keys(labels) as K[]).map((k) => ({ label: labels[k], width: widths[k] }));
}
