/** One input's work in a worker (src/batch/worker.ts): what comes back when the audit fails. */
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../src/batch/worker.js';
import { DutyAuditError } from '../../src/errors.js';

describe('failures crossing the thread boundary', () => {
  it('keeps a DutyAuditError’s code and hint as plain data', () => {
    const failure = failureOf(new DutyAuditError('encrypted-workbook', 'a.xlsx is encrypted', { hint: 'save it without a password' }));
    expect(failure).toEqual({ code: 'encrypted-workbook', message: 'a.xlsx is encrypted', hint: 'save it without a password' });
    expect(structuredClone(failure)).toEqual(failure);
  });

  it('turns any other error into an internal-error failure with its message', () => {
    expect(failureOf(new TypeError('x is undefined'))).toMatchObject({ code: 'internal-error', message: expect.stringContaining('x is undefined') });
  });
});
