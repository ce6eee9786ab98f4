/**
 * A failure that stops a command (exit code 2): bad input file, bad rules, bad usage.
 * Not a finding and not a data issue. It carries what happened and how to fix it as messages of
 * the catalogue (src/messages) — a key and its parameters, never English or Chinese text — so the
 * bin prints it in the terminal's language: `describe(lang)`. `message` and `hint` are the English
 * renderings, for stack traces and for code that logs errors.
 */
import { msg, render, type Message } from './messages/catalogue.js';
import type { Lang } from './text.js';

export type ErrorCode =
  | 'file-not-found'
  | 'not-a-workbook'
  | 'encrypted-workbook'
  | 'empty-file'
  | 'no-cases-sheet'
  /** The case sheet's header row is not found (too low, wrong CSV separator, no column names). */
  | 'no-header'
  | 'bad-encoding'
  | 'file-too-large'
  | 'bad-rules'
  | 'bad-calendar'
  | 'date-outside-calendar'
  | 'bad-history'
  | 'bad-decisions'
  | 'bad-usage'
  /** An output could not be written (disk full, no permission, path too long…). */
  | 'cannot-write'
  /** An output path is an input of the run, or another output of it. */
  | 'output-clash'
  /** Another batch is writing into the same out folder. */
  | 'out-folder-busy'
  /** A symbolic link that is broken, loops, or leads out of the folder given. */
  | 'bad-link'
  /** A folder of inputs, or an input, that cannot be looked at (no permission, an I/O error). */
  | 'cannot-read';

export interface DutyAuditErrorOptions {
  file?: string;
  /** How to fix it. */
  hint?: Message;
  cause?: unknown;
}

export class DutyAuditError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  /** What happened, where. */
  readonly detail: Message;
  /** How to fix it. */
  readonly fix: Message | undefined;

  constructor(code: ErrorCode, detail: Message, options: DutyAuditErrorOptions = {}) {
    super(render(detail, 'en'), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DutyAuditError';
    this.code = code;
    this.file = options.file;
    this.detail = detail;
    this.fix = options.hint;
  }

  /** How to fix it, in English. */
  get hint(): string | undefined {
    return this.fix && render(this.fix, 'en');
  }

  /** The text a user sees: what happened, then how to fix it. */
  describe(lang: Lang): string {
    const what = render(this.detail, lang);
    return this.fix ? `${what}\n${render(msg('cli.fix', { hint: this.fix }), lang)}` : what;
  }
}
