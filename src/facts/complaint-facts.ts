/** Complaint scope: one record per complaint logged in the period. */
import type { LedgerRow } from '../ledger/types.js';
import { columnFacts } from './fact-template.js';
import type { ScopeRecord } from './types.js';
import { REQUIRED_COMPLAINT_FIELDS } from './value-labels.js';

export function complaintRecord(row: LedgerRow<'complaints'>): ScopeRecord {
  const c = row.record;
  const missing = REQUIRED_COMPLAINT_FIELDS.filter((f) => c[f] === undefined || c[f].trim() === '');
  return {
    scope: 'complaint',
    ref: { sheet: 'complaints', row: row.row, key: c.complaint_id },
    date: c.logged_on,
    facts: Object.assign(columnFacts('complaint', c), { missing_fields: missing }),
  };
}
