/** Settling inputs before any audit (src/batch/triage.ts): the pre-check and the content hash. */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputBytes, inputSha256, precheck } from '../../src/batch/triage.js';
import type { BatchInput } from '../../src/batch/types.js';
import { tempDir, writeFile } from './helpers.js';

const xlsx = (path: string): BatchInput => ({ path, display: path, kind: 'xlsx' });
const csvFolder = (path: string): BatchInput => ({ path, display: path + '/', kind: 'csv-folder' });

describe('input content hash', () => {
  it('changes with a workbook’s bytes only', async () => {
    const dir = tempDir('hash');
    const a = writeFile(join(dir, 'a.xlsx'), 'same');
    const b = writeFile(join(dir, 'b.xlsx'), 'same');
    expect(await inputSha256(xlsx(a))).toBe(await inputSha256(xlsx(b)));
    writeFileSync(b, 'other');
    expect(await inputSha256(xlsx(a))).not.toBe(await inputSha256(xlsx(b)));
  });

  it('covers every CSV of a folder by name and content, and nothing else in it', async () => {
    const dir = tempDir('hash-csv');
    writeFile(join(dir, 'm', 'x-办件台账.csv'), 'cases');
    writeFile(join(dir, 'm', 'x-人员公示.csv'), 'staff');
    const before = await inputSha256(csvFolder(join(dir, 'm')));
    writeFile(join(dir, 'm', 'notes.txt'), 'ignored');
    expect(await inputSha256(csvFolder(join(dir, 'm')))).toBe(before);
    renameSync(join(dir, 'm', 'x-人员公示.csv'), join(dir, 'm', 'x-事项公开.csv'));
    const renamed = await inputSha256(csvFolder(join(dir, 'm')));
    expect(renamed).not.toBe(before);
    writeFileSync(join(dir, 'm', 'x-办件台账.csv'), 'cases, edited');
    expect(await inputSha256(csvFolder(join(dir, 'm')))).not.toBe(renamed);
  });

  it('counts the bytes of every CSV of a folder', () => {
    const dir = tempDir('bytes');
    writeFile(join(dir, 'm', 'a.csv'), '12345');
    writeFile(join(dir, 'm', 'b.CSV'), '123');
    writeFile(join(dir, 'm', 'c.txt'), '1234567');
    expect(inputBytes(csvFolder(join(dir, 'm')))).toBe(8);
  });
});

describe('precheck', () => {
  it('passes a workbook under the limit and refuses one over it, naming both sizes', () => {
    const dir = tempDir('pre');
    const f = writeFile(join(dir, 'a.xlsx'), Buffer.alloc(1024 * 1024 + 10));
    expect(precheck(xlsx(f), 2 * 1024 * 1024)).toBeUndefined();
    expect(precheck(xlsx(f), 1024 * 1024)).toMatchObject({ code: 'file-too-large', message: expect.stringMatching(/1\.0 MB, over the batch limit of 1 MB/) });
  });

  it('adds up a CSV folder against the limit', () => {
    const dir = tempDir('pre-csv');
    writeFile(join(dir, 'm', 'a.csv'), Buffer.alloc(700 * 1024));
    writeFile(join(dir, 'm', 'b.csv'), Buffer.alloc(700 * 1024));
    expect(precheck(csvFolder(join(dir, 'm')), 1024 * 1024)?.code).toBe('file-too-large');
  });

  it('tells an old .xls from other wrong kinds, each with a fix', () => {
    const dir = tempDir('pre-kind');
    const xls = precheck({ path: writeFile(join(dir, 'a.xls')), display: 'a.xls', kind: 'other' }, 1e9);
    expect(xls).toMatchObject({ code: 'not-a-workbook', message: expect.stringMatching(/old-format/), hint: expect.stringMatching(/xlsx/) });
    const zip = precheck({ path: writeFile(join(dir, 'a.zip')), display: 'a.zip', kind: 'other' }, 1e9);
    expect(zip).toMatchObject({ code: 'not-a-workbook', message: 'a.zip is a .zip file, not an .xlsx workbook or a folder of CSV files' });
    expect(zip?.hint).toMatch(/unzip/);
  });

  it('reports an input that vanished after discovery', () => {
    expect(precheck(xlsx(join(tempDir('pre-gone'), 'gone.xlsx')), 1e9)?.code).toBe('file-not-found');
  });
});

describe('a CSV folder holding several centers\' ledgers', () => {
  it('is failed naming its cases files, never audited as its first center alone (regression: 城西 vanished from the district summary, its sheets data issues of 城东\'s report)', () => {
    const dir = tempDir('several');
    for (const center of ['城东社区', '城西社区']) {
      writeFile(join(dir, 'flat', `${center}-2026-10-办件台账.csv`), 'cases');
      writeFile(join(dir, 'flat', `${center}-2026-10-人员公示.csv`), 'staff');
    }
    const failure = precheck(csvFolder(join(dir, 'flat')), 1e9);
    expect(failure).toMatchObject({ code: 'several-ledgers' });
    expect(failure?.message).toBe(
      `${join(dir, 'flat')}/ holds 2 cases CSV files (城东社区-2026-10-办件台账.csv, 城西社区-2026-10-办件台账.csv): a folder holds one center's month, so which one to audit cannot be told, and none was audited`,
    );
  });

  it('leaves a folder with one cases file and a second file of another sheet to the reader (a data issue there)', () => {
    const dir = tempDir('several');
    writeFile(join(dir, 'm', '城东社区-2026-10-办件台账.csv'), 'cases');
    writeFile(join(dir, 'm', '城东社区-2026-10-人员公示.csv'), 'staff');
    writeFile(join(dir, 'm', '人员公示.csv'), 'staff again');
    expect(precheck(csvFolder(join(dir, 'm')), 1e9)).toBeUndefined();
  });

  it('does not count the owner file Excel keeps beside an open ledger (regression: an open ledger failed as several-ledgers)', () => {
    const dir = tempDir('several');
    writeFile(join(dir, 'open', '城东社区-2026-10-办件台账.csv'), 'cases');
    writeFile(join(dir, 'open', '~$城东社区-2026-10-办件台账.csv'), 'lock');
    expect(precheck(csvFolder(join(dir, 'open')), 1e9)).toBeUndefined();
  });
});
