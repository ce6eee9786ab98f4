import { mkdtempSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { SAMPLES_DIR } from '../../src/paths.js';
import { describe, expect, it } from 'vitest';
import { sampleCommand } from '../../src/cli/commands/sample.js';
import { DutyAuditError } from '../../src/errors.js';
import { generateSampleMonth } from '../../src/sample/generate.js';
import { writeSample } from '../../src/sample/write-sample.js';
import { expectedRows, readCsv, readXlsx } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'duty-audit-sample-'));

describe('writers', () => {
  it('the streaming writer writes the same workbook as the in-memory one', async () => {
    const dir = tmp();
    const { xlsx } = await writeSample(dir, { cases: 1_500, seed: 3, streaming: true });
    const month = generateSampleMonth({ cases: 1_500, seed: 3 });
    const written = await readXlsx(xlsx);
    for (const sheet of month.sheets) expect(written.get(sheet.name)).toEqual(expectedRows(sheet));
  });

  it('the title row is merged across the header and the header is row 2', async () => {
    const dir = tmp();
    const { xlsx } = await writeSample(dir, { cases: 60 });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('办件台账')!;
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('AB1').master.address).toBe('A1');
    expect(ws.getCell('A2').value).toBe('受理编号');
    expect(ws.getCell('B3').value).toBeInstanceOf(Date);
  });

  it('CSV files carry a BOM, the title row and the header; serial dates are written as dates', async () => {
    const dir = tmp();
    const written = await writeSample(dir, { cases: 400 });
    const cases = written.csvFiles.find((f) => f.endsWith('-办件台账.csv'))!;
    const rows = readCsv(cases);
    expect(rows[0]![0]).toBe('城东社区便民服务中心 2026年10月 办件台账');
    expect(rows[1]![0]).toBe('受理编号');
    expect(rows).toHaveLength(402);
    const dateCols = [1, 9, 14, 18];
    for (const r of rows.slice(2)) for (const c of dateCols) expect(r[c]).not.toMatch(/^\d{5}$/);
  });
});

describe('duty-audit sample', () => {
  it('writes the sample\'s artefacts, and the month before and the decisions it is audited with, into --out; says what it planted', async () => {
    const dir = tmp();
    const out: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      await (sampleCommand('en').handler as (a: object) => Promise<void>)({ out: dir, cases: 120, seed: 9, _: [], $0: 'duty-audit' });
    } finally {
      process.stdout.write = original;
    }
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'decisions.json', 'planted.json', '城东社区-2026-09.json', '城东社区-2026-09.xlsx', '城东社区-2026-10-csv', '城东社区-2026-10.xlsx']);
    expect(out.join('')).toMatch(/120 cases; \d+ planted violations of 36 rules; 3 unreadable cells/);
  });

  it('without --out writes into a new temporary folder and leaves the tracked samples/ alone', async () => {
    const before = statSync(join(SAMPLES_DIR, '城东社区-2026-10.xlsx')).mtimeMs;
    const out: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      await (sampleCommand('zh').handler as (a: object) => Promise<void>)({ cases: 120, seed: 9, _: [], $0: 'duty-audit' });
    } finally {
      process.stdout.write = original;
    }
    // The path it names, whatever the language of the words around it.
    const written = /(\S*城东社区-2026-10\.xlsx)/.exec(out.join(''))![1]!;
    const folder = dirname(resolve(written));
    expect(folder.startsWith(realpathSync(tmpdir())) || folder.startsWith(tmpdir())).toBe(true);
    expect(basename(folder)).toMatch(/^duty-audit-sample-/);
    expect(readdirSync(folder).sort()).toEqual(['README.md', 'decisions.json', 'planted.json', '城东社区-2026-09.json', '城东社区-2026-09.xlsx', '城东社区-2026-10-csv', '城东社区-2026-10.xlsx']);
    expect(statSync(join(SAMPLES_DIR, '城东社区-2026-10.xlsx')).mtimeMs).toBe(before);
  });

  it('too few cases for the planted ones is a bad-usage error with the minimum', async () => {
    const err = await writeSample(tmp(), { cases: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).code).toBe('bad-usage');
    expect((err as DutyAuditError).hint).toMatch(/at least \d+ cases/);
  });

  it('a non-integer seed or case count is refused', () => {
    expect(() => generateSampleMonth({ seed: 1.5 })).toThrow(DutyAuditError);
    expect(() => generateSampleMonth({ cases: Number.NaN })).toThrow(/--cases/);
  });
});
