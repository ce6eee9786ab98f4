/** Writing an output file a command was asked for; a failure says which option to change. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';

/**
 * Runs `write` after creating the file's folder. Any failure (a folder in the way, a file open
 * in Excel, no permission) becomes a usage error naming the file and the option that chose it.
 */
export async function writeOutput(file: string, what: Message, option: string, write: () => Promise<void>): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await write();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DutyAuditError('bad-usage', msg('cli.cannotWrite', { what, file, reason }), { file, hint: msg('cli.cannotWrite.hint', { option }), cause: err });
  }
}
