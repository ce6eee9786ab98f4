/**
 * `duty-audit rules validate [DIR]` and `duty-audit rules test [DIR]` (list and diff live in their
 * own files): thin shells over loadRuleSet and testRules, printing in the terminal's language.
 * validate: every problem as `file:line:col  message`, exit 2 if any. test: each rule's cases and
 * the clause coverage, exit 1 if any case fails, 2 if the rules do not load. Further `rules`
 * subcommands go in `rulesSubcommands`.
 */
import type { CommandModule } from 'yargs';
import { tr } from '../../messages/catalogue.js';
import { DEFAULT_RULES_DIR } from '../../paths.js';
import { catalogueGaps, clauseCoverage } from '../../rule-tester/coverage.js';
import { calendarFilesOf } from '../../rules/files.js';
import { loadRuleSet } from '../../rules/load.js';
import { testRules } from '../../rule-tester/tester.js';
import type { RuleSet } from '../../rules/types.js';
import { coverageLines, problemLines, summaryLine, testReportLines, validOkLine } from '../../rule-tester/report.js';
import type { Lang } from '../../text.js';
import { EXIT_FATAL, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { ruleLimitsOf, withRuleLimitOptions } from '../limit-options.js';
import { printOut } from '../terminal.js';
import { rulesDiffCommand } from './rules-diff.js';
import { rulesListCommand } from './rules-list.js';

interface DirArgs {
  dir: string;
}

function print(lines: string[]): void {
  printOut(lines.join('\n') + '\n');
}

/** The rule set, or undefined after printing every problem and setting exit code 2. */
async function loadOrPrintProblems(dir: string, lang: Lang, args: object): Promise<RuleSet | undefined> {
  const { ruleSet, problems } = await loadRuleSet(dir, { limits: ruleLimitsOf(args) });
  if (ruleSet) return ruleSet;
  print(problemLines(problems, lang));
  process.exitCode = EXIT_FATAL;
  return undefined;
}

function dirPositional(lang: Lang) {
  return { type: 'string', default: DEFAULT_RULES_DIR, describe: tr(lang, 'help.rules.dir'), defaultDescription: 'rules/' } as const;
}

export function rulesValidateCommand(lang: Lang): CommandModule<object, DirArgs> {
  return {
    command: 'validate [dir]',
    describe: tr(lang, 'help.rules.validate'),
    builder: (y) => withRuleLimitOptions(y, lang).positional('dir', dirPositional(lang)),
    handler: async (args) => {
      const ruleSet = await loadOrPrintProblems(args.dir, lang, args);
      if (!ruleSet) return;
      print([validOkLine(ruleSet, calendarFilesOf(ruleSet.dir).length, lang)]);
      process.exitCode = EXIT_OK;
    },
  };
}

export function rulesTestCommand(lang: Lang): CommandModule<object, DirArgs> {
  return {
    command: 'test [dir]',
    describe: tr(lang, 'help.rules.test'),
    builder: (y) => withRuleLimitOptions(y, lang).positional('dir', dirPositional(lang)),
    handler: async (args) => {
      const ruleSet = await loadOrPrintProblems(args.dir, lang, args);
      if (!ruleSet) return;
      const report = await testRules(ruleSet);
      const gaps = catalogueGaps(ruleSet);
      print([...testReportLines(report, lang), ...coverageLines(clauseCoverage(ruleSet), gaps, lang), '', summaryLine(report, gaps, lang)]);
      process.exitCode = report.ok && gaps.length === 0 ? EXIT_OK : EXIT_FINDINGS;
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rulesSubcommands(lang: Lang): CommandModule<any, any>[] {
  return [rulesValidateCommand(lang), rulesTestCommand(lang), rulesListCommand(lang), rulesDiffCommand(lang)];
}

export function rulesCommand(lang: Lang): CommandModule {
  return {
    command: 'rules',
    describe: tr(lang, 'help.rules.command'),
    builder: (y) => {
      const subcommands = rulesSubcommands(lang);
      for (const sub of subcommands) y.command(sub);
      return y.demandCommand(1, tr(lang, 'help.rules.nameCommand', { commands: subcommands.map((c) => String(c.command).split(' ')[0]!) }));
    },
    handler: () => undefined,
  };
}
