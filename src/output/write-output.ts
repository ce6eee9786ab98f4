/**
 * Writing an output a command was asked for: through a temporary file (atomic-file.ts), and any
 * failure turned into a `cannot-write` error (exit 2) that says what could not be written, where,
 * why, and which option chooses another path (write-error.ts).
 */
import type { Message } from '../messages/catalogue.js';
import { writeTextAtomically } from './atomic-file.js';
import { writeFailure } from './write-error.js';

/**
 * Runs `write`, which writes `file` atomically (writeFileAtomically, or a report writer built
 * on it) or makes the folder `file`, turning a failure into a message naming `what` and
 * `--option`; resolves to what `write` resolves to.
 */
export async function writeOutput<T>(file: string, what: Message, option: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw writeFailure(error, file, what, option);
  }
}

export async function writeTextOutput(file: string, text: string, what: Message, option?: string): Promise<void> {
  await writeOutput(file, what, option, () => writeTextAtomically(file, text));
}
