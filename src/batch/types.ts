/**
 * The batch's data: what was found to audit, what is handed to a worker and what comes back,
 * what each input came to, and the run as a whole. Plain data: tasks and outcomes cross a
 * thread boundary by structured clone, where an Error subclass would lose its code and hint.
 * Words (zh/en) are rendered from these in ./district-summary.ts and ./progress.ts.
 */
import type { ErrorCode } from '../errors.js';
import { render, type Message } from '../messages/catalogue.js';
import type { ServiceFigures } from '../facts/service-figures.js';
import type { Grade } from '../grade-scale.js';
import type { Lang } from '../text.js';
import type { LedgerLimits } from '../ledger/limits.js';
import type { RuleLimits } from '../rules/limits.js';

/** `other` is an upload that is not a workbook or a CSV folder: listed as failed, never ignored. */
export type InputKind = 'xlsx' | 'csv-folder' | 'other';

export interface BatchInput {
  /** Absolute path: the manifest key and what the worker reads. */
  path: string;
  /** As a person should see it: relative to the working folder when inside it. */
  display: string;
  kind: InputKind;
}

/**
 * Codes of the failures a batch can list: the audit's own, a worker that died, and a CSV folder
 * (or zip) holding more than one cases sheet: several centers' or months' ledgers together.
 */
export type FailureCode = ErrorCode | 'worker-crashed' | 'internal-error' | 'several-ledgers';

/**
 * Why an input failed: `detail` and `fix` as messages of the catalogue (src/messages), shown in
 * the terminal's or the report's language; `message` and `hint` are their English renderings
 * (manifests written before the messages carry only those).
 */
export interface BatchFailure {
  code: FailureCode;
  message: string;
  hint?: string;
  detail?: Message;
  fix?: Message;
}

/** A failure from its messages, with the English renderings beside them. */
export function batchFailure(code: FailureCode, detail: Message, fix?: Message): BatchFailure {
  const failure: BatchFailure = { code, message: render(detail, 'en'), detail };
  if (fix) {
    failure.hint = render(fix, 'en');
    failure.fix = fix;
  }
  return failure;
}

/**
 * A failure's detail and fix in `lang`. Manifests written before the message catalogue carry the
 * English words only.
 */
export function failureWords(failure: BatchFailure, lang: Lang): { message: string; hint: string | undefined } {
  return {
    message: failure.detail ? render(failure.detail, lang) : failure.message,
    hint: failure.fix ? render(failure.fix, lang) : failure.hint,
  };
}

/** The few numbers of one audit the district summary shows (and the manifest keeps). */
export interface CenterSummary {
  center: string;
  district?: string;
  period: string;
  asOf: string;
  byGrade: Record<Grade, number>;
  findings: number;
  /** The people whose highest grade is the center's highest (empty when nobody has a finding). */
  toAct: { grade: Grade; names: string[] } | null;
  dataIssues: number;
  rowsRead: number;
  /** The center's service figures (cases handled, 按期办结率, 满意率); absent in manifests written before them. */
  service?: ServiceFigures;
}

export type BatchEntry =
  | {
      status: 'audited' | 'skipped';
      input: BatchInput;
      sha256: string;
      /** File name of the report inside the out folder. */
      report: string;
      summary: CenterSummary;
    }
  | {
      status: 'failed';
      input: BatchInput;
      sha256?: string;
      failure: BatchFailure;
      /** True when the failure was read from the manifest rather than found again. */
      fromManifest: boolean;
    };

export type AuditedEntry = Extract<BatchEntry, { status: 'audited' | 'skipped' }>;
export type FailedEntry = Extract<BatchEntry, { status: 'failed' }>;

export interface BatchResult {
  /** In input path order. */
  entries: BatchEntry[];
  outDir: string;
  /** The district summary workbook (absolute path). */
  summaryFile: string;
  manifestFile: string;
  rulesHash: string;
  /** The period the summary is named after: --period, else the commonest audited period. */
  period: string;
  counts: { audited: number; skipped: number; failed: number };
  /** 0 all audited, 1 findings at or above `failOn`, 3 some input failed (docs/cli.md). */
  exitCode: 0 | 1 | 3;
}

// ---- what crosses to a worker and back ----

export interface AuditTask {
  input: string;
  kind: InputKind;
  /** Where the worker writes the report; the batch renames it once names are settled. */
  reportFile: string;
  /** Where it writes the JSON report kept beside the xlsx (default: reportFile with .json for .xlsx). */
  jsonReportFile?: string;
  /**
   * The batch's output folder: this center's earlier months' JSON reports there are the audit's
   * history (other centers' reports are passed over). The JSON report goes beside the xlsx.
   */
  historyDir?: string;
  period?: string;
  asOf?: string;
  rulesDir?: string;
  lang: Lang;
  mask: boolean;
  /** Ledger limits (src/ledger/limits.ts); defaults when absent. */
  limits?: Partial<LedgerLimits>;
  /** Rule file limits (src/rules/limits.ts); defaults when absent. */
  ruleLimits?: Partial<RuleLimits>;
}

/**
 * `history`: the key of the earlier reports the audit read as history (src/history,
 * `historyKey`; '' for none), kept in the manifest beside the input's content hash.
 */
export type TaskOutcome = { ok: true; summary: CenterSummary; history?: string } | { ok: false; failure: BatchFailure };

/** Runs one task to its outcome; rejects only when the worker itself died. */
export type TaskRunner = (task: AuditTask) => Promise<TaskOutcome>;
