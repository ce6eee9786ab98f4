/** `duty-audit sample [--out DIR] [--cases N] [--seed S]`: writes a sample month with known violations. */
import { relative } from 'node:path';
import type { CommandModule } from 'yargs';
import { SAMPLES_DIR } from '../../paths.js';
import { DEFAULT_CASES, DEFAULT_SEED } from '../../sample/types.js';
import { writeSample } from '../../sample/write-sample.js';
import { EXIT_OK } from '../exit.js';

interface SampleArgs {
  out: string;
  cases: number;
  seed: number;
}

export const sampleCommand: CommandModule<object, SampleArgs> = {
  command: 'sample',
  describe: 'Write a realistic sample month (workbook, CSV folder, planted.json, README.md) with known violations',
  builder: (y) =>
    y
      .option('out', { type: 'string', default: SAMPLES_DIR, defaultDescription: 'samples/', describe: 'Folder to write into' })
      .option('cases', { type: 'number', default: DEFAULT_CASES, describe: 'Case rows in the 办件台账 (100000 works, streamed)' })
      .option('seed', { type: 'number', default: DEFAULT_SEED, describe: 'Seed: the same seed writes the same month' }),
  handler: async (args) => {
    const written = await writeSample(args.out, { cases: args.cases, seed: args.seed });
    const show = (p: string): string => relative(process.cwd(), p) || p;
    const { violations, dataIssues } = written.planted;
    process.stdout.write(
      `wrote ${show(written.xlsx)}\n      ${show(written.csvDir)}/ (${written.csvFiles.length} CSV files)\n      ${show(written.plantedJson)}\n      ${show(written.readme)}\n` +
        `      ${show(written.earlierXlsx)}, ${show(written.history)} (--history)\n      ${show(written.decisions)} (--decisions)\n` +
        `${args.cases} cases; ${violations.length} planted violations of ${new Set(violations.map((v) => v.ruleId)).size} rules; ${dataIssues.length} unreadable cells\n`,
    );
    process.exitCode = EXIT_OK;
  },
};

export default sampleCommand;
