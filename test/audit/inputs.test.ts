import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../src/audit/inputs.js';

describe('sha256File', () => {
  it('hashes a file read in several chunks as one whole, and an empty file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-inputs-'));
    // 3.5 MiB of text whose bytes differ from chunk to chunk: a chunk lost, repeated or reordered changes the hash.
    const bytes = Buffer.from(Array.from({ length: 3.5 * 2 ** 20 / 16 }, (_, i) => `行${String(i).padStart(12, '0')}\n`).join(''));
    const big = join(dir, 'big.xlsx');
    writeFileSync(big, bytes);
    expect(bytes.length).toBeGreaterThan(3 * 2 ** 20);
    expect(await sha256File(big)).toBe(createHash('sha256').update(bytes).digest('hex'));
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await sha256File(empty)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a file of exactly whole chunks, and one smaller than a chunk, as one whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-inputs-'));
    for (const size of [2 * 2 ** 20, 2 ** 20 + 1, 1000]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 20)) & 0xff;
      const file = join(dir, `${size}.bin`);
      writeFileSync(file, bytes);
      expect(await sha256File(file), String(size)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('refuses a file that is not there, as reading it would', async () => {
    await expect(sha256File(join(tmpdir(), 'duty-audit-no-such-file.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
