/** One of a column's listed values, compared after folding; the schema's `x-aliases` are accepted too. */
import type { ColumnSpec } from '../columns.js';
import { rawText, type RawValue } from '../raw-value.js';
import { foldText, ok, unreadable, type Parsed } from './parsed.js';

export function parseEnum(value: RawValue, column: ColumnSpec): Parsed<string> {
  const allowed = column.enumValues ?? [];
  if (typeof value === 'string' || typeof value === 'number') {
    const folded = foldText(rawText(value)).replace(/\s+/g, '');
    const listed = allowed.find((candidate) => foldText(candidate) === folded);
    if (listed !== undefined) return ok(listed);
    const alias = Object.entries(column.enumAliases ?? {}).find(([name]) => foldText(name).toLowerCase() === folded.toLowerCase());
    if (alias) return ok(alias[1]);
  }
  return unreadable('bad-enum', { allowed: allowed.join(' / ') });
}
