/**
 * Synthetic input for the benchmarks. `syntheticLedger`: a month of cases for the evaluation
 * benchmark, deterministic (seeded), with the mix a real center shows — mostly 即办件, some
 * 承诺件/上报件 with limits, a few incomplete materials, fees, errors and bad ratings — so rules
 * fire at a realistic rate. `writeExcelLayoutWorkbook`: a sample month as Excel saves it, for
 * the read and audit benchmarks, cached where bench/bench-workbook.ts says.
 */
import { writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { columnLetter } from '../src/ledger/column-letter.js';
import type { CaseRecord, ItemRecord, Ledger, LedgerRow, StaffRecord } from '../src/ledger/types.js';
import type { SamplePlan, SheetSource } from '../src/sample/generate.js';
import type { SampleCell } from '../src/sample/types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HANDLERS = ['李敏', '王芳', '陈刚', '赵丽', '孙强', '周洁', '吴磊', '郑华', '冯静', '韩梅', '杨帆', '朱琳'];
const ITEMS = ['居住证办理', '低保申请', '证明开具', '医保登记', '残疾人补贴', '老年优待证', '生育登记', '就业登记', '房屋租赁备案', '临时救助'];
const OCTOBER_DAYS = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);

export function syntheticLedger(rows: number, seed = 42): Ledger {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const cases: LedgerRow<'cases'>[] = [];
  for (let i = 0; i < rows; i++) {
    const received = pick(OCTOBER_DAYS.slice(7, 30));
    const k = r();
    const kind = k < 0.6 ? '即办件' : k < 0.9 ? '承诺件' : '上报件';
    const complete = r() > 0.15;
    const c: CaseRecord = {
      case_id: `SL-2026-10-${String(i + 1).padStart(6, '0')}`,
      received_on: received,
      applicant: `申请人${i}`,
      phone: '13800001234',
      item: pick(ITEMS),
      kind,
      handler: pick(HANDLERS),
      materials_complete: complete,
      visits: complete ? 1 : 1 + Math.floor(r() * 4),
      result: r() < 0.85 ? '办结' : pick(['办理中', '不予办理', '退回补正'] as const),
    };
    if (!complete) {
      c.notified = r() > 0.1;
      if (c.notified) c.notified_on = received;
      c.missing_count = Math.floor(r() * 5);
      c.notice_form = pick(['当场口头', '书面告知单', '电话'] as const);
    }
    if (kind !== '即办件' && r() > 0.05) c.promised_days = 3 + Math.floor(r() * 10);
    if (c.result !== '办理中') {
      const lag = kind === '即办件' ? (r() < 0.95 ? 0 : 1) : Math.floor(r() * 14);
      const day = Math.min(30, OCTOBER_DAYS.indexOf(received) + lag);
      c.completed_on = OCTOBER_DAYS[day]!;
      if (r() > 0.05) c.result_notified_on = c.completed_on;
    }
    if (c.result === '不予办理' && r() > 0.3) c.refusal_reason = '不符合条件';
    if (r() < 0.02) c.extension_reason = '上级部门要求补充材料';
    c.materials_logged = r() > 0.02;
    if (r() < 0.005) c.materials_lost = true;
    if (r() < 0.05) {
      c.fee_item = pick(['工本费', '代办服务费', '加急费']);
      c.fee = 10 + Math.floor(r() * 60);
    }
    c.rating = r() < 0.97 ? pick(['非常满意', '满意', '基本满意'] as const) : pick(['不满意', '非常不满意'] as const);
    if (r() < 0.03) c.error = true;
    if (r() < 0.01) {
      c.deviation = true;
      c.loss = Math.floor(r() * 2000);
    }
    cases.push({ sheet: 'cases', row: i + 4, record: c });
  }
  const items: LedgerRow<'items'>[] = ITEMS.map((item, i): LedgerRow<'items'> => {
    const record: ItemRecord = { item, procedure_posted: true, materials_posted: i !== 3, limit_posted: true, statutory_days: 10, fee_item: '工本费', fee_standard: 40, fee_posted: true };
    return { sheet: 'items', row: i + 3, record };
  });
  const staff: LedgerRow<'staff'>[] = HANDLERS.slice(0, 10).map((name, i): LedgerRow<'staff'> => {
    const record: StaffRecord = { name, position: '代办员', phone: '0571-8888', posted: true, badge: i !== 2 };
    return { sheet: 'staff', row: i + 3, record };
  });
  return {
    source: { file: '/bench/城东社区-2026-10.xlsx', kind: 'xlsx', parts: [] },
    sheets: { cases, items, staff },
    sheetNames: {},
    dataIssues: [],
    accounts: {},
  };
}

/**
 * A sample month (src/sample) written as Excel writes a workbook, for the read benchmarks:
 * parts in Excel's order (the workbook and its relationships, then the worksheets, then theme,
 * styles and the shared-string table last, the order exceljs's own reader cannot stream),
 * every text cell a shared string, dates as serial numbers with a date style, Excel's row
 * attributes (`spans`, `x14ac:dyDescent`) and a merged title row.
 */
export async function writeExcelLayoutWorkbook(plan: SamplePlan, file: string): Promise<void> {
  const strings = new Map<string, number>();
  const shared = (text: string): number => {
    let index = strings.get(text);
    if (index === undefined) strings.set(text, (index = strings.size));
    return index;
  };
  const zip = new JSZip();
  const sheets = plan.sheets;
  zip.file('[Content_Types].xml', contentTypes(sheets.length));
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('xl/workbook.xml', workbookXml(sheets.map((sheet) => sheet.name)));
  zip.file('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  sheets.forEach((sheet, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, shared)));
  zip.file('xl/theme/theme1.xml', THEME);
  zip.file('xl/styles.xml', STYLES);
  const items = [...strings.keys()].map((text) => `<si><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${escapeXml(text)}</t></si>`);
  zip.file('xl/sharedStrings.xml', `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`);
  zip.file('docProps/core.xml', `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>bench</dc:creator></cp:coreProperties>`);
  zip.file('docProps/app.xml', `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  await writeFile(file, bytes);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_RELS = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const THEME = `${XML_DECLARATION}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements/></a:theme>`;
/** xf 0 general, 1 title (bold, centred), 2 header (bold), 3 date (`yyyy-mm-dd`, custom format 176). */
const STYLES = `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function contentTypes(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets}<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
}

function workbookXml(names: string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>${sheets}</sheets><calcPr calcId="191029"/></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const n = sheetCount;
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}<Relationship Id="rId${n + 1}" Type="${REL_NS}/theme" Target="theme/theme1.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 3}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function sheetXml(sheet: SheetSource, shared: (text: string) => number): string {
  const width = sheet.headers.length;
  const spans = `1:${width}`;
  const lastColumn = columnLetter(width);
  const parts: string[] = [];
  const row = (r: number, cells: readonly (SampleCell | undefined)[], style = 0) => {
    let xml = `<row r="${r}" spans="${spans}" x14ac:dyDescent="0.2">`;
    cells.forEach((value, i) => {
      if (value === null || value === undefined || value === '') return;
      const ref = `${columnLetter(i + 1)}${r}`;
      const s = style > 0 ? ` s="${style}"` : '';
      if (value instanceof Date) xml += `<c r="${ref}" s="3"><v>${(value.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY}</v></c>`;
      else if (typeof value === 'number') xml += `<c r="${ref}"${s}><v>${value}</v></c>`;
      else xml += `<c r="${ref}"${s} t="s"><v>${shared(value)}</v></c>`;
    });
    parts.push(`${xml}</row>`);
  };
  row(1, [sheet.title], 1);
  row(2, sheet.headers, 2);
  let r = 2;
  for (const { cells } of sheet.rows()) row(++r, cells);
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:${lastColumn}${r}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><sheetData>${parts.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A1:${lastColumn}1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}
