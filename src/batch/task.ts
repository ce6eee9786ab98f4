/**
 * What the batch hands a worker and what comes back. Plain data: it crosses a thread boundary
 * by structured clone, where an Error subclass would lose its code and hint.
 */
import { DutyAuditError } from '../errors.js';
import type { Lang } from '../text.js';
import type { BatchFailure, CenterSummary, InputKind } from './types.js';

export interface AuditTask {
  input: string;
  kind: InputKind;
  /** Where the worker writes the report; the batch renames it once names are settled. */
  reportFile: string;
  period?: string;
  asOf?: string;
  rulesDir?: string;
  lang: Lang;
  mask: boolean;
}

export type TaskOutcome = { ok: true; summary: CenterSummary } | { ok: false; failure: BatchFailure };

/** Runs one task to its outcome; rejects only when the worker itself died. */
export type TaskRunner = (task: AuditTask) => Promise<TaskOutcome>;

export function failureOf(err: unknown): BatchFailure {
  if (err instanceof DutyAuditError) {
    const failure: BatchFailure = { code: err.code, message: err.message };
    if (err.hint !== undefined) failure.hint = err.hint;
    return failure;
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    code: 'internal-error',
    message: `duty-audit failed on this input: ${message}`,
    hint: 'please report it with the file (or a copy with the names blanked); the other inputs were audited',
  };
}

/** A worker that exited or ran out of memory takes only its own input down. */
export function crashFailure(err: unknown): BatchFailure {
  const message = err instanceof Error ? err.message : String(err);
  return {
    code: 'worker-crashed',
    message: `the worker auditing this input stopped: ${message}`,
    hint: 'the file may be too large for memory or malformed; try it alone with `duty-audit audit`, or lower --jobs',
  };
}
