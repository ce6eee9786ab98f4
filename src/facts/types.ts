import type { FactValue, RecordRef } from '../findings/types.js';
import type { IsoDate, SheetKey } from '../ledger/types.js';
import type { Localized, Scope } from '../rules/types.js';

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
}

export type ScopeRecords = Record<Scope, ScopeRecord[]>;

/**
 * Each scope's records as a sequence that can be walked any number of times (ScopeRecords
 * are such sequences too). The audit evaluates from these: see scopeRecordSources.
 */
export type ScopeRecordSources = Record<Scope, Iterable<ScopeRecord>>;
