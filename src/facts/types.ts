/**
 * The fact library's data: what it is computed from (AuditContext), the values (FactValue), the
 * records that carry them (ScopeRecord, pointing back into the ledger with a RecordRef) and the
 * catalogue entries (FactDef). Below the rules, evaluation and findings, which all read them.
 */
import type { WorkCalendar } from '../calendar/types.js';
import type { IsoDate, Ledger, SheetKey } from '../ledger/types.js';
import type { DutyWindows } from './events.js';
import type { Scope } from './scopes.js';
import type { Localized } from '../text.js';

/** What the facts are computed from besides the rules: the ledger and the audited period. */
export interface AuditContext {
  ledger: Ledger;
  calendar: WorkCalendar;
  /** YYYY-MM */
  period: string;
  asOf: IsoDate;
  /**
   * The windows that date a notice never given (events.ts); default DEFAULT_DUTY_WINDOWS. The
   * audit and the rule tester hand over the rule set's own (src/rules/windows.ts).
   */
  windows?: DutyWindows;
}

/** A fact's value for one record: null when unknown (an empty cell, a date not yet reached). */
export type FactValue = string | number | boolean | null | (string | number)[];

/** Which ledger row a record (and a finding on it) stands for. */
export interface RecordRef {
  sheet: SheetKey;
  row: number;
  key: string;
  /**
   * A complaint's 关联受理编号: the case it is about. A 拖压卡 or 乱收费 complaint and the
   * findings on that case can be one act (docs/grading.md, "One act, one finding"), in this
   * month's ledger and, through the JSON report, in a later month's history.
   */
  caseId?: string;
}

export type FactType = 'string' | 'number' | 'boolean' | 'date' | 'string[]' | 'number[]';

/** One entry of the fact catalogue (`duty-audit facts`). */
export interface FactDef {
  name: string;
  scope: Scope;
  type: FactType;
  description: Localized;
  /** 'column' facts are ledger columns; 'derived' facts are computed in src/facts. */
  origin: 'column' | 'derived';
  /** Sheets besides the scope's own that the fact reads; a rule using it needs them present. */
  sheets: SheetKey[];
  /**
   * A sheet the fact reads when present and does without otherwise (the deadline reads 事项公开's
   * 法定时限 but still counts promises without it): a rule using the fact runs without the
   * sheet, and the report's 规则 sheet says what is missing in `without`'s words.
   */
  readsIfPresent?: { sheet: SheetKey; without: Localized };
  /**
   * Optional columns of the scope's own sheet that the fact reads whose empty cell is itself
   * judged (column-facts.ts): a column missing from the header would read as every cell empty,
   * 办结日期 as "still open", 结果告知日期 as "never told".
   * A rule using the fact does not run on a sheet without them (docs/ledger.md), as it does not
   * run without a sheet: a renamed header (办结时间) must not turn into a deduction per case.
   */
  readsColumns?: readonly string[];
  /**
   * Every value the fact can take, when that is a short list (enum columns, booleans, codes):
   * `rules validate` checks grade maps and condition values against it. Absent: any value.
   */
  domain?: FactDomain;
}

/** A fact's possible values; `nullable`: it may also be null (an empty cell, an unknown). */
export interface FactDomain {
  values: readonly (string | boolean)[];
  nullable: boolean;
}

/** One record of a scope with every fact computed once, ready for all rules of that scope. */
export interface ScopeRecord {
  scope: Scope;
  ref: RecordRef;
  date: IsoDate;
  /** Column facts (null when the cell was empty) and derived facts. */
  facts: Record<string, FactValue>;
  /** Further rows cited (ledger scope: the rows with data issues). */
  rows?: number[];
  /**
   * Event facts (date facts) whose event is still under way on as-of, so that it is judged in
   * the period even though it began before: an open case's overdue event (events.ts).
   */
  ongoing?: readonly string[];
}

export type ScopeRecords = Record<Scope, ScopeRecord[]>;

/**
 * Each scope's records as a sequence that can be walked any number of times (ScopeRecords
 * are such sequences too). The audit evaluates from these: see scopeRecordSources.
 */
export type ScopeRecordSources = Record<Scope, Iterable<ScopeRecord>>;
