#!/usr/bin/env -S node --max-semi-space-size=32
/**
 * The `duty-audit` bin: a thin yargs shell over the library. Commands live one per file in
 * ./commands; each sets `process.exitCode`. Fatal errors print what, where and how to fix, and
 * exit 2 — never a stack trace (set DUTY_AUDIT_DEBUG=1 to see one). It speaks the terminal's
 * language (./language.ts): help, yargs' own messages, errors and output alike.
 *
 * The shebang's --max-semi-space-size=32 (MB, default 16) gives V8 a larger young generation:
 * reading a 100,000-row ledger keeps every record, and with the default size each scavenge
 * copies the rows read since the last one (measured with bench/audit.ts, 100,000 cases, medians
 * of 3: read 5.5–6.1 s → 4.3–4.6 s, audit/floor 1.92–1.95× → 1.61–1.69× with the floor run
 * under the same flag; 64 MB, or a 16 MB minimum, was slower again and +50–100 MB RSS).
 * v8.setFlagsFromString at run time does not resize the heap, so it has to be a node flag;
 * `env -S` passes it (GNU coreutils ≥ 8.30, macOS, npm's Windows shim).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DutyAuditError } from '../errors.js';
import { msg, render, tr, type Message } from '../messages/catalogue.js';
import { LANGS, type Lang } from '../text.js';
import { EXIT_FATAL } from './exit.js';
import { commands } from './commands/index.js';
import { terminalLang } from './language.js';
import { printErr } from './terminal.js';
import { YARGS_LOCALE, YARGS_STRINGS } from './yargs-strings.js';

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

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const lang = terminalLang(argv, env);
  const cli = yargs(argv)
    .scriptName('duty-audit')
    .locale(YARGS_LOCALE[lang])
    // y18n takes plural entries ({ one, other }) too; @types/yargs types the values as strings only.
    .updateStrings(YARGS_STRINGS[lang] as Record<string, string>)
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
  try {
    await cli.parseAsync();
  } catch (err) {
    reportFatal(err, lang);
  }
}

await main(hideBin(process.argv));
