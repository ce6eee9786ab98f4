/**
 * The fact library (src/facts/catalogue.ts) → catalogue entries with the sheets each fact needs
 * and, for column facts, the ledger column's Chinese header. Order: the library's own (scope
 * order, then columns in sheet order, then derived facts) — stable and meaningful to a reader.
 */
import { FACTS } from '../facts/catalogue.js';
import { COLUMN_SHEET, SCOPE_SHEET, type Scope } from '../facts/scopes.js';
import type { FactDef } from '../facts/types.js';
import { sheetSpec } from '../ledger/columns.js';
import { SHEET_KEYS } from '../ledger/types.js';
import type { FactEntry } from './types.js';

function columnHeader(def: FactDef): string | undefined {
  if (def.origin !== 'column') return undefined;
  const sheet = COLUMN_SHEET[def.scope];
  return sheet ? sheetSpec(sheet).columns.find((c) => c.key === def.name)?.zh : undefined;
}

export function factEntry(def: FactDef): FactEntry {
  const needed = new Set([SCOPE_SHEET[def.scope], ...def.sheets]);
  const entry: FactEntry = {
    name: def.name,
    scope: def.scope,
    type: def.type,
    origin: def.origin,
    sheets: SHEET_KEYS.filter((k) => needed.has(k)),
    description: def.description,
  };
  const column = columnHeader(def);
  if (column !== undefined) entry.column = column;
  return entry;
}

export function factEntries(scope?: Scope): FactEntry[] {
  return FACTS.filter((f) => scope === undefined || f.scope === scope).map(factEntry);
}

/** Entries grouped by scope, in catalogue order. */
export function byScope(entries: FactEntry[]): [Scope, FactEntry[]][] {
  const groups = new Map<Scope, FactEntry[]>();
  for (const e of entries) groups.set(e.scope, [...(groups.get(e.scope) ?? []), e]);
  return [...groups];
}
