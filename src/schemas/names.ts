/** The schemas (files under schemas/) that have precompiled validators, and how their text is read. */
import { readFileSync } from 'node:fs';
import { schemaPath } from '../paths.js';

/** Rule, policy and calendar files: validated whole, every error reported at its place. */
export type DocumentSchemaName = 'rule.schema.json' | 'policy.schema.json' | 'calendar.schema.json';

export const DOCUMENT_SCHEMAS: readonly DocumentSchemaName[] = ['rule.schema.json', 'policy.schema.json', 'calendar.schema.json'];

/** Ledger records: one validator per sheet, `<$id>#/$defs/<sheet>`. */
export const LEDGER_SCHEMA_NAME = 'ledger.schema.json';

/** A schema's text as on disk (what its SHA-256 is taken of). */
export function readSchemaText(name: string): string {
  return readFileSync(schemaPath(name), 'utf8');
}
