/**
 * The refusal of a workbook that is damaged or not what it claims: the message names the file
 * and the part (or sheet), the hint says how to get a readable file. Limits have their own
 * refusal (src/ledger/limits.ts), which names the option to raise.
 */
import { DutyAuditError } from '../../errors.js';

export const RESAVE_HINT = 'open it in Excel or WPS and save it again as .xlsx (File → Save As → Excel Workbook)';

export function damaged(file: string, what: string, cause?: unknown): DutyAuditError {
  return new DutyAuditError('not-a-workbook', `${file}: ${what}`, {
    file,
    hint: RESAVE_HINT,
    ...(cause === undefined ? {} : { cause }),
  });
}
