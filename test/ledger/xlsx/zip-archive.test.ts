/**
 * The zip container's own reading: parts read in any order, in pieces larger than one read,
 * and a part abandoned halfway (a sheet refused at its first bad row) leaving the file open for
 * the next part.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, test } from 'vitest';
import { DEFAULT_LEDGER_LIMITS } from '../../../src/ledger/limits.js';
import { ZipArchive, type PartBudget } from '../../../src/ledger/xlsx/zip-archive.js';
import { withTempDir } from '../helpers/workbook.js';

const BUDGET: PartBudget = { maxBytes: 64 * 1024 * 1024, limit: 'maxPartBytes', label: { key: 'xlsx.part', params: { part: 'test' } } };

async function partBytes(archive: ZipArchive, part: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive.chunks(part, BUDGET)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test('parts larger than one read come whole, stored or deflated, and a part left halfway does not close the file for the next', async () => {
  // Random bytes barely deflate: both parts take several of the reader's 256 KB reads.
  const deflated = randomBytes(1_500_000);
  const stored = randomBytes(700_000);
  const small = Buffer.from('<small/>');
  await withTempDir(async (dir) => {
    const file = join(dir, 'parts.zip');
    const zip = new JSZip()
      .file('deflated.bin', deflated, { compression: 'DEFLATE' })
      .file('stored.bin', stored, { compression: 'STORE' })
      .file('small.xml', small, { compression: 'DEFLATE' });
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const archive = await ZipArchive.open(file, DEFAULT_LEDGER_LIMITS);
    try {
      for await (const chunk of archive.chunks('deflated.bin', BUDGET)) {
        expect(chunk.length).toBeGreaterThan(0);
        break;
      }
      expect(await partBytes(archive, 'small.xml')).toEqual(small);
      expect((await partBytes(archive, 'stored.bin')).equals(stored)).toBe(true);
      expect((await partBytes(archive, 'deflated.bin')).equals(deflated)).toBe(true);
    } finally {
      archive.close();
    }
  });
});
