/**
 * Workbooks written part by part, as the programs that send us ledgers write them: the XML is
 * composed here and zipped with JSZip in each producer's part order, so the reader is tested
 * on the layouts it meets (and on hostile variations of them) without committed binaries.
 *
 * - excel: Excel's order (workbook, its relationships, the worksheets, then theme, styles and
 *   shared strings last), every text a shared string, relative targets, `spans` on rows.
 * - libreoffice: relationships and shared strings first, `[Content_Types].xml` last, rows
 *   with LibreOffice's attributes, booleans as `t="b"`, formulas with `aca="false"`.
 * - openpyxl: absolute targets (`/xl/worksheets/sheet1.xml`), parts under other names,
 *   inline strings (`t="inlineStr"`), no `spans`.
 * - prefixed: every element with an `x:` prefix (as .NET's OpenXML SDK writes).
 * Options: `omitRefs` drops the optional `r=` on rows and cells; `dataDescriptors` writes
 * entries with sizes after the data (as streaming writers do).
 */
import { writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** A cell as the test means it. */
export type CellSpec =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { formula: string; result?: string | number | boolean | Date | { error: string } }
  | { error: string }
  | { rich: string[]; inline?: boolean }
  | { serial: number; format: 'date' | 'datetime' | 'cjk-date' | 'custom-date' | 'custom-number' }
  | { raw: string };

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  /** Merged ranges, e.g. `A1:H1` for a title row. */
  merges?: string[];
  /** Written as this part name (e.g. `xl/worksheets/data.xml`); default `xl/worksheets/sheetN.xml`. */
  part?: string;
}

export type Producer = 'excel' | 'libreoffice' | 'openpyxl' | 'prefixed';

export interface BookSpec {
  sheets: SheetSpec[];
  producer: Producer;
  date1904?: boolean | 'true';
  omitRefs?: boolean;
  dataDescriptors?: boolean;
  /** Replace a part's XML after it is composed (hostile fixtures). */
  patch?: Record<string, (xml: string) => string>;
  /** Extra parts to add as they are. */
  extra?: Record<string, string | Buffer>;
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MS_PER_DAY = 86_400_000;

/** Style indexes in every fixture's styles part. */
const STYLE = { general: 0, date: 1, cjkDate: 2, customDate: 3, customNumber: 4, builtinDate: 5 } as const;
const STYLES_XML = (prefix: string) =>
  `${DECL}<${prefix}styleSheet xmlns${prefix ? ':x' : ''}="${MAIN_NS}"><${prefix}numFmts count="2"><${prefix}numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><${prefix}numFmt numFmtId="177" formatCode="#,##0.00&quot;元&quot;;[Red]\\-#,##0.00&quot;元&quot;"/></${prefix}numFmts>` +
  `<${prefix}cellXfs count="6"><${prefix}xf numFmtId="0"/><${prefix}xf numFmtId="14" applyNumberFormat="1"/><${prefix}xf numFmtId="31" applyNumberFormat="1"/><${prefix}xf numFmtId="176" applyNumberFormat="1"/><${prefix}xf numFmtId="177" applyNumberFormat="1"/><${prefix}xf numFmtId="22" applyNumberFormat="1"/></${prefix}cellXfs>` +
  `<${prefix}dxfs count="1"><${prefix}dxf><${prefix}numFmt numFmtId="176" formatCode="0.00"/></${prefix}dxf></${prefix}dxfs></${prefix}styleSheet>`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

export function columnName(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function serialOf(date: Date, date1904 = false): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / MS_PER_DAY - (date1904 ? 1462 : 0);
}

export async function writeBook(file: string, book: BookSpec): Promise<string> {
  await writeFile(file, await bookBytes(book));
  return file;
}

export async function bookBytes(book: BookSpec): Promise<Buffer> {
  const parts = composeParts(book);
  for (const [name, patch] of Object.entries(book.patch ?? {})) parts.set(name, patch(String(parts.get(name) ?? '')));
  for (const [name, content] of Object.entries(book.extra ?? {})) parts.set(name, content);
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: book.dataDescriptors === true });
}

/** The parts in the producer's order (a Map keeps insertion order, and JSZip writes in it). */
export function composeParts(book: BookSpec): Map<string, string | Buffer> {
  const prefix = book.producer === 'prefixed' ? 'x:' : '';
  const shared = new SharedStrings(book.producer !== 'openpyxl');
  const sheetParts = book.sheets.map((sheet, i) => sheet.part ?? (book.producer === 'openpyxl' ? `xl/worksheets/sheet${i + 1}.xml` : `xl/worksheets/sheet${i + 1}.xml`));
  const sheetXml = book.sheets.map((sheet) => worksheetXml(sheet, book, shared, prefix));
  const absolute = book.producer === 'openpyxl';
  const target = (part: string) => (absolute ? `/${part}` : part.replace(/^xl\//, ''));
  const rels =
    `${DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    sheetParts.map((part, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target(part)}"/>`).join('') +
    `<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="${target('xl/styles.xml')}"/>` +
    (shared.used ? `<Relationship Id="rIdT" Type="${REL_NS}/sharedStrings" Target="${target('xl/sharedStrings.xml')}"/>` : '') +
    `</Relationships>`;
  const date1904 = book.date1904 === true ? ' date1904="1"' : book.date1904 === 'true' ? ' date1904="true"' : '';
  const ns = prefix ? `xmlns:x="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const workbook =
    `${DECL}<${prefix}workbook ${ns} xmlns:r="${REL_NS}"><${prefix}workbookPr${date1904}/><${prefix}sheets>` +
    book.sheets.map((sheet, i) => `<${prefix}sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</${prefix}sheets></${prefix}workbook>`;
  const rootRels = `${DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="${absolute ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`;
  const contentTypes = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
  const sharedXml = shared.xml(prefix);
  const styles = STYLES_XML(prefix);
  const parts = new Map<string, string | Buffer>();
  const sheetsInto = () => sheetParts.forEach((part, i) => parts.set(part, sheetXml[i]!));
  switch (book.producer) {
    case 'excel':
    case 'prefixed':
      parts.set('[Content_Types].xml', contentTypes);
      parts.set('_rels/.rels', rootRels);
      parts.set('xl/workbook.xml', workbook);
      parts.set('xl/_rels/workbook.xml.rels', rels);
      sheetsInto();
      parts.set('xl/styles.xml', styles);
      if (shared.used) parts.set('xl/sharedStrings.xml', sharedXml);
      break;
    case 'libreoffice':
      parts.set('_rels/.rels', rootRels);
      parts.set('xl/_rels/workbook.xml.rels', rels);
      if (shared.used) parts.set('xl/sharedStrings.xml', sharedXml);
      sheetsInto();
      parts.set('xl/styles.xml', styles);
      parts.set('xl/workbook.xml', workbook);
      parts.set('[Content_Types].xml', contentTypes);
      break;
    case 'openpyxl':
      parts.set('[Content_Types].xml', contentTypes);
      parts.set('_rels/.rels', rootRels);
      sheetsInto();
      parts.set('xl/styles.xml', styles);
      parts.set('xl/workbook.xml', workbook);
      parts.set('xl/_rels/workbook.xml.rels', rels);
      if (shared.used) parts.set('xl/sharedStrings.xml', sharedXml);
      break;
  }
  return parts;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  used = false;

  constructor(readonly enabled: boolean) {}

  add(key: string, itemXml: string): number {
    this.used = true;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.items.length;
      this.index.set(key, at);
      this.items.push(itemXml);
    }
    return at;
  }

  xml(prefix: string): string {
    const ns = prefix ? `xmlns:x="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
    return `${DECL}<${prefix}sst ${ns} count="${this.items.length}" uniqueCount="${this.items.length}">${this.items.map((item) => item.replaceAll('<', `<${prefix}`).replaceAll(`<${prefix}/`, `</${prefix}`)).join('')}</${prefix}sst>`;
  }
}

function textElement(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeXml(text)}</t>`;
}

function worksheetXml(sheet: SheetSpec, book: BookSpec, shared: SharedStrings, prefix: string): string {
  const p = prefix;
  const rows = sheet.rows
    .map((cells, r) => {
      const rowNumber = r + 1;
      const cellXml = cells
        .map((cell, c) => cellXml_(cell, `${columnName(c)}${rowNumber}`, book, shared, p))
        .filter((xml) => xml !== '')
        .join('');
      // Without r=, an empty row must still be written for the rows after it to keep their numbers.
      if (cellXml === '' && book.producer !== 'libreoffice' && !book.omitRefs) return '';
      const ref = book.omitRefs ? '' : ` r="${rowNumber}"`;
      const attributes =
        book.producer === 'excel' ? `${ref} spans="1:${Math.max(1, cells.length)}"` : book.producer === 'libreoffice' ? `${ref} customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"` : ref;
      return `<${p}row${attributes}>${cellXml}</${p}row>`;
    })
    .join('');
  const merges = sheet.merges?.length ? `<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>` : '';
  const ns = prefix ? `xmlns:x="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  return `${DECL}<${p}worksheet ${ns} xmlns:r="${REL_NS}"><${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews><${p}sheetData>${rows}</${p}sheetData>${merges}</${p}worksheet>`;
}

/** Rows and cells without `r=` must follow each other: empty cells are then written as `<c/>`. */
function cellXml_(cell: CellSpec, ref: string, book: BookSpec, shared: SharedStrings, p: string): string {
  const r = book.omitRefs ? '' : ` r="${ref}"`;
  const empty = book.omitRefs ? `<${p}c/>` : '';
  if (cell === null || cell === undefined) return empty;
  const inlineStrings = !shared.enabled;
  const text = (value: string) =>
    inlineStrings ? `<${p}c${r} t="inlineStr"><${p}is>${textElement(value).replaceAll('<', `<${p}`).replaceAll(`<${p}/`, `</${p}`)}</${p}is></${p}c>` : `<${p}c${r} t="s"><${p}v>${shared.add(`t:${value}`, `<si>${textElement(value)}</si>`)}</${p}v></${p}c>`;
  if (typeof cell === 'string') return text(cell);
  if (typeof cell === 'number') return `<${p}c${r}><${p}v>${cell}</${p}v></${p}c>`;
  if (typeof cell === 'boolean') return `<${p}c${r} t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`;
  if (cell instanceof Date) return `<${p}c${r} s="${STYLE.date}"><${p}v>${serialOf(cell, book.date1904 !== undefined && book.date1904 !== false)}</${p}v></${p}c>`;
  if ('raw' in cell) return cell.raw;
  if ('serial' in cell) {
    const style = { date: STYLE.date, datetime: STYLE.builtinDate, 'cjk-date': STYLE.cjkDate, 'custom-date': STYLE.customDate, 'custom-number': STYLE.customNumber }[cell.format];
    return `<${p}c${r} s="${style}"><${p}v>${cell.serial}</${p}v></${p}c>`;
  }
  if ('rich' in cell) {
    const runs = cell.rich.map((run, i) => `<${p}r>${i % 2 === 1 ? `<${p}rPr><${p}b/></${p}rPr>` : ''}${textElement(run).replaceAll('<t', `<${p}t`).replaceAll('</t', `</${p}t`)}</${p}r>`).join('');
    if (cell.inline || inlineStrings) return `<${p}c${r} t="inlineStr"><${p}is>${runs}</${p}is></${p}c>`;
    const item = `<si>${cell.rich.map((run, i) => `<r>${i % 2 === 1 ? '<rPr><b/></rPr>' : ''}${textElement(run)}</r>`).join('')}</si>`;
    return `<${p}c${r} t="s"><${p}v>${shared.add(`r:${cell.rich.join('\u0000')}`, item)}</${p}v></${p}c>`;
  }
  if ('error' in cell && !('formula' in cell)) return `<${p}c${r} t="e"><${p}v>${escapeXml(cell.error)}</${p}v></${p}c>`;
  const formula = cell as { formula: string; result?: string | number | boolean | Date | { error: string } };
  const aca = book.producer === 'libreoffice' ? ' aca="false"' : '';
  const f = `<${p}f${aca}>${escapeXml(formula.formula)}</${p}f>`;
  const result = formula.result;
  if (result === undefined) return `<${p}c${r}>${f}</${p}c>`;
  if (typeof result === 'string') return `<${p}c${r} t="str">${f}<${p}v>${escapeXml(result)}</${p}v></${p}c>`;
  if (typeof result === 'number') return `<${p}c${r}>${f}<${p}v>${result}</${p}v></${p}c>`;
  if (typeof result === 'boolean') return `<${p}c${r} t="b">${f}<${p}v>${result ? 1 : 0}</${p}v></${p}c>`;
  if (result instanceof Date) return `<${p}c${r} s="${STYLE.date}">${f}<${p}v>${serialOf(result, book.date1904 !== undefined && book.date1904 !== false)}</${p}v></${p}c>`;
  return `<${p}c${r} t="e">${f}<${p}v>${escapeXml(result.error)}</${p}v></${p}c>`;
}
