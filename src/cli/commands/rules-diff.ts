/**
 * `duty-audit rules diff <old-rules> <new-rules> <workbook...> [--xlsx FILE] [--json FILE]
 * [--period] [--as-of] [--lang]`: what a rule edit would change on real months. Either rules
 * argument may be a git revision (`HEAD~1:rules`). Prints the diff, optionally writes it as a
 * workbook and as JSON, and exits 0 whatever it finds (a diff is information, not a verdict).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath } from '../../display-path.js';
import type { CommandModule } from 'yargs';
import { checkAsOf, checkPeriod } from '../../audit/period.js';
import { diffRuleSets, type DiffOptions } from '../../diff/diff.js';
import { diffJsonText } from '../../diff/json.js';
import { dt } from '../../diff/labels.js';
import { openRulesSource, type RulesSource } from '../../diff/rules-source.js';
import { diffTerminal } from '../../diff/terminal.js';
import type { DiffResult } from '../../diff/types.js';
import { writeDiffXlsx } from '../../diff/xlsx.js';
import { LANGS, type Lang } from '../../text.js';
import { EXIT_OK } from '../exit.js';
import { writeOutput } from '../write-output.js';
import { msg } from '../../messages/catalogue.js';

export interface RulesDiffArgs {
  old: string;
  new: string;
  workbooks: string[];
  xlsx?: string;
  json?: string;
  period?: string;
  'as-of'?: string;
  lang: Lang;
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
    const result = await diffRuleSets(before.dir, after.dir, inputs, options);
    // Show workbooks as the user named them, not as absolute paths.
    for (const w of result.workbooks) w.workbook = shown(w.workbook, cwd);
    for (const c of result.changes) c.workbook = shown(c.workbook, cwd);
    let text = diffTerminal(result, args.lang);
    const xlsx = args.xlsx ? resolve(cwd, args.xlsx) : undefined;
    const colon = args.lang === 'zh' ? ':' : ': ';
    if (xlsx) {
      await writeOutput(xlsx, msg('cli.what.diffWorkbook'), 'xlsx', () => writeDiffXlsx(result, xlsx, args.lang));
      text += `${dt('xlsxWritten', args.lang)}${colon}${shown(xlsx, cwd)}\n`;
    }
    const json = args.json ? resolve(cwd, args.json) : undefined;
    if (json) {
      await writeOutput(json, msg('cli.what.diffJson'), 'json', () => writeFile(json, diffJsonText(result)));
      text += `${dt('jsonWritten', args.lang)}${colon}${shown(json, cwd)}\n`;
    }
    return { result, text, ...(xlsx ? { xlsx } : {}), ...(json ? { json } : {}) };
  } finally {
    for (const s of sources) s.dispose();
  }
}

export const rulesDiffCommand: CommandModule<object, RulesDiffArgs> = {
  command: 'diff <old> <new> <workbooks..>',
  describe: 'Which findings a rule edit adds, removes or regrades on real ledgers (old rules may be a git revision, e.g. HEAD~1:rules)',
  builder: (y) =>
    y
      .positional('old', { type: 'string', demandOption: true, describe: 'the old rules: a folder, or a git revision such as HEAD~1:rules' })
      .positional('new', { type: 'string', demandOption: true, describe: 'the new rules: a folder (or a git revision)' })
      .positional('workbooks', { type: 'string', array: true, demandOption: true, describe: 'ledger workbooks (.xlsx) or CSV folders to audit with both' })
      .option('xlsx', { type: 'string', describe: 'also write the diff as a workbook (新增 / 移除 / 等级变化 / 按规则 / 按人员)' })
      .option('json', { type: 'string', describe: 'also write the diff as JSON to this file (schemas/diff.schema.json)' })
      .option('period', { type: 'string', describe: 'the audited month, YYYY-MM (default: each workbook’s own)' })
      .option('as-of', { type: 'string', describe: '"today" for open cases, YYYY-MM-DD (default: the last day of the period)' })
      .option('lang', { type: 'string', choices: LANGS, default: 'zh' as const, describe: 'language of the output' }),
  handler: async (args) => {
    const run = await runRulesDiff(args);
    process.stdout.write(run.text);
    process.exitCode = EXIT_OK;
  },
};
