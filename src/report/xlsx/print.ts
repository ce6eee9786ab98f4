/**
 * How every sheet prints (docs/report.md "Printing"): A4 landscape, fit to one page wide and as
 * many tall as it takes, the header rows repeated on every page, a page header naming the
 * center, the sheet and the period, and a footer "第 N 页 共 M 页". Given when a sheet is added,
 * because the streaming writer writes the sheet's properties before its first row.
 */
import type ExcelJS from 'exceljs';
import type { Lang, Localized } from '../../text.js';
import { cellText } from './cell-text.js';
import { FONT_NAME } from './style.js';

/** What the page header names. */
export interface PageHead {
  center: string;
  period: string;
  lang: Lang;
}

export interface PrintLayout {
  /** Rows repeated at the top of every page, e.g. `1:1` for a table's header row. */
  titleRows?: string;
  /** Columns printed, e.g. `A:I`: a table's end columns (ids and codes) stay on screen only. */
  printColumns?: { first: string; last: string; rows: number };
}

const A4 = 9 as ExcelJS.PaperSize;

/** exceljs writes these two (as the print titles and area names) but leaves them out of its typings. */
type PageSetup = Partial<ExcelJS.PageSetup> & { printTitlesRow?: string; printArea?: string };

const PERIOD: Localized = { zh: '检查期间', en: 'Period' };
const FOOTER: Localized = { zh: '第 &P 页 共 &N 页', en: 'Page &P of &N' };

/** `&` starts a code in a page header; a literal one is written twice. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Excel refuses a workbook whose page header is over 255 characters, its codes included. */
export const MAX_PAGE_HEADER_CHARS = 255;

/**
 * Left: the center; middle: the sheet's name (&A), bold; right: the period. The center's name
 * comes from the ledger: the characters XML forbids are dropped as in a cell (cell-text.ts; one
 * U+FFFF made every sheet's XML not well-formed), and a name too long for the header is cut,
 * ending in "…".
 */
export function pageHeader(head: PageHead): string {
  const rest = `&C&"${FONT_NAME},Bold"&A&R${PERIOD[head.lang]} ${literal(head.period)}`;
  const room = MAX_PAGE_HEADER_CHARS - rest.length - '&L'.length;
  const chars = [...cellText(head.center, head.lang)];
  let center = literal(chars.join(''));
  for (let n = Math.min(chars.length, room); center.length > room; n--) center = `${literal(chars.slice(0, n - 1).join(''))}…`;
  return `&L${center}${rest}`;
}

export function pageFooter(lang: Lang): string {
  return `&C${FOOTER[lang]}`;
}

export function printOptions(head: PageHead | undefined, layout: PrintLayout = {}): Partial<ExcelJS.AddWorksheetOptions> {
  const pageSetup: PageSetup = {
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.5, header: 0.25, footer: 0.25 },
  };
  if (layout.titleRows) pageSetup.printTitlesRow = layout.titleRows;
  if (layout.printColumns) {
    const { first, last, rows } = layout.printColumns;
    // exceljs puts a `$` before each end of the range: `A$1` comes out as the absolute `$A$1`,
    // which Excel and LibreOffice read (they ignore a half-absolute `$A1`).
    pageSetup.printArea = `${first}$1:${last}$${Math.max(1, rows)}`;
  }
  const options: Partial<ExcelJS.AddWorksheetOptions> = { pageSetup };
  if (head) options.headerFooter = { oddHeader: pageHeader(head), oddFooter: pageFooter(head.lang) };
  return options;
}
