import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { discoverInputs } from '../../src/batch/discover.js';
import { inputBytes, inputSha256 } from '../../src/batch/triage.js';
import { tempDir, writeFile } from './helpers.js';

function layout(): string {
  const root = tempDir('discover');
  writeFile(join(root, 'a.xlsx'));
  writeFile(join(root, 'sub', 'B.XLSX'));
  writeFile(join(root, 'csv-month', '城东社区-2026-10-办件台账.csv'));
  writeFile(join(root, 'csv-month', '城东社区-2026-10-人员公示.csv'));
  writeFile(join(root, 'old.xls'));
  writeFile(join(root, 'upload.zip'));
  writeFile(join(root, 'scan.pdf'));
  writeFile(join(root, '~$a.xlsx'));
  writeFile(join(root, '.DS_Store'));
  writeFile(join(root, 'Thumbs.db'));
  writeFile(join(root, 'reports', 'old-report.xlsx'));
  return root;
}

describe('discoverInputs', () => {
  it('finds workbooks, CSV folders and other uploads under a folder, in path order', async () => {
    const root = layout();
    const { inputs, unmatched } = await discoverInputs([root], { cwd: root, exclude: [join(root, 'reports')] });
    expect(unmatched).toEqual([]);
    expect(inputs.map((i) => [i.display, i.kind])).toEqual([
      ['a.xlsx', 'xlsx'],
      ['csv-month/', 'csv-folder'],
      ['old.xls', 'other'],
      ['scan.pdf', 'other'],
      ['sub/B.XLSX', 'xlsx'],
      ['upload.zip', 'other'],
    ]);
    expect(inputs.every((i) => i.path.startsWith(root))).toBe(true);
  });

  it('groups several CSV files of one folder into one center-month', async () => {
    const root = layout();
    const { inputs } = await discoverInputs([join(root, 'csv-month')], { cwd: root });
    expect(inputs).toEqual([{ path: join(root, 'csv-month'), display: 'csv-month/', kind: 'csv-folder' }]);
  });

  it('skips lock files, hidden files and desktop litter', async () => {
    const root = layout();
    const { inputs } = await discoverInputs([root], { cwd: root });
    const names = inputs.map((i) => i.display);
    expect(names).not.toContain('~$a.xlsx');
    expect(names).not.toContain('.DS_Store');
    expect(names).not.toContain('Thumbs.db');
  });

  it('never audits the out folder when it sits inside an input folder', async () => {
    const root = layout();
    const without = await discoverInputs([root], { cwd: root });
    expect(without.inputs.map((i) => i.display)).toContain('reports/old-report.xlsx');
    const excluded = await discoverInputs([root], { cwd: root, exclude: ['reports'] });
    expect(excluded.inputs.map((i) => i.display)).not.toContain('reports/old-report.xlsx');
  });

  it('expands globs, including a glob naming CSV folders, and dedupes overlapping arguments', async () => {
    const root = layout();
    const { inputs } = await discoverInputs(['**/*.xlsx', 'csv-*', 'a.xlsx'], { cwd: root, exclude: ['reports'] });
    expect(inputs.map((i) => i.display)).toEqual(['a.xlsx', 'csv-month/', 'sub/B.XLSX']);
  });

  it('takes a workbook named directly', async () => {
    const root = layout();
    const { inputs } = await discoverInputs([join(root, 'sub', 'B.XLSX')], { cwd: root });
    expect(inputs).toEqual([{ path: resolve(root, 'sub', 'B.XLSX'), display: 'sub/B.XLSX', kind: 'xlsx' }]);
  });

  it('reports arguments that name nothing instead of dropping them', async () => {
    const root = layout();
    const { inputs, unmatched } = await discoverInputs(['missing.xlsx', 'nothing/**/*.xlsx', 'a.xlsx'], { cwd: root });
    expect(unmatched).toEqual(['missing.xlsx', 'nothing/**/*.xlsx']);
    expect(inputs.map((i) => i.display)).toEqual(['a.xlsx']);
  });

  it('refuses an argument inside the out folder, naming the folder, instead of dropping it without a word', async () => {
    const root = layout();
    writeFile(join(root, 'reports', 'late', '城南社区-2026-10.xlsx'));
    const { inputs, unmatched, refused } = await discoverInputs(['a.xlsx', 'reports/late/城南社区-2026-10.xlsx', 'reports/late', 'reports/*.xlsx'], { cwd: root, exclude: ['reports'] });
    expect(inputs.map((i) => i.display)).toEqual(['a.xlsx']);
    expect(unmatched).toEqual([]);
    expect(refused.map((r) => [r.input.display, r.input.kind, r.failure.code])).toEqual([
      ['reports/late/城南社区-2026-10.xlsx', 'xlsx', 'output-clash'],
      ['reports/late', 'other', 'output-clash'],
      ['reports/*.xlsx', 'xlsx', 'output-clash'],
    ]);
    expect(refused[0]?.failure.message).toBe(
      'reports/late/城南社区-2026-10.xlsx lies inside the out folder reports: a batch does not audit the folder it writes its reports into, so no ledger in it was audited',
    );
    expect(refused[0]?.failure.hint).toBe('move the uploaded ledgers out of reports, or give --out another folder');
  });

  it('refuses the out folder itself named as the folder to audit', async () => {
    const root = layout();
    const { inputs, refused } = await discoverInputs(['.'], { cwd: join(root, 'reports'), exclude: ['.'] });
    expect(inputs).toEqual([]);
    expect(refused.map((r) => [r.input.display, r.failure.code])).toEqual([['.', 'output-clash']]);
  });

  it('shows inputs outside the working folder by absolute path', async () => {
    const root = layout();
    const elsewhere = tempDir('cwd');
    const { inputs } = await discoverInputs([join(root, 'a.xlsx')], { cwd: elsewhere });
    expect(inputs[0]?.display).toBe(join(root, 'a.xlsx'));
  });
});

describe('file names that are not UTF-8', () => {
  it('lists a workbook or CSV named in GBK (a Chinese zip unpacked here) as failed, under its GBK reading, and audits the rest (regression: the batch stopped, internal error ENOENT)', async () => {
    const root = tempDir('discover-gbk');
    writeFile(join(root, 'uploads', '城东社区-2026-10.xlsx'));
    const gbk = (name: string) => Buffer.concat([Buffer.from(`${root}/uploads/`), iconv.encode(name, 'gbk')]);
    mkdirSync(join(root, 'uploads', '城北'));
    writeFileSync(gbk('城南社区-2026-10.xlsx'), 'x');
    writeFileSync(gbk('~$城南社区-2026-10.xlsx'), 'x'); // Excel's lock file, litter in any encoding
    writeFileSync(Buffer.concat([Buffer.from(`${root}/uploads/城北/`), iconv.encode('城北社区-2026-10-办件台账.csv', 'gbk')]), 'x');
    writeFile(join(root, 'uploads', '城北', '城北社区-2026-10-人员公示.csv'));
    const { inputs, refused } = await discoverInputs(['uploads'], { cwd: root });
    expect(inputs.map((i) => i.display)).toEqual(['uploads/城东社区-2026-10.xlsx', 'uploads/城北/']);
    expect(refused.map((r) => [r.input.display, r.failure.code, r.failure.message]).sort()).toEqual([
      ['uploads/城北/城北社区-2026-10-办件台账.csv', 'cannot-read', 'uploads/城北/城北社区-2026-10-办件台账.csv: the file name is not UTF-8 (shown here as read in GBK), so it cannot be opened and was not audited'],
      ['uploads/城南社区-2026-10.xlsx', 'cannot-read', 'uploads/城南社区-2026-10.xlsx: the file name is not UTF-8 (shown here as read in GBK), so it cannot be opened and was not audited'],
    ]);
    // The CSV folder's identity and size read only what can be opened.
    const folder = inputs.find((i) => i.kind === 'csv-folder')!;
    expect(inputBytes(folder)).toBe(1);
    await expect(inputSha256(folder)).resolves.toMatch(/^[0-9a-f]{64}$/);
  });
});
