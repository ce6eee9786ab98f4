/**
 * A date no loaded calendar covers is fatal (docs/time-limits.md: "an error, not a guess"): a deadline or
 * delay counted on a guessed calendar would grade a person wrongly, and a missing calendar year
 * affects every case of the month, not one row. The calendar's DutyAuditError is rethrown
 * naming the file, sheet, row, record and columns so the user can fix the date or add the year.
 */
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';
import type { LedgerRow } from '../ledger/types.js';

export interface RowPlace {
  file: string;
  sheetName: string;
  row: LedgerRow;
  key: string;
  /** Which computed fact needed the calendar, and from which columns. */
  what: Message;
}

/** The error to throw for `error` raised while computing a row's facts. */
export function calendarErrorAt(error: unknown, place: RowPlace): unknown {
  if (!(error instanceof DutyAuditError) || error.code !== 'date-outside-calendar') return error;
  const { file, sheetName: sheet, key, what } = place;
  return new DutyAuditError('date-outside-calendar', msg('calendar.rowOutside', { file, sheet, row: place.row.row, key, what, reason: error.detail }), {
    file,
    hint: msg('calendar.rowOutside.hint'),
    cause: error,
  });
}
