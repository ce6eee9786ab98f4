import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl, { type Entry } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { STORED_PACKAGE, writeDeflated } from '../../src/report/xlsx/deflate-package.js';
import { writeReportXlsx } from '../../src/report/xlsx/write.js';
import { makeResult } from './fixture.js';
import { contents, readBook } from './read-back.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-deflate-'));

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

async function storedBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('预警').addRow(['承诺件SL-2026-10-000001', 3, '逾期未办结']);
  return (await wb.xlsx.writeBuffer(STORED_PACKAGE)) as unknown as Buffer;
}

describe('writeDeflated', () => {
  it('keeps every part of the stored package, in order, byte for byte, and deflates each file', async () => {
    const stored = await storedBook();
    const file = join(dir, 'book.xlsx');
    await writeDeflated(stored, file);
    const before = await partsOf(stored);
    const after = await partsOf(readFileSync(file));
    expect(before.every((part) => part.method === 0)).toBe(true);
    expect(after.map(({ name, data }) => ({ name, data }))).toEqual(before.map(({ name, data }) => ({ name, data })));
    const files = after.filter((part) => !part.name.endsWith('/'));
    expect(files.length).toBeGreaterThan(5);
    expect(files.every((part) => part.method === 8)).toBe(true);
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
