/**
 * A failure that stops a command (exit code 2): bad input file, bad rules, bad usage.
 * Not a finding and not a data issue. The message says what happened and where;
 * `hint` says how to fix it.
 */
export type ErrorCode =
  | 'file-not-found'
  | 'not-a-workbook'
  | 'encrypted-workbook'
  | 'empty-file'
  | 'no-cases-sheet'
  | 'bad-encoding'
  | 'file-too-large'
  | 'bad-rules'
  | 'bad-calendar'
  | 'date-outside-calendar'
  | 'bad-history'
  | 'bad-decisions'
  | 'bad-usage';

export class DutyAuditError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { file?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DutyAuditError';
    this.code = code;
    this.file = options.file;
    this.hint = options.hint;
  }

  /** The text a user sees: what happened, then how to fix it. */
  describe(): string {
    return this.hint ? `${this.message}\n  fix: ${this.hint}` : this.message;
  }
}
