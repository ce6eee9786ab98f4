/**
 * `duty-audit batch <folder|glob...> --out DIR`: a thin shell over runBatch (src/batch). Sets
 * the exit code: 0 all audited, 1 findings at or above --fail-on, 3 some input failed (listed in
 * the district summary); 2 only when the batch itself could not run.
 */
import type { CommandModule } from 'yargs';
import { availableParallelism } from 'node:os';
import { checkAsOf, checkPeriod } from '../../audit/period.js';
import { displayPath } from '../../display-path.js';
import { progressFor } from '../../batch/progress.js';
import { ledgerLimitsOf, ruleLimitsOf, withLedgerLimitOptions, withRuleLimitOptions } from '../limit-options.js';
import { runBatch, type BatchOptions } from '../../batch/run-batch.js';
import type { BatchFailure, BatchResult } from '../../batch/types.js';
import { DutyAuditError } from '../../errors.js';
import { parseGrade } from '../../grade-scale.js';
import { msg, render, tr, type Message } from '../../messages/catalogue.js';
import type { Lang } from '../../text.js';
import { fileLang } from '../language.js';
import { printOut } from '../terminal.js';

interface BatchArgs {
  inputs: string[];
  out: string;
  jobs?: number;
  period?: string;
  'as-of'?: string;
  rules?: string;
  lang?: string;
  mask: boolean;
  force: boolean;
  'fail-on'?: string;
  'max-mb': number;
}

export function batchCommand(lang: Lang): CommandModule<object, BatchArgs> {
  return {
    command: 'batch <inputs...>',
    describe: tr(lang, 'help.batch'),
    builder: (y) =>
      withRuleLimitOptions(withLedgerLimitOptions(y, lang, ['maxInputBytes']), lang)
        .positional('inputs', { type: 'string', array: true, demandOption: true, describe: tr(lang, 'help.batch.inputs') })
        .option('out', { type: 'string', demandOption: true, describe: tr(lang, 'help.batch.out') })
        .option('jobs', { type: 'number', describe: tr(lang, 'help.batch.jobs', { cores: availableParallelism() }) })
        .option('period', { type: 'string', describe: tr(lang, 'help.batch.period') })
        .option('as-of', { type: 'string', describe: tr(lang, 'help.asOf') })
        .option('rules', { type: 'string', describe: tr(lang, 'help.rules') })
        .option('mask', { type: 'boolean', default: true, describe: tr(lang, 'help.batch.mask') })
        .option('force', { type: 'boolean', default: false, describe: tr(lang, 'help.batch.force') })
        .option('fail-on', { type: 'string', describe: tr(lang, 'help.batch.failOn') })
        .option('max-mb', { type: 'number', default: 50, alias: 'max-input-mb', describe: tr(lang, 'help.batch.maxMb') }),
    handler: async (args) => {
      const result = await runBatch(args.inputs, toOptions(args, lang));
      printOut(closingLines(result, lang).join('\n') + '\n');
      process.exitCode = result.exitCode;
    },
  };
}

function toOptions(args: BatchArgs, lang: Lang): BatchOptions {
  const options: BatchOptions = {
    out: args.out,
    lang: fileLang(args.lang),
    mask: args.mask,
    force: args.force,
    maxMb: positive(args['max-mb'], '--max-mb'),
    progress: progressFor(process.stderr, lang),
    limits: { ...ledgerLimitsOf(args), maxInputBytes: Math.floor(args['max-mb'] * 1024 * 1024) },
    ruleLimits: ruleLimitsOf(args),
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

/** What failed and how to fix it: the failure's messages, or the English of a manifest written before them. */
function failureWords(f: BatchFailure): { what: Message | string; fix: Message | string | undefined } {
  return { what: f.detail ?? f.message, fix: f.fix ?? f.hint };
}

export function closingLines(result: BatchResult, lang: Lang): string[] {
  const shown = (file: string): string => displayPath(file);
  const lines = [tr(lang, 'batch.closing.counts', result.counts), tr(lang, 'batch.closing.summary', { path: shown(result.summaryFile) })];
  for (const e of result.entries) {
    if (e.status !== 'failed') continue;
    const { what, fix } = failureWords(e.failure);
    const text = (m: Message | string): string => (typeof m === 'string' ? m : render(m, lang));
    lines.push(tr(lang, 'batch.closing.failed', { input: e.input.display, code: e.failure.code }));
    lines.push(`  ${text(what).replace(/\n/g, '\n  ')}`);
    if (fix !== undefined) lines.push(render(msg('cli.fix', { hint: text(fix) }), lang));
  }
  return lines;
}

function positive(value: number, flag: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DutyAuditError('bad-usage', msg('cli.notPositive', { flag, value: String(value) }), { hint: msg('cli.notPositive.hint', { flag }) });
  }
  return value;
}
