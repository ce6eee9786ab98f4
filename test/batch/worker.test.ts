/** One input's work in a worker (src/batch/worker.ts): what comes back when the audit fails. */
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../src/batch/worker.js';
import { DutyAuditError } from '../../src/errors.js';
import { msg, render } from '../../src/messages/catalogue.js';

describe('failures crossing the thread boundary', () => {
  it('keeps a DutyAuditError’s code, messages and their English as plain data', () => {
    const detail = msg('ledger.encrypted', { file: 'a.xlsx' });
    const fix = msg('ledger.encrypted.hint');
    const failure = failureOf(new DutyAuditError('encrypted-workbook', detail, { hint: fix }));
    expect(failure).toEqual({ code: 'encrypted-workbook', detail, fix, message: render(detail, 'en'), hint: render(fix, 'en') });
    expect(failure.message).toBe('a.xlsx: the workbook is protected with a password (an encrypted CDFV2 container)');
    expect(render(failure.detail!, 'zh')).toBe('a.xlsx：工作簿设有密码保护（加密的 CDFV2 容器）');
    expect(structuredClone(failure)).toEqual(failure);
  });

  it('turns any other error into an internal-error failure with its message', () => {
    expect(failureOf(new TypeError('x is undefined'))).toMatchObject({ code: 'internal-error', message: expect.stringContaining('x is undefined') });
  });
});
