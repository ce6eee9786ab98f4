import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputBytes, inputSha256 } from '../../src/batch/input-hash.js';
import { mapLimit } from '../../src/batch/limit.js';
import { commonestPeriod, exitCodeOf } from '../../src/batch/outcome.js';
import { precheck } from '../../src/batch/precheck.js';
import { crashFailure, failureOf } from '../../src/batch/task.js';
import type { BatchEntry, BatchInput } from '../../src/batch/types.js';
import { DutyAuditError } from '../../src/errors.js';
import { summaryOf, tempDir, writeFile } from './helpers.js';

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

describe('failures crossing the thread boundary', () => {
  it('keeps a DutyAuditError’s code and hint as plain data', () => {
    const failure = failureOf(new DutyAuditError('encrypted-workbook', 'a.xlsx is encrypted', { hint: 'save it without a password' }));
    expect(failure).toEqual({ code: 'encrypted-workbook', message: 'a.xlsx is encrypted', hint: 'save it without a password' });
    expect(structuredClone(failure)).toEqual(failure);
  });

  it('turns any other error into an internal-error failure with its message', () => {
    expect(failureOf(new TypeError('x is undefined'))).toMatchObject({ code: 'internal-error', message: expect.stringContaining('x is undefined') });
    expect(crashFailure(new Error('worker exited with code: 134'))).toMatchObject({ code: 'worker-crashed', message: expect.stringContaining('code: 134') });
  });
});

describe('mapLimit', () => {
  it('never runs more than `jobs` at once and keeps the order of results', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 1], 2, async (ms, i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running -= 1;
      return i * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  it('handles no items and more jobs than items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    expect(await mapLimit([1], 8, async (x) => x + 1)).toEqual([2]);
  });
});

describe('batch outcome', () => {
  const audited = (period: string, grades = {}): BatchEntry => ({
    status: 'audited',
    input: xlsx(`/${period}-${Math.random()}`),
    sha256: '',
    report: '',
    summary: summaryOf('A', period, grades),
  });
  const failed: BatchEntry = { status: 'failed', input: xlsx('/bad'), failure: { code: 'empty-file', message: '' }, fromManifest: false };

  it('names the summary after the commonest audited month, the earlier on a tie', () => {
    expect(commonestPeriod([audited('2026-10'), audited('2026-09'), audited('2026-10'), failed])).toBe('2026-10');
    expect(commonestPeriod([audited('2026-10'), audited('2026-09')])).toBe('2026-09');
    expect(commonestPeriod([failed])).toBe('unknown');
  });

  it('exits 2 on any failure, else 1 at --fail-on, else 0', () => {
    expect(exitCodeOf([audited('2026-10', { deduction: 1 }), failed], 'reminder')).toBe(2);
    expect(exitCodeOf([audited('2026-10', { notice: 1 })], 'notice')).toBe(1);
    expect(exitCodeOf([audited('2026-10', { notice: 1 })], 'deduction')).toBe(0);
    expect(exitCodeOf([audited('2026-10', { notice: 1 })], undefined)).toBe(0);
  });
});
