/**
 * The scopes a rule can run over, in the order findings are produced, and the sheet each
 * scope's records come from. A scope is a kind of fact record, so it is declared here, below
 * the rules that name one (docs/ARCHITECTURE.md).
 */
import type { SheetKey } from '../ledger/types.js';
import type { Localized } from '../text.js';

/** Which kind of record a rule is evaluated over (one evaluation per record). */
export type Scope = 'case' | 'complaint' | 'attendance' | 'staff' | 'item' | 'center' | 'other' | 'ledger';

export const SCOPES: readonly Scope[] = ['case', 'complaint', 'attendance', 'staff', 'item', 'center', 'other', 'ledger'];

/**
 * The sheet a scope's records are built from. Staff, item and ledger records are built from the
 * cases (always present) and read their own lookup sheets through facts whose `sheets` name
 * them, so that e.g. 二.3 (error counts) still runs when the staff board is absent.
 */
export const SCOPE_SHEET: Record<Scope, SheetKey> = {
  case: 'cases',
  complaint: 'complaints',
  attendance: 'attendance',
  staff: 'cases',
  item: 'cases',
  center: 'center',
  other: 'other',
  ledger: 'cases',
};

/** The sheet whose columns become a scope's column facts (none for the ledger scope). */
export const COLUMN_SHEET: Record<Scope, SheetKey | undefined> = {
  case: 'cases',
  complaint: 'complaints',
  attendance: 'attendance',
  staff: 'staff',
  item: 'items',
  center: 'center',
  other: 'other',
  ledger: undefined,
};

/** What a reviewer calls each scope (catalogue, --explain). */
export const SCOPE_LABELS: Record<Scope, Localized> = {
  case: { zh: '办件', en: 'case' },
  complaint: { zh: '投诉', en: 'complaint' },
  attendance: { zh: '考勤', en: 'attendance' },
  staff: { zh: '人员', en: 'staff' },
  item: { zh: '事项', en: 'item' },
  center: { zh: '中心', en: 'center' },
  other: { zh: '其他失职', en: 'other' },
  ledger: { zh: '台账', en: 'ledger' },
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
