import type { WorkCalendar } from '../calendar/types.js';
import type { Finding, PersonSummary } from '../findings/types.js';
import type { Grade } from '../grade-scale.js';
import type { DataIssue, IsoDate, Ledger, SheetAccount, SheetKey } from '../ledger/types.js';
import type { Policy } from '../rules/types.js';
import type { Localized } from '../text.js';

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
  dataIssues: DataIssue[];
  rules: RuleRun[];
}
