/**
 * The records of one sheet, all built by one compiled object literal (object-factory.ts) with
 * every column of the header as a key: an empty cell is a key set to undefined. So every
 * record of a sheet has one V8 shape with all its keys inside the object, and every later
 * reader of the records — the schema check, as-of, lookups, the fact builder — sees one shape
 * and reads each key directly.
 *
 * History, measured on 100,000 case rows: built key by key, records fell into dictionary mode
 * (193 MB of heap); one shape per set of filled columns brought that to 49 MB, but a month of
 * cases has many such sets, and every reader of the records went megamorphic: in a
 * micro-benchmark, copying 28 columns out of records of 200 shapes took 0.6 s per 100,000.
 * With one shape per sheet the audit's facts stage went from 0.30 s to 0.22 s at 100,000
 * cases (bench/audit.ts). Undefined keys are safe for the schema: ajv treats an undefined property
 * as absent, and JSON leaves it out.
 * Defaulted columns (往返次数) missing from the header sit at the end of every record, unset,
 * where the schema's default lands when it is applied.
 */
import { objectFactory, type Field } from '../object-factory.js';
import type { CellValue } from './cells/cell-parser.js';

/** Builds a record from the row's values in header order (undefined for an empty cell). */
export type RecordFactory = (values: readonly (CellValue | undefined)[]) => Record<string, CellValue>;

/**
 * @param keys the record key of each header column, in header order
 * @param defaulted the keys the schema gives a default
 */
export function recordFactory(keys: readonly string[], defaulted: readonly string[]): RecordFactory {
  const fields: Field[] = keys.map((key, i) => ({ key, from: i }));
  for (const key of defaulted) if (!keys.includes(key)) fields.push({ key, value: undefined });
  return objectFactory(fields);
}
