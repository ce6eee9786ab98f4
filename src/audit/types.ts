/** What an audit hands its report writers (docs/report.md): the pipeline's result as data. */
import type { ServiceReport } from '../facts/service-figures.js';
import type { Finding, FindingStatus, PersonSummary } from '../findings/types.js';
import type { HistoryReport, IgnoredReport } from '../history/read-history.js';
import type { Grade } from '../grade-scale.js';
import type { DataIssue, IsoDate, SheetAccount, SheetKey } from '../ledger/types.js';
import type { RuleRun } from '../evaluate/evaluate.js';
import type { Policy } from '../rules/types.js';
import type { Warning, WarningKind } from './warnings.js';

export interface AuditResult {
  tool: { name: string; version: string };
  center: string;
  district?: string;
  period: string;
  /** True when the period was inferred from the 受理日期 (no --period). */
  periodInferred: boolean;
  asOf: IsoDate;
  /** The one wall-clock value in a report. */
  generatedAt: string;
  inputs: { file: string; sha256: string }[];
  rulesHash: string;
  policy: Policy;
  summary: {
    byGrade: Record<Grade, number>;
    byClause: Record<string, number>;
    /** Every finding by status; byGrade and byClause count `counted` and `regraded` only. */
    byStatus: Record<FindingStatus, number>;
    /** 预警: the warnings by kind (they grade no one). */
    byWarning: Record<WarningKind, number>;
    rowsRead: number;
    rowsEvaluated: number;
    rowsSetAside: number;
    bySheet: { [K in SheetKey]?: SheetAccount };
  };
  findings: Finding[];
  people: PersonSummary[];
  /** 预警 on as-of: cases due soon or open past their deadline, complaints 待查 (src/audit/warnings.ts). */
  warnings: Warning[];
  /** The month's service figures per handler and for the center (src/facts/service-figures.ts). */
  service: ServiceReport;
  dataIssues: DataIssue[];
  rules: RuleRun[];
  /** `--history`: the earlier reports used and those set aside. Absent: none given, so a repeat is possible. */
  history?: { source: string; reports: HistoryReport[]; ignored: IgnoredReport[] };
  /** `--decisions`: the file of reviewed appeals, its SHA-256 and how many decisions it holds. */
  decisions?: { file: string; sha256: string; count: number };
}
