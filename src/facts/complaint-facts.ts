/**
 * Complaint scope: one record per complaint logged by as-of (events.ts dates each: a complaint
 * logged in an earlier month may be judged now, once it is verified or found 是).
 */
import type { LedgerRow } from '../ledger/types.js';
import { complaintEventOn } from './events.js';
import { columnFacts } from './fact-template.js';
import type { AuditContext, ScopeRecord } from './types.js';
import { REQUIRED_COMPLAINT_FIELDS } from './value-labels.js';

export function complaintRecord(row: LedgerRow<'complaints'>, ctx: Pick<AuditContext, 'period' | 'asOf'>): ScopeRecord {
  const c = row.record;
  const missing = REQUIRED_COMPLAINT_FIELDS.filter((f) => c[f] === undefined || c[f].trim() === '');
  return {
    scope: 'complaint',
    ref: c.case_id ? { sheet: 'complaints', row: row.row, key: c.complaint_id, caseId: c.case_id } : { sheet: 'complaints', row: row.row, key: c.complaint_id },
    date: c.logged_on,
    facts: Object.assign(columnFacts('complaint', c), { missing_fields: missing, complaint_event_on: complaintEventOn(c, ctx.period, ctx.asOf) }),
  };
}
