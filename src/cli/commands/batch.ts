/**
 * `duty-audit batch <folder|glob...> --out DIR`: a thin shell over runBatch (src/batch). Sets
 * the exit code: 0 all audited, 1 findings at or above --fail-on, 2 some input failed.
 */
import type { CommandModule } from 'yargs';
import { availableParallelism } from 'node:os';
import { displayPath } from '../../display-path.js';
import { progressFor } from '../../batch/progress.js';
import { runBatch, type BatchOptions } from '../../batch/run-batch.js';
import type { BatchResult } from '../../batch/types.js';
import { DutyAuditError } from '../../errors.js';
import { msg } from '../../messages/catalogue.js';
import { checkAsOf, checkPeriod } from '../../audit/period.js';
import { parseGrade } from '../../grade-scale.js';
import { isLang } from '../../text.js';

interface BatchArgs {
  inputs: string[];
  out: string;
  jobs?: number;
  period?: string;
  'as-of'?: string;
  rules?: string;
  lang: string;
  mask: boolean;
  force: boolean;
  'fail-on'?: string;
  'max-mb': number;
}

export const batchCommand: CommandModule<object, BatchArgs> = {
  command: 'batch <inputs...>',
  describe: 'Audit every workbook and CSV folder under folders or globs; one report each plus a district summary',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'folders, workbooks or quoted globs' })
      .option('out', { type: 'string', demandOption: true, describe: 'folder for the reports, the district summary and the manifest' })
      .option('jobs', { type: 'number', describe: `parallel audits (default: the number of cores, ${availableParallelism()})` })
      .option('period', { type: 'string', describe: 'YYYY-MM (default: each input’s own month)' })
      .option('as-of', { type: 'string', describe: 'YYYY-MM-DD (default: the last day of the period)' })
      .option('rules', { type: 'string', describe: 'rules folder (default: the rules shipped with duty-audit)' })
      .option('lang', { type: 'string', choices: ['zh', 'en'], default: 'zh', describe: 'report language' })
      .option('mask', { type: 'boolean', default: true, describe: 'mask phone numbers in reports (--no-mask to show them)' })
      .option('force', { type: 'boolean', default: false, describe: 'audit every input, even those unchanged since the last run' })
      .option('fail-on', { type: 'string', describe: 'exit 1 when a center has a finding at or above this grade' })
      .option('max-mb', { type: 'number', default: 50, describe: 'inputs larger than this are listed as failed' }),
  handler: async (args) => {
    const result = await runBatch(args.inputs, toOptions(args));
    process.stdout.write(closingLines(result).join('\n') + '\n');
    process.exitCode = result.exitCode;
  },
};

function toOptions(args: BatchArgs): BatchOptions {
  const options: BatchOptions = {
    out: args.out,
    lang: isLang(args.lang) ? args.lang : 'zh',
    mask: args.mask,
    force: args.force,
    maxMb: positive(args['max-mb'], '--max-mb'),
    progress: progressFor(process.stderr),
  };
  if (args.jobs !== undefined) options.jobs = Math.floor(positive(args.jobs, '--jobs'));
  if (args.period !== undefined) options.period = checkPeriod(args.period);
  if (args['as-of'] !== undefined) options.asOf = checkAsOf(args['as-of']);
  if (args.rules !== undefined) options.rulesDir = args.rules;
  if (args['fail-on'] !== undefined) {
    const grade = parseGrade(args['fail-on']);
    if (!grade) throw new DutyAuditError('bad-usage', msg('cli.badFailOn', { value: args['fail-on'] }), { hint: msg('cli.badFailOn.hint') });
    options.failOn = grade;
  }
  return options;
}

function closingLines(result: BatchResult): string[] {
  const shown = (file: string): string => displayPath(file);
  const { audited, skipped, failed } = result.counts;
  const lines = [`batch: ${audited} audited, ${skipped} unchanged (kept), ${failed} failed`, `district summary: ${shown(result.summaryFile)}`];
  for (const e of result.entries) {
    if (e.status !== 'failed') continue;
    lines.push(`failed: ${e.input.display} (${e.failure.code})\n  ${e.failure.message.replace(/\n/g, '\n  ')}` + (e.failure.hint ? `\n  fix: ${e.failure.hint}` : ''));
  }
  return lines;
}

function positive(value: number, flag: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DutyAuditError('bad-usage', msg('cli.notPositive', { flag, value: String(value) }), { hint: msg('cli.notPositive.hint', { flag }) });
  }
  return value;
}
