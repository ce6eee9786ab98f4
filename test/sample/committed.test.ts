import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../src/paths.js';
import { planSampleMonth, generateSampleMonth } from '../../src/sample/generate.js';
import { csvFileName, csvLine } from '../../src/sample/write-csv.js';
import { plantedDecisions, plantedJson, plantedReadme } from '../../src/sample/write-planted.js';
import { earlierReport } from '../../src/sample/earlier-month.js';
import { sheetSpec } from '../../src/ledger/columns.js';
import { expectedRows, readCsv, readXlsx } from './helpers.js';

const STALE = 'samples/ is stale: regenerate with `duty-audit sample --out samples` (npx tsx src/cli/main.ts sample --out samples)';

describe('the committed samples equal a fresh generation', () => {
  const fresh = generateSampleMonth();
  const xlsx = join(SAMPLES_DIR, `${fresh.stem}.xlsx`);
  const csvDir = join(SAMPLES_DIR, `${fresh.stem}-csv`);

  it('has the files the architecture names', () => {
    expect(fresh.stem).toBe('城东社区-2026-10');
    expect(existsSync(xlsx)).toBe(true);
    expect(readdirSync(csvDir).sort()).toEqual(fresh.sheets.map((s) => csvFileName(fresh.stem, s)).sort());
    expect(existsSync(join(SAMPLES_DIR, 'planted.json'))).toBe(true);
    expect(existsSync(join(SAMPLES_DIR, 'README.md'))).toBe(true);
  });

  it('planted.json and README.md', () => {
    expect(readFileSync(join(SAMPLES_DIR, 'planted.json'), 'utf8'), STALE).toBe(plantedJson(fresh.planted));
    const readme = plantedReadme(fresh.planted, { xlsx: `${fresh.stem}.xlsx`, csvDir: `${fresh.stem}-csv`, earlierXlsx: `${planSampleMonth().earlier.stem}.xlsx` });
    expect(readFileSync(join(SAMPLES_DIR, 'README.md'), 'utf8'), STALE).toBe(readme);
  });

  it('the workbook: every sheet, row and cell', async () => {
    const written = await readXlsx(xlsx);
    expect([...written.keys()]).toEqual(fresh.sheets.map((s) => s.name));
    for (const sheet of fresh.sheets) expect(written.get(sheet.name), `${STALE} (${sheet.name})`).toEqual(expectedRows(sheet));
  });

  it('the CSV folder: byte for byte, and records cell for cell', () => {
    const plan = planSampleMonth();
    for (const sheet of fresh.sheets) {
      const file = join(csvDir, csvFileName(fresh.stem, sheet));
      const bytes = readFileSync(file, 'utf8');
      const types = sheetSpec(sheet.key).columns.map((c) => c.type);
      const lines = [csvLine([sheet.title, ...new Array(sheet.headers.length - 1).fill(null)]), csvLine(sheet.headers), ...sheet.rows.map((r) => csvLine(r.cells, types))];
      expect(bytes, `${STALE} (${sheet.name})`).toBe('\ufeff' + lines.join(''));
      expect(readCsv(file).length).toBe(plan.sheets.find((s) => s.key === sheet.key)!.rowCount + 2);
    }
  });

  it('the month before (its workbook and its JSON report, the history) and decisions.json', async () => {
    const earlier = planSampleMonth().earlier;
    expect(earlier.stem).toBe('城东社区-2026-09');
    const workbook = join(SAMPLES_DIR, `${earlier.stem}.xlsx`);
    const written = await readXlsx(workbook);
    expect([...written.keys()]).toEqual(earlier.sheets.map((s) => s.name));
    for (const sheet of earlier.sheets) {
      const { rows, rowCount: _n, ...rest } = sheet;
      expect(written.get(sheet.name), `${STALE} (${earlier.stem} ${sheet.name})`).toEqual(expectedRows({ ...rest, rows: [...rows()] }));
    }
    expect(readFileSync(join(SAMPLES_DIR, fresh.planted.history), 'utf8'), STALE).toBe(await earlierReport(workbook, earlier));
    expect(readFileSync(join(SAMPLES_DIR, fresh.planted.decisions), 'utf8'), STALE).toBe(plantedDecisions(fresh.planted));
  });
});
