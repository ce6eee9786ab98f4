/** `duty-audit sample [--out DIR] [--cases N] [--seed S]`: writes a sample month with known violations. */
import type { CommandModule } from 'yargs';
import { displayPath } from '../../display-path.js';
import { tr } from '../../messages/catalogue.js';
import { DEFAULT_CASES, DEFAULT_SEED } from '../../sample/types.js';
import { sampleTempDir, writeSample } from '../../sample/write-sample.js';
import type { Lang } from '../../text.js';
import { EXIT_OK } from '../exit.js';
import { printOut } from '../terminal.js';

interface SampleArgs {
  out?: string;
  cases: number;
  seed: number;
}

export function sampleCommand(lang: Lang): CommandModule<object, SampleArgs> {
  return {
    command: 'sample',
    describe: tr(lang, 'help.sample'),
    builder: (y) =>
      y
        .option('out', { type: 'string', describe: tr(lang, 'help.sample.out') })
        .option('cases', { type: 'number', default: DEFAULT_CASES, describe: tr(lang, 'help.sample.cases') })
        .option('seed', { type: 'number', default: DEFAULT_SEED, describe: tr(lang, 'help.sample.seed') }),
    handler: async (args) => {
      const written = await writeSample(args.out ?? (await sampleTempDir()), { cases: args.cases, seed: args.seed });
      // The default folder is a temporary one outside the working folder: shown as it is, not as a ../../ climb.
      const show = (p: string): string => displayPath(p);
      const { violations, dataIssues } = written.planted;
      const said = {
        xlsx: show(written.xlsx),
        csvDir: show(written.csvDir),
        csvFiles: written.csvFiles.length,
        planted: show(written.plantedJson),
        readme: show(written.readme),
        earlier: show(written.earlierXlsx),
        history: show(written.history),
        decisions: show(written.decisions),
        cases: args.cases,
        violations: violations.length,
        rules: new Set(violations.map((v) => v.ruleId)).size,
        unreadable: dataIssues.length,
      };
      printOut(`${tr(lang, 'sample.written', said)}\n`);
      process.exitCode = EXIT_OK;
    },
  };
}
