import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl, { type Entry } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { packageParts, writePackage } from '../../src/report/xlsx/write-package.js';
import { writeReportXlsx } from '../../src/report/xlsx/write.js';
import { makeResult } from './fixture.js';
import { contents, readBook } from './read-back.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-package-'));

interface Part {
  name: string;
  method: number;
  data: string;
}

/** Every entry of a zip, in its order: name, compression method, inflated bytes (base64). */
function partsOf(buffer: Buffer): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const parts: Part[] = [];
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts.push({ name: entry.fileName, method: entry.compressionMethod, data: Buffer.concat(chunks).toString('base64') });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** exceljs gives each data bar a random GUID; everything else in a part is the same every time. */
function withoutGuids(base64: string): string {
  return Buffer.from(base64, 'base64')
    .toString('utf8')
    .replace(/\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}/g, '{GUID}');
}

/** A 1×1 PNG: an image makes exceljs add a media part, given in base64. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A workbook with what a report has and more: shared strings, styles, dates, merges, data bars, filters, print setup, rich text, an image. */
function richBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duty-audit';
  wb.created = new Date(Date.UTC(2026, 9, 31));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('预警', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 16 }, { width: 8 }, { width: 12 }, { width: 30 }];
  const header = ws.addRow(['记录', '天数', '日期', '说明']);
  header.font = { name: '等线', bold: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }));
  for (let i = 0; i < 40; i++) {
    const row = ws.addRow([`承诺件SL-2026-10-${String(i).padStart(6, '0')}`, i - 3, new Date(Date.UTC(2026, 9, 1 + (i % 28))), i % 3 ? null : '逾期未办结，延期原因：等待补正材料']);
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 41, column: 4 } };
  ws.addConditionalFormatting({ ref: 'B2:B41', rules: [{ type: 'dataBar', priority: 1, gradient: false, cfvo: [{ type: 'num', value: 0 }, { type: 'max' }], color: { argb: 'FF5B9BD5' } } as ExcelJS.ConditionalFormattingRule] });
  const other = wb.addWorksheet('汇总');
  other.mergeCells('A1:D1');
  other.getCell('A1').value = { richText: [{ text: '城东社区', font: { bold: true } }, { text: ' 2026-10' }] };
  other.addRow(['按期办结率', 0.9512]).getCell(2).numFmt = '0.0%';
  other.addImage(wb.addImage({ base64: PIXEL, extension: 'png' }), 'E2:F4');
  return wb;
}

describe('packageParts and writePackage', () => {
  it('pack the parts exceljs writeBuffer packs: the same names and folders, in its order, byte for byte', async () => {
    const ours = await packageParts(richBook());
    const theirs = await partsOf((await richBook().xlsx.writeBuffer()) as unknown as Buffer);
    expect(ours.map((p) => p.name)).toEqual(theirs.map((p) => p.name));
    expect(ours.map((p) => p.name)).toEqual(expect.arrayContaining(['xl/', 'xl/worksheets/', 'xl/sharedStrings.xml', 'xl/media/image1.png', 'xl/drawings/drawing1.xml']));
    expect(ours.map((p) => withoutGuids(p.data.toString('base64')))).toEqual(theirs.map((p) => withoutGuids(p.data)));
  });

  it('writePackage deflates every file and stores the folders, keeping every part', async () => {
    const file = join(dir, 'book.xlsx');
    const wb = richBook();
    await writePackage(wb, file);
    const written = await partsOf(readFileSync(file));
    const expected = await packageParts(richBook());
    expect(written.map(({ name, data }) => ({ name, data: withoutGuids(data) }))).toEqual(expected.map(({ name, data }) => ({ name, data: withoutGuids(data.toString('base64')) })));
    expect(written.filter((p) => p.name.endsWith('/')).every((p) => p.method === 0 && p.data === '')).toBe(true);
    expect(written.filter((p) => !p.name.endsWith('/')).every((p) => p.method === 8)).toBe(true);
    const back = await readBook(file);
    expect(back.getWorksheet('预警')!.getCell('A2').value).toBe('承诺件SL-2026-10-000000');
  });

  it('writes the in-memory report deflated, and exceljs reads it back', async () => {
    const file = join(dir, 'report.xlsx');
    await writeReportXlsx(makeResult(), file, { lang: 'zh', mask: true, streaming: false });
    const files = (await partsOf(readFileSync(file))).filter((part) => !part.name.endsWith('/'));
    expect(files.map((part) => part.name)).toContain('xl/worksheets/sheet1.xml');
    expect(files.every((part) => part.method === 8)).toBe(true);
    expect(contents(await readBook(file))['汇总']!.length).toBeGreaterThan(0);
  });
});
