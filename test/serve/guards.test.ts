/**
 * What the upload service takes for a ledger CSV before it stores it (src/serve/guards.ts): text
 * in UTF-8 or GB18030, as the ledger reader accepts, with commas on its first line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, looksLikeCsv, sniffUpload } from '../../src/serve/guards.js';

const HEADER = '受理编号,受理日期,申请人,事项名称\r\nSL-1,2026-10-08,陈静,居住证\r\n';

describe('looksLikeCsv', () => {
  it('takes UTF-8 and GB18030 (GBK) text with commas on its first line', () => {
    expect(looksLikeCsv(Buffer.from(HEADER, 'utf8'), false)).toBe(true);
    expect(looksLikeCsv(iconv.encode(HEADER, 'gb18030'), false)).toBe(true);
  });

  it('takes a probe cut inside a GB18030 character, and refuses a whole file ending in half of one', () => {
    const gbk = iconv.encode(HEADER.slice(0, 12), 'gb18030');
    const cut = gbk.subarray(0, gbk.length - 1);
    expect(looksLikeCsv(cut, true)).toBe(true);
    expect(looksLikeCsv(Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0x81])]), false)).toBe(false);
  });

  it('refuses text with a NUL byte, bytes neither encoding reads, and text without a comma on its first line', () => {
    expect(looksLikeCsv(Buffer.from('受\u0000理,日期', 'utf16le'), false)).toBe(false);
    expect(looksLikeCsv(Buffer.from([0x2c, 0xff, 0xff, 0xff, 0xff]), false)).toBe(false);
    expect(looksLikeCsv(Buffer.from('受理编号;受理日期\n', 'utf8'), false)).toBe(false);
  });
});

describe('sniffUpload: a zip of more entries than the limit', () => {
  async function zipFile(entries: number, folders: number): Promise<{ file: string; size: number }> {
    const zip = new JSZip();
    for (let i = 0; i < folders; i++) zip.folder(`月份${i}`);
    for (let i = 0; i < entries; i++) zip.file(i === 0 ? '城东社区-办件台账.csv' : `附件${i}.txt`, 'x');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const file = join(mkdtempSync(join(tmpdir(), 'duty-audit-guards-')), 'upload.zip');
    writeFileSync(file, bytes);
    return { file, size: bytes.length };
  }
  const limits = { ...DEFAULT_UPLOAD_LIMITS, maxEntries: 5 };

  it('is refused, folders counted as the ledger reader counts them (regression: the guard listed every entry first and left folders out)', async () => {
    const { file, size } = await zipFile(3, 3);
    await expect(sniffUpload(file, 'upload.zip', size, limits)).rejects.toMatchObject({ code: 'inflated-too-large', params: { file: 'upload.zip' } });
  });

  it('up to the limit is read', async () => {
    const { file, size } = await zipFile(3, 2);
    await expect(sniffUpload(file, 'upload.zip', size, limits)).resolves.toBe('zip-csv');
  });
});
