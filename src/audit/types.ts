/** What an audit hands its report writers (docs/report.md): the pipeline's result as data. */
import type { ServiceReport } from '../facts/service-figures.js';
import type { Finding, PersonSummary } from '../findings/types.js';
import type { Grade } from '../grade-scale.js';
import type { DataIssue, IsoDate, SheetAccount, SheetKey } from '../ledger/types.js';
import type { RuleRun } from '../evaluate/evaluate.js';
import type { Policy } from '../rules/types.js';

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
    rowsRead: number;
    rowsEvaluated: number;
    rowsSetAside: number;
    bySheet: { [K in SheetKey]?: SheetAccount };
  };
  findings: Finding[];
  people: PersonSummary[];
  /** The month's service figures per handler and for the center (src/facts/service-figures.ts). */
  service: ServiceReport;
  dataIssues: DataIssue[];
  rules: RuleRun[];
}
