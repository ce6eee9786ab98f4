/**
 * `duty-audit rules validate [DIR]` and `duty-audit rules test [DIR]` (list and diff live in their own files): thin shells over
 * loadRuleSet and testRules. validate: every problem as `file:line:col  message`, exit 2 if
 * any. test: each rule's cases and the clause coverage, exit 1 if any case fails, 2 if the rules
 * do not load. Further `rules` subcommands (list, diff) go in `rulesSubcommands`.
 */
import type { CommandModule } from 'yargs';
import { DEFAULT_RULES_DIR } from '../../paths.js';
import { catalogueGaps, clauseCoverage } from '../../rule-tester/coverage.js';
import { calendarFilesOf } from '../../rules/files.js';
import { loadRuleSet } from '../../rules/load.js';
import { testRules } from '../../rule-tester/tester.js';
import type { RuleSet } from '../../rules/types.js';
import { coverageLines, problemLines, summaryLine, testReportLines, validOkLine } from '../../rule-tester/report.js';
import { EXIT_FATAL, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { rulesDiffCommand } from './rules-diff.js';
import { rulesListCommand } from './rules-list.js';

interface DirArgs {
  dir: string;
}

function print(lines: string[]): void {
  process.stdout.write(lines.join('\n') + '\n');
}

/** The rule set, or undefined after printing every problem and setting exit code 2. */
async function loadOrPrintProblems(dir: string): Promise<RuleSet | undefined> {
  const { ruleSet, problems } = await loadRuleSet(dir);
  if (ruleSet) return ruleSet;
  print(problemLines(problems));
  process.exitCode = EXIT_FATAL;
  return undefined;
}

const dirPositional = { type: 'string', default: DEFAULT_RULES_DIR, describe: 'rules folder (default: the rules shipped with duty-audit)', defaultDescription: 'rules/' } as const;

export const rulesValidateCommand: CommandModule<object, DirArgs> = {
  command: 'validate [dir]',
  describe: 'Check every rule file, the policy and the calendars; print each problem as file:line:col',
  builder: (y) => y.positional('dir', dirPositional),
  handler: async (args) => {
    const ruleSet = await loadOrPrintProblems(args.dir);
    if (!ruleSet) return;
    print([validOkLine(ruleSet, calendarFilesOf(ruleSet.dir).length)]);
    process.exitCode = EXIT_OK;
  },
};

export const rulesTestCommand: CommandModule<object, DirArgs> = {
  command: 'test [dir]',
  describe: "Run each rule's own cases (records it must and must not fire on) and show clause coverage",
  builder: (y) => y.positional('dir', dirPositional),
  handler: async (args) => {
    const ruleSet = await loadOrPrintProblems(args.dir);
    if (!ruleSet) return;
    const report = await testRules(ruleSet);
    const gaps = catalogueGaps(ruleSet);
    print([...testReportLines(report), ...coverageLines(clauseCoverage(ruleSet), gaps), '', summaryLine(report, gaps)]);
    process.exitCode = report.ok && gaps.length === 0 ? EXIT_OK : EXIT_FINDINGS;
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rulesSubcommands: CommandModule<any, any>[] = [rulesValidateCommand, rulesTestCommand, rulesListCommand, rulesDiffCommand];

export const rulesCommand: CommandModule = {
  command: 'rules',
  describe: 'Check, test, list and diff rule files: rules validate | test | list | diff',
  builder: (y) => {
    for (const sub of rulesSubcommands) y.command(sub);
    return y.demandCommand(1, 'Name a rules command: ' + rulesSubcommands.map((c) => String(c.command).split(' ')[0]).join(', ') + '.');
  },
  handler: () => undefined,
};
