/**
 * Records built in one V8 shape per set of filled columns. Built key by key, a record of 20-odd
 * columns falls into dictionary mode: about 1 KB more per row than a fast object (measured: a
 * 100,000-row sheet held 193 MB of heap, 49 MB with these shapes and text detached), and a
 * dictionary per row of garbage while reading. So each set of filled columns gets its own
 * object literal, compiled once (object-factory.ts: every key inside the object), and a row's
 * record is that literal filled from the row's values.
 * Defaulted columns (往返次数) sit at the end of every record, unset, where the schema's
 * default lands when it is applied, as ajv would append it.
 */
import { objectFactory, type Field, type ObjectFactory } from '../object-factory.js';
import type { CellValue } from './cells/parse-cell.js';

/** Beyond this many columns a bit set no longer fits a number: records are built key by key. */
const MAX_COLUMNS = 52;

type RecordFactory = ObjectFactory<Record<string, CellValue>>;

export class RecordShapes {
  private readonly factories = new Map<number, RecordFactory>();

  /**
   * @param keys the record key of each header column, in header order
   * @param defaulted the keys the schema gives a default
   */
  constructor(
    private readonly keys: readonly string[],
    private readonly defaulted: readonly string[],
  ) {}

  /** The record of a row: `present` has bit i set when `values[i]` is filled. */
  record(present: number, values: readonly (CellValue | undefined)[]): Record<string, CellValue> {
    if (this.keys.length > MAX_COLUMNS) return this.keyByKey(values);
    return this.factory(present)(values);
  }

  private factory(present: number): RecordFactory {
    let factory = this.factories.get(present);
    if (!factory) {
      const fields: Field[] = [];
      this.keys.forEach((key, i) => {
        if (Math.floor(present / 2 ** i) % 2 === 1) fields.push({ key, from: i });
      });
      for (const key of this.defaulted) if (!fields.some((field) => field.key === key)) fields.push({ key, value: undefined });
      factory = objectFactory(fields);
      this.factories.set(present, factory);
    }
    return factory;
  }

  private keyByKey(values: readonly (CellValue | undefined)[]): Record<string, CellValue> {
    const record: Record<string, CellValue> = {};
    this.keys.forEach((key, i) => {
      if (values[i] !== undefined) record[key] = values[i]!;
    });
    return { ...record };
  }
}
