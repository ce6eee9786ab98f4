/**
 * The one way the bin writes to the terminal: every line passes through terminalSafe, so no
 * control character from a ledger or a file name reaches it (src/messages/terminal-safe.ts).
 * Commands return their text; main.ts and the handlers print it here.
 */
import { terminalSafe } from '../messages/terminal-safe.js';

export function printOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function printErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
