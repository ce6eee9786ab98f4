import type { WorkCalendar } from '../calendar/types.js';
import type { ServiceReport } from '../facts/service-figures.js';
import type { Finding, PersonSummary } from '../findings/types.js';
import type { Grade } from '../grade/grades.js';
import type { DataIssue, IsoDate, Ledger, SheetAccount, SheetKey } from '../ledger/types.js';
import type { Localized, Policy } from '../rules/types.js';

/** What evaluation needs besides the rules: the ledger and the audited period. */
export interface AuditContext {
  ledger: Ledger;
  calendar: WorkCalendar;
  /** YYYY-MM */
  period: string;
  asOf: IsoDate;
}

/** Whether a rule ran, and if not why (SPEC §2: an absent sheet turns rules off). */
export interface RuleRun {
  id: string;
  clause: string;
  title: Localized;
  version: number;
  hits: number;
  ran: boolean;
  /** Present when ran is false. */
  reason?: { code: 'sheet-absent'; sheets: SheetKey[] };
  /** Present when the rule ran without a sheet some of its facts read when present (what that leaves out). */
  partial?: { sheets: SheetKey[]; without: Localized[] };
}

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
