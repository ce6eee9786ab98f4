/**
 * Text bound for a terminal, made harmless. Names, center names, file names and cell values come
 * from ledgers and uploads: an ESC in a staff name would otherwise recolour, clear or retitle the
 * inspector's terminal, a CR would overwrite the line it is on, and a bidi override (U+202E)
 * would show a name reversed. Every such character is shown as a visible escape (`\x1b`, `\u202e`)
 * instead; newline and tab, which the tool's own output uses, pass. Applied once, where the
 * CLI writes (src/cli/terminal.ts) and where batch progress draws its bar.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}
