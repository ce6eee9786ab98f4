/**
 * `duty-audit sample`: writes the sample month — workbook, CSV folder, planted.json and
 * README.md — into one folder, with what an audit of it takes besides: the month before (its
 * workbook and the JSON report its audit writes, for `--history`) and decisions.json (reviewed
 * appeals, for `--decisions`). The folder is the one asked for, else a new temporary folder, so
 * that the tracked samples/ is rewritten only when asked for by name (`--out samples`).
 */
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkCalendar } from '../calendar/types.js';
import { writeTextAtomically } from '../output/atomic-file.js';
import { planSampleMonth } from './generate.js';
import type { Planted, SampleOptions } from './types.js';
import { writeSampleCsv } from './write-csv.js';
import { earlierReport } from './earlier-month.js';
import { plantedDecisions, plantedJson, plantedReadme } from './write-planted.js';
import { writeSampleXlsx } from './write-xlsx.js';

export interface WrittenSample {
  xlsx: string;
  csvDir: string;
  csvFiles: string[];
  plantedJson: string;
  readme: string;
  /** The month before: its workbook and its JSON report (the history). */
  earlierXlsx: string;
  history: string;
  decisions: string;
  planted: Planted;
}

export async function writeSample(outDir: string, options: SampleOptions & { streaming?: boolean; rulesDir?: string } = {}, calendar?: WorkCalendar): Promise<WrittenSample> {
  const plan = planSampleMonth(options, calendar);
  await mkdir(outDir, { recursive: true });
  const xlsxName = `${plan.stem}.xlsx`;
  const csvName = `${plan.stem}-csv`;
  const xlsx = join(outDir, xlsxName);
  await writeSampleXlsx(plan, xlsx, options.streaming === undefined ? {} : { streaming: options.streaming });
  const csvDir = join(outDir, csvName);
  const csvFiles = await writeSampleCsv(plan, csvDir);
  const plantedFile = join(outDir, 'planted.json');
  await writeTextAtomically(plantedFile, plantedJson(plan.planted));
  const readme = join(outDir, 'README.md');
  await writeTextAtomically(readme, plantedReadme(plan.planted, { xlsx: xlsxName, csvDir: csvName, earlierXlsx: `${plan.earlier.stem}.xlsx` }));
  const earlierXlsx = join(outDir, `${plan.earlier.stem}.xlsx`);
  await writeSampleXlsx(plan.earlier, earlierXlsx);
  const history = join(outDir, plan.planted.history);
  await writeTextAtomically(history, await earlierReport(earlierXlsx, plan.earlier, options.rulesDir));
  const decisions = join(outDir, plan.planted.decisions);
  await writeTextAtomically(decisions, plantedDecisions(plan.planted));
  return { xlsx, csvDir, csvFiles, plantedJson: plantedFile, readme, earlierXlsx, history, decisions, planted: plan.planted };
}

/** A new folder under the system's temporary folder, for a sample nobody asked to keep. */
export function sampleTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'duty-audit-sample-'));
}
