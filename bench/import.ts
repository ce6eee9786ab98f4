/**
 * Import benchmark: reads a 100,000-case sample month with readLedger and prints rows, wall
 * time, rows per second and peak RSS. `--floor` instead runs the floor (bench/floor.ts: inflate
 * the sheets and find every cell by byte search) over the same workbook. Run each mode in its
 * own process (peak RSS is per process), alternating, on a busy machine.
 *
 * The workbook is generated once, in a child process (generating peaks higher than reading, and
 * this process's peak is the measure), into the OS temp folder as Excel writes one (worksheets
 * before styles and shared strings, every text a shared string), the same one bench/audit.ts
 * measures (bench/synthetic.ts, cached under a fingerprint of the generator).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readLedger } from '../src/ledger/read-ledger.js';
import { planSampleMonth } from '../src/sample/generate.js';
import { floorRead } from './floor.js';
import { benchWorkbook } from './bench-workbook.js';
import { writeExcelLayoutWorkbook } from './synthetic.js';

const CASES = 100_000;
const { dir: DIR, file: FILE } = benchWorkbook(CASES);

async function main(): Promise<void> {
  if (process.argv.includes('--generate')) {
    mkdirSync(DIR, { recursive: true });
    await writeExcelLayoutWorkbook(planSampleMonth({ cases: CASES }), FILE);
    return;
  }
  if (!existsSync(FILE)) {
    // In a process of its own: generating peaks far above reading, and this process's peak RSS is the measure.
    const started = performance.now();
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--generate'], { stdio: 'inherit' });
    console.log(`generated ${FILE} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const floor = process.argv.includes('--floor');
  const started = performance.now();
  let rows: number;
  let detail = '';
  if (floor) {
    rows = (await floorRead(FILE)).cells;
    detail = ' (cells)';
  } else {
    const ledger = await readLedger(FILE);
    rows = Object.values(ledger.accounts).reduce((sum, account) => sum + account.rowsRead, 0);
    detail = ` evaluated=${Object.values(ledger.accounts).reduce((sum, account) => sum + account.rowsEvaluated, 0)} issues=${ledger.dataIssues.length}`;
  }
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`${floor ? 'floor' : 'readLedger'}: rows=${rows}${detail} wall=${seconds.toFixed(2)} s rows/s=${Math.round(rows / seconds)} peakRSS=${peakRssMb.toFixed(0)} MB`);
}

await main();
