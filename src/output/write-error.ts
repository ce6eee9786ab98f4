/**
 * A failed write in words: what could not be written, why (from the system's error code: the disk
 * is full, no permission, the name is too long, a folder is in the way…) and what to do about
 * that cause. "Close the file if it is open in Excel" is said only where it can be the cause: a
 * file locked by another program (EBUSY, or EPERM/EACCES on Windows).
 */
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';

interface Cause {
  reason: Message;
  fix: Message;
}

function causeOf(code: string | undefined, file: string, option: string | undefined): Cause {
  const elsewhere = option ? msg('write.elsewhere', { option }) : '';
  switch (code) {
    case 'ENOSPC':
      return { reason: msg('write.diskFull'), fix: msg('write.diskFull.hint', { elsewhere }) };
    case 'EDQUOT':
      return { reason: msg('write.quota'), fix: msg('write.quota.hint', { elsewhere }) };
    case 'EROFS':
      return { reason: msg('write.readOnly'), fix: msg('write.readOnly.hint', { elsewhere }) };
    case 'EACCES':
    case 'EPERM':
      return process.platform === 'win32'
        ? { reason: msg('write.deniedWindows'), fix: msg('write.deniedWindows.hint', { elsewhere }) }
        : { reason: msg('write.denied'), fix: msg('write.denied.hint', { elsewhere }) };
    case 'EBUSY':
    case 'ETXTBSY':
      return { reason: msg('write.busy'), fix: msg('write.busy.hint', { elsewhere }) };
    case 'ENAMETOOLONG':
      return { reason: msg('write.nameTooLong', { bytes: Buffer.byteLength(file) }), fix: msg('write.nameTooLong.hint', { elsewhere }) };
    case 'EISDIR':
    case 'ENOTEMPTY':
      return { reason: msg('write.folderInTheWay'), fix: msg('write.folderInTheWay.hint', { elsewhere }) };
    case 'ENOTDIR':
      return { reason: msg('write.fileInPath'), fix: msg('write.checkPath.hint', { elsewhere }) };
    case 'EEXIST':
      return { reason: msg('write.fileInTheWay'), fix: msg('write.checkPath.hint', { elsewhere }) };
    case 'ENOENT':
      return { reason: msg('write.noFolder'), fix: msg('write.checkPath.hint', { elsewhere }) };
    case 'EMFILE':
    case 'ENFILE':
      return { reason: msg('write.tooManyFiles'), fix: msg('write.tooManyFiles.hint') };
    case 'ENOTFILE':
      return { reason: msg('write.notAFile'), fix: msg('write.notAFile.hint', { elsewhere }) };
    case 'EIO':
      return { reason: msg('write.io'), fix: msg('write.io.hint', { elsewhere }) };
    default:
      return { reason: msg('write.refused'), fix: msg('write.refused.hint', { elsewhere }) };
  }
}

/**
 * @param what what was being written (`cli.what.report`, `cli.what.json`…)
 * @param option the command-line option that chose the path (`out`, `json`), if any
 */
export function writeFailure(error: unknown, file: string, what: Message, option?: string): DutyAuditError {
  if (error instanceof DutyAuditError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const { reason, fix } = causeOf(code, file, option);
  return new DutyAuditError('cannot-write', msg('cli.cannotWrite', { what, file, reason, code: errorCodeText(error) }), { file, hint: fix, cause: error });
}

/** The system's code of a failed file operation (ENOSPC, EACCES…), else its message: shown in brackets after the words. */
export function errorCodeText(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}
