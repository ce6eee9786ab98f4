import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateSampleMonth } from '../../src/sample/generate.js';
import { writeSample } from '../../src/sample/write-sample.js';
import { readXlsx } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'duty-audit-sample-'));

describe('the sample is deterministic', () => {
  it('same seed → same records, same cells and the same planted list', () => {
    const a = generateSampleMonth({ seed: 11 });
    const b = generateSampleMonth({ seed: 11 });
    expect(b.planted).toEqual(a.planted);
    expect(b.sheets.map((s) => s.rows.map((r) => r.values))).toEqual(a.sheets.map((s) => s.rows.map((r) => r.values)));
    expect(b.sheets.map((s) => s.rows.map((r) => r.cells))).toEqual(a.sheets.map((s) => s.rows.map((r) => r.cells)));
  });

  it('another seed → other applicants and dates, the same kinds of plants', () => {
    const a = generateSampleMonth({ seed: 1 });
    const b = generateSampleMonth({ seed: 2 });
    const cases = (m: typeof a) => m.sheets[0]!.rows.map((r) => r.values.applicant);
    expect(cases(b)).not.toEqual(cases(a));
    const rules = (m: typeof a) => m.planted.violations.map((v) => `${v.ruleId}:${v.baseGrade}`).sort();
    expect(rules(b)).toEqual(rules(a));
  });

  it('more cases leave the other sheets as they were', () => {
    const a = generateSampleMonth({ cases: 300 });
    const b = generateSampleMonth({ cases: 900 });
    for (const key of ['complaints', 'attendance', 'handovers', 'staff', 'items', 'center', 'other']) {
      // A complaint's 关联受理编号 follows its case, whose number depends on how many came before.
      const rows = (m: typeof a) => m.sheets.find((s) => s.key === key)!.rows.map(({ values: { case_id: _linked, ...rest } }) => rest);
      expect(rows(b)).toEqual(rows(a));
    }
    expect(b.sheets[0]!.rows).toHaveLength(900);
  });

  it('writing twice gives byte-identical CSV files, planted.json and README, and equal workbooks', async () => {
    const [x, y] = [tmp(), tmp()];
    const wx = await writeSample(x, { seed: 5 });
    const wy = await writeSample(y, { seed: 5 });
    expect(wx.csvFiles).toHaveLength(8);
    for (const [i, f] of wx.csvFiles.entries()) expect(readFileSync(wy.csvFiles[i]!).equals(readFileSync(f))).toBe(true);
    expect(readFileSync(wy.plantedJson, 'utf8')).toBe(readFileSync(wx.plantedJson, 'utf8'));
    expect(readFileSync(wy.readme, 'utf8')).toBe(readFileSync(wx.readme, 'utf8'));
    expect(await readXlsx(wy.xlsx)).toEqual(await readXlsx(wx.xlsx));
  });

  it('the same seed gives the same workbook bytes, written a second apart, in memory and streamed (zip entries dated from the period)', async () => {
    for (const streaming of [false, true]) {
      const a = await writeSample(tmp(), { seed: 5, cases: 600, streaming });
      await new Promise((r) => setTimeout(r, 2100)); // past the zip format's 2-second clock
      const b = await writeSample(tmp(), { seed: 5, cases: 600, streaming });
      expect(readFileSync(b.xlsx).equals(readFileSync(a.xlsx)), `streaming ${streaming}`).toBe(true);
    }
  }, 30_000);

  it('every zip entry is dated 2026-10-31 09:00 UTC, the as-of, not the clock', async () => {
    const { xlsx } = await writeSample(tmp(), { cases: 80 });
    const zip = await JSZip.loadAsync(readFileSync(xlsx));
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(['2026-10-31T09:00:00.000Z']);
  });

  it('the workbook carries dates from the period, not from the clock', async () => {
    const { xlsx } = await writeSample(tmp(), { cases: 80 });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.created.toISOString().slice(0, 10)).toBe('2026-10-31');
    expect(wb.modified.toISOString().slice(0, 10)).toBe('2026-10-31');
  });
});
