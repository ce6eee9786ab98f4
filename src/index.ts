/**
 * duty-audit as a library: the pipeline through one door (package.json `exports` "."), for the
 * upload service and any other program that audits ledgers. The CLI is a thin shell over the
 * same functions. What is not exported here is internal and may move between releases.
 *
 *   const result = await audit('城东社区-2026-10.xlsx');
 *   await writeReportXlsx(result, 'report.xlsx', { lang: 'zh', mask: true });
 *
 * The stages can be run one by one: readLedger → loadValidRuleSet → prepareAudit (period,
 * as-of, fact records) → completeAudit (evaluate, grade) → a report writer. runBatch audits many
 * uploads on a worker pool.
 */

// The pipeline.
export { audit, completeAudit, prepareAudit, type AuditOptions, type AuditStage, type PreparedAudit } from './audit/audit.js';
export type { AuditResult } from './audit/types.js';

// Its inputs: the ledger, the rules and the calendar.
export { readLedger, type ReadLedgerOptions } from './ledger/read-ledger.js';
export { DEFAULT_LEDGER_LIMITS, type LedgerLimits } from './ledger/limits.js';
export { loadRuleSet, loadValidRuleSet, type LoadOptions, type LoadResult } from './rules/load.js';
export { DEFAULT_RULE_LIMITS, type RuleLimits } from './rules/limits.js';
export { formatProblem } from './rules/problems.js';
export { loadCalendar } from './calendar/load.js';
export { DEFAULT_RULES_DIR } from './paths.js';

// Its reports.
export { writeReportXlsx, type XlsxOptions } from './report/xlsx/write.js';
export { reportJsonText, toReportJson, writeReportJson, type ReportJson, type ReportJsonOptions } from './report/json.js';
export { terminalSummary, type TerminalOptions } from './report/terminal.js';
export { writeFileAtomically, writeTextAtomically } from './output/atomic-file.js';
export { refuseClashingOutputs, type NamedPath } from './output/output-paths.js';
export { terminalSafe } from './messages/terminal-safe.js';

// Many uploads at once.
export { runBatch, type BatchOptions, type BatchProgress } from './batch/run-batch.js';
export type { BatchEntry, BatchFailure, BatchInput, BatchResult, CenterSummary, FailureCode } from './batch/types.js';

// The data the results are made of, and the words they are rendered in.
export { DutyAuditError, type ErrorCode } from './errors.js';
export { GRADES, GRADE_LABELS, type Grade } from './grade-scale.js';
export { isLang, LANGS, type Lang, type Localized } from './text.js';
export type { ConditionEvidence, EscalationReason, Finding, PersonSummary, RawFinding, Subject } from './findings/types.js';
export { countsToward, FINDING_STATUSES, type Decision, type FindingStatus, type Verdict } from './findings/types.js';
export type { RuleRun } from './evaluate/evaluate.js';
export type { Scope } from './facts/scopes.js';
export type { FactValue, RecordRef } from './facts/types.js';
export type { DataIssue, DataIssueCode, IsoDate, Ledger, LedgerRow, SheetAccount, SheetKey } from './ledger/types.js';
export type { Policy, Rule, RuleProblem, RuleProblemCode, RuleSet } from './rules/types.js';
export type { WorkCalendar } from './calendar/types.js';
