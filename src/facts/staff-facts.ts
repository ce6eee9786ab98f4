/**
 * Staff scope: every name on the staff board, then every handler of an audited case who is
 * not on it. Ref: the board row, else the person's first case row; date: the period's last day
 * (a person's findings are about the whole period, events.ts).
 */
import type { LedgerRow } from '../ledger/types.js';
import { periodEnd } from './events.js';
import { columnFacts } from './fact-template.js';
import type { Lookups, PersonAggregate } from './lookups.js';
import type { ScopeRecord, FactValue, RecordRef } from './types.js';

function personFacts(name: string, boardRow: LedgerRow<'staff'> | undefined, person: PersonAggregate | undefined, lookups: Lookups, period: string): Record<string, FactValue> {
  return Object.assign(columnFacts('staff', boardRow?.record), {
    name,
    period_end: periodEnd(period),
    on_board: lookups.board ? boardRow !== undefined : null,
    handled_count: person?.handledCount ?? 0,
    error_count: person?.errorCount ?? 0,
    is_handler: person !== undefined,
  });
}

export function staffRecords(lookups: Lookups, period: string): ScopeRecord[] {
  const names = [...(lookups.board?.keys() ?? []), ...[...lookups.people.keys()].filter((n) => !lookups.board?.has(n))];
  return names.map((name): ScopeRecord => {
    const boardRow = lookups.board?.get(name);
    const person = lookups.people.get(name);
    const ref: RecordRef = boardRow
      ? { sheet: 'staff', row: boardRow.row, key: name }
      : { sheet: 'cases', row: person!.firstCaseRow, key: name };
    return {
      scope: 'staff',
      ref,
      date: periodEnd(period),
      facts: personFacts(name, boardRow, person, lookups, period),
    };
  });
}
