#!/usr/bin/env node
/**
 * The `duty-audit` bin: a thin yargs shell over the library. Commands live one per file in
 * ./commands; each sets `process.exitCode`. Fatal errors print what, where and how to fix, and
 * exit 2 — never a stack trace (set DUTY_AUDIT_DEBUG=1 to see one).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DutyAuditError } from '../errors.js';
import { EXIT_FATAL } from './exit.js';
import { commands } from './commands/index.js';

function reportFatal(err: unknown): void {
  if (err instanceof DutyAuditError) {
    process.stderr.write(`duty-audit: ${err.describe()}\n`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`duty-audit: internal error: ${message}\n  please report it with the command you ran\n`);
  }
  if (process.env['DUTY_AUDIT_DEBUG'] && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = EXIT_FATAL;
}

export async function main(argv: string[]): Promise<void> {
  const cli = yargs(argv)
    .scriptName('duty-audit')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, 'Name a command: audit, batch, rules, facts or sample.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err, y) => {
      if (err) throw err;
      process.stderr.write(`${y.help === undefined ? '' : ''}duty-audit: ${msg}\n  fix: run \`duty-audit --help\` for the commands and options\n`);
      process.exit(EXIT_FATAL);
    });
  for (const command of commands) cli.command(command);
  try {
    await cli.parseAsync();
  } catch (err) {
    reportFatal(err);
  }
}

await main(hideBin(process.argv));
