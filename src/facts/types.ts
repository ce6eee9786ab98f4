import type { FactValue, RecordRef } from '../findings/types.js';
import type { IsoDate, SheetKey } from '../ledger/types.js';
import type { Scope } from '../rules/types.js';
import type { Localized } from '../text.js';

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
