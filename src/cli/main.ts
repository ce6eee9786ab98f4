#!/usr/bin/env node
/**
 * The `duty-audit` bin: a thin yargs shell over the library. Commands live one per file in
 * ./commands; each sets `process.exitCode`. Fatal errors print what, where and how to fix, and
 * exit 2 — never a stack trace (set DUTY_AUDIT_DEBUG=1 to see one). It speaks the terminal's
 * language (./language.ts): help, yargs' own messages, errors and output alike.
 *
 * `npm run build` bundles this file and what it imports into dist/cli/main.js
 * (scripts/bundle-bin.mjs): start-up was mostly node loading ~900 modules one by one.
 *
 * No V8 flags. `--max-semi-space-size=32` (a larger young generation) paid while exceljs read
 * the ledger; with the ledger reader of issue #13 it costs memory and no longer saves time:
 * bench/audit.ts's audit child at 100,000 cases, 7 alternating rounds on the busy 2-core
 * machine, CPU median 2.80 s with it and 2.74 s without, peak RSS 264–268 MB with it and
 * 228–234 MB without (docs/performance.md).
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DutyAuditError } from '../errors.js';
import { msg, render, tr, type Message } from '../messages/catalogue.js';
import { LANGS, type Lang } from '../text.js';
import { EXIT_FATAL } from './exit.js';
import { commands } from './commands/index.js';
import { terminalLang } from './language.js';
import { printErr } from './terminal.js';
import { YARGS_CHINESE, YARGS_LOCALE } from './yargs-strings.js';

/** `duty-audit: what happened` and, indented below it, `fix: how to fix it`. */
export function fatalText(lang: Lang, what: Message | string, fix?: Message): string {
  const line = render(msg('cli.fatal', { message: what }), lang);
  return fix ? `${line}\n${render(msg('cli.fix', { hint: fix }), lang)}\n` : `${line}\n`;
}

export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof DutyAuditError) return fatalText(lang, err.detail, err.fix);
  const reason = err instanceof Error ? err.message : String(err);
  return fatalText(lang, msg('cli.internalError', { reason }), msg('cli.internalError.hint'));
}

function reportFatal(err: unknown, lang: Lang): void {
  printErr(errorText(err, lang));
  if (process.env['DUTY_AUDIT_DEBUG'] && err instanceof Error) printErr(`${err.stack}\n`);
  process.exitCode = EXIT_FATAL;
}

/**
 * yargs formats the whole help of a command as it starts the command's handler, to have it at
 * hand should the handler fail later; ours never shows it (`.fail()` above prints what went
 * wrong and the fix). Formatting it (cliui layout, wrapping, string widths) was ~5% of a
 * 1,000-case month's CPU. So, unless help was asked for, it is not made. This reaches into
 * yargs' internals (`getInternalMethods`, as angular-cli does for the same reason); without
 * them, yargs formats the help as before.
 */
function skipUnusedHelp(cli: Argv, argv: readonly string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) return;
  const internals = (cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internals?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const lang = terminalLang(argv, env);
  const cli = yargs(argv)
    .scriptName('duty-audit')
    .locale(YARGS_LOCALE[lang])
    // English is yargs' own en.json. y18n takes plural entries ({ one, other }) too; @types/yargs
    // types the values as strings only.
    .updateStrings(lang === 'zh' ? (YARGS_CHINESE as Record<string, string>) : {})
    .usage(tr(lang, 'help.usage'))
    .option('lang', { type: 'string', choices: LANGS, describe: tr(lang, 'help.lang') })
    .strict()
    .demandCommand(1, tr(lang, 'help.nameCommand'))
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .epilogue(tr(lang, 'help.epilogue'))
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, err) => {
      if (err) throw err;
      printErr(fatalText(lang, message, msg('cli.usage.hint')));
      process.exit(EXIT_FATAL);
    });
  for (const command of commands(lang)) cli.command(command);
  skipUnusedHelp(cli, argv);
  try {
    await cli.parseAsync();
  } catch (err) {
    reportFatal(err, lang);
  }
}

await main(hideBin(process.argv));
