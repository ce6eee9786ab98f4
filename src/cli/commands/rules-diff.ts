/**
 * `duty-audit rules diff <old-rules> <new-rules> <workbook...> [--xlsx FILE] [--json FILE]
 * [--period] [--as-of]`: what a rule edit would change on real months, printed in the terminal's
 * language; the workbook in `--lang` (Chinese by default). Either rules
 * argument may be a git revision (`HEAD~1:rules`). Prints the diff, optionally writes it as a
 * workbook and as JSON, and exits 0 whatever it finds (a diff is information, not a verdict).
 */
import { resolve } from 'node:path';
import { displayPath } from '../../display-path.js';
import type { CommandModule } from 'yargs';
import { checkAsOf, checkPeriod } from '../../audit/period.js';
import { diffRuleSets, type DiffOptions } from '../../diff/diff.js';
import { diffJsonText } from '../../diff/json.js';
import { openRulesSource, type RulesSource } from '../../diff/rules-source.js';
import { diffTerminal } from '../../diff/terminal.js';
import type { DiffResult } from '../../diff/types.js';
import { writeDiffXlsx } from '../../diff/xlsx.js';
import type { Lang } from '../../text.js';
import { EXIT_OK } from '../exit.js';
import { writeOutput, writeTextOutput } from '../../output/write-output.js';
import { refuseClashingOutputs, type NamedPath } from '../../output/output-paths.js';
import { rulePaths } from '../../audit/inputs.js';
import { msg, tr } from '../../messages/catalogue.js';
import { fileLang } from '../language.js';
import { printOut } from '../terminal.js';

export interface RulesDiffArgs {
  old: string;
  new: string;
  workbooks: string[];
  xlsx?: string;
  json?: string;
  period?: string;
  'as-of'?: string;
  /** `--lang`: the language of the diff workbook and, unless `ui` says otherwise, of the text. */
  lang?: Lang;
  /** The language of the printed text (the terminal's). */
  ui?: Lang;
}

export interface RulesDiffRun {
  result: DiffResult;
  text: string;
  xlsx?: string;
  json?: string;
}

const shown = (file: string, cwd: string): string => displayPath(file, cwd);

/** The command's work without yargs or process state, for tests and embedding. */
export async function runRulesDiff(args: RulesDiffArgs, cwd = process.cwd()): Promise<RulesDiffRun> {
  const options: DiffOptions = { oldLabel: args.old, newLabel: args.new };
  if (args.period !== undefined) options.period = checkPeriod(String(args.period));
  if (args['as-of'] !== undefined) options.asOf = checkAsOf(String(args['as-of']));
  const sources: RulesSource[] = [];
  try {
    const before = openRulesSource(args.old, cwd);
    sources.push(before);
    const after = openRulesSource(args.new, cwd);
    sources.push(after);
    const inputs = args.workbooks.map((w) => resolve(cwd, w));
    const outputs: NamedPath[] = [];
    if (args.xlsx) outputs.push({ path: resolve(cwd, args.xlsx), label: '--xlsx' });
    if (args.json) outputs.push({ path: resolve(cwd, args.json), label: '--json' });
    const workbooks = inputs.map((path, i) => ({ path, label: msg('write.label.workbook', { path: args.workbooks[i]! }) }));
    refuseClashingOutputs(outputs, [...workbooks, ...rulePaths(before.dir), ...rulePaths(after.dir)]);
    const result = await diffRuleSets(before.dir, after.dir, inputs, options);
    // Show workbooks as the user named them, not as absolute paths.
    for (const w of result.workbooks) w.workbook = shown(w.workbook, cwd);
    for (const c of result.changes) c.workbook = shown(c.workbook, cwd);
    const lang = args.lang ?? 'zh';
    const ui = args.ui ?? lang;
    let text = diffTerminal(result, ui);
    const xlsx = args.xlsx ? resolve(cwd, args.xlsx) : undefined;
    if (xlsx) {
      await writeOutput(xlsx, msg('cli.what.diffWorkbook'), 'xlsx', () => writeDiffXlsx(result, xlsx, lang));
      text += `${tr(ui, 'diff.written.xlsx', { path: shown(xlsx, cwd) })}\n`;
    }
    const json = args.json ? resolve(cwd, args.json) : undefined;
    if (json) {
      await writeTextOutput(json, diffJsonText(result), msg('cli.what.diffJson'), 'json');
      text += `${tr(ui, 'diff.written.json', { path: shown(json, cwd) })}\n`;
    }
    return { result, text, ...(xlsx ? { xlsx } : {}), ...(json ? { json } : {}) };
  } finally {
    for (const s of sources) s.dispose();
  }
}

export function rulesDiffCommand(lang: Lang): CommandModule<object, RulesDiffArgs> {
  return {
    command: 'diff <old> <new> <workbooks..>',
    describe: tr(lang, 'help.rules.diff'),
    builder: (y) =>
      y
        .positional('old', { type: 'string', demandOption: true, describe: tr(lang, 'help.rules.diff.old') })
        .positional('new', { type: 'string', demandOption: true, describe: tr(lang, 'help.rules.diff.new') })
        .positional('workbooks', { type: 'string', array: true, demandOption: true, describe: tr(lang, 'help.rules.diff.workbooks') })
        .option('xlsx', { type: 'string', describe: tr(lang, 'help.rules.diff.xlsx') })
        .option('json', { type: 'string', describe: tr(lang, 'help.rules.diff.json') })
        .option('period', { type: 'string', describe: tr(lang, 'help.rules.diff.period') })
        .option('as-of', { type: 'string', describe: tr(lang, 'help.asOf') }),
    handler: async (args) => {
      const run = await runRulesDiff({ ...args, lang: fileLang(args.lang), ui: lang });
      printOut(run.text);
      process.exitCode = EXIT_OK;
    },
  };
}
