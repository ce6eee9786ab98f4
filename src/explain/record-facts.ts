/**
 * The header block of an explained record: every derived fact of its scope (deadline,
 * overdue_days, ...: the values rules test that the ledger does not show), then the record's
 * non-empty ledger columns.
 */
import { factsForScope } from '../facts/catalogue.js';
import type { ScopeRecord } from '../facts/types.js';
import type { FactEntry } from './types.js';

export function recordFacts(record: ScopeRecord): FactEntry[] {
  const defs = factsForScope(record.scope);
  const entry = (name: string, origin: FactEntry['origin']): FactEntry => ({ name, value: record.facts[name] ?? null, origin });
  const derived = defs.filter((d) => d.origin === 'derived').map((d) => entry(d.name, 'derived'));
  const columns = defs
    .filter((d) => d.origin === 'column')
    .map((d) => entry(d.name, 'column'))
    .filter((e) => e.value !== null && e.value !== '' && !(Array.isArray(e.value) && e.value.length === 0));
  return [...derived, ...columns];
}
