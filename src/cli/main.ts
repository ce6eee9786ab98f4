#!/usr/bin/env -S node --max-semi-space-size=32
/**
 * The `duty-audit` bin: a thin yargs shell over the library. Commands live one per file in
 * ./commands; each sets `process.exitCode`. Fatal errors print what, where and how to fix, and
 * exit 2 — never a stack trace (set DUTY_AUDIT_DEBUG=1 to see one).
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
import { EXIT_FATAL } from './exit.js';
import { commands } from './commands/index.js';

function reportFatal(err: unknown): void {
  if (err instanceof DutyAuditError) {
    process.stderr.write(`duty-audit: ${err.describe('en')}\n`);
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
