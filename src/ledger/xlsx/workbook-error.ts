/**
 * The refusal of a workbook that is damaged or not what it claims: the message names the file
 * and the part (or sheet), the hint says how to get a readable file. Limits have their own
 * refusal (src/ledger/limits.ts), which names the option to raise.
 */
import { DutyAuditError } from '../../errors.js';
import { msg, type Message } from '../../messages/catalogue.js';

export function damaged(file: string, what: Message, cause?: unknown): DutyAuditError {
  return new DutyAuditError('not-a-workbook', msg('ledger.damaged', { file, what }), {
    file,
    hint: msg('ledger.resave.hint'),
    ...(cause === undefined ? {} : { cause }),
  });
}
