/**
 * Records built in one V8 shape per set of filled columns. Built key by key, a record of 20-odd
 * columns falls into dictionary mode: about 1 KB more per row than a fast object (measured: a
 * 100,000-row sheet held 193 MB of heap, 49 MB with these shapes and text detached), and a
 * dictionary per row of garbage while reading. So each set of filled columns gets a template
 * object once, and a row's record is a copy of its template with the values put in place.
 * Defaulted columns (往返次数) sit at the end of every template, unset, where the schema's
 * default lands when it is applied, as ajv would append it.
 */
import type { CellValue } from './cells/parse-cell.js';

/** Beyond this many columns a bit set no longer fits a number: records are built key by key. */
const MAX_COLUMNS = 52;

export class RecordShapes {
  private readonly templates = new Map<number, Readonly<Record<string, undefined>>>();

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
    const keys = this.keys;
    if (keys.length > MAX_COLUMNS) return this.keyByKey(values);
    const record = { ...this.template(present) } as unknown as Record<string, CellValue>;
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      if (value !== undefined) record[keys[i]!] = value;
    }
    return record;
  }

  private template(present: number): Readonly<Record<string, undefined>> {
    let template = this.templates.get(present);
    if (!template) {
      const keys = this.keys.filter((_, i) => Math.floor(present / 2 ** i) % 2 === 1);
      for (const key of this.defaulted) if (!keys.includes(key)) keys.push(key);
      template = Object.fromEntries(keys.map((key) => [key, undefined]));
      this.templates.set(present, template);
    }
    return template;
  }

  private keyByKey(values: readonly (CellValue | undefined)[]): Record<string, CellValue> {
    const record: Record<string, CellValue> = {};
    this.keys.forEach((key, i) => {
      if (values[i] !== undefined) record[key] = values[i]!;
    });
    return { ...record };
  }
}
