/**
 * The facts a scope's compiled rules read, each given a slot: a record's values are read once
 * into an array (one lookup per fact, not one per test naming it), and every test reads its
 * slot. A fact the record does not have reads as MISSING, so that a test reaching it fails as
 * json-rules-engine does (`Undefined fact`), and only when reached.
 */
import type { FactValue } from '../findings/types.js';

export type Facts = Readonly<Record<string, FactValue | undefined>>;

export const MISSING: unique symbol = Symbol('missing fact');

export type SlotValues = readonly unknown[];

type SlotReader = (facts: Facts, into: unknown[], missing: typeof MISSING) => unknown[];

export class FactSlots {
  private readonly names: string[] = [];
  private readonly slots = new Map<string, number>();
  /** Compiled from `names` when first needed; a new slot discards it. */
  private reader: SlotReader | undefined;

  slot(name: string): number {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = this.names.length;
      this.names.push(name);
      this.slots.set(name, slot);
      this.reader = undefined;
    }
    return slot;
  }

  /** The record's value of every slotted fact, into `into` (reused across records). */
  read(facts: Facts, into: unknown[] = []): unknown[] {
    this.reader ??= compileReader(this.names);
    return this.reader(facts, into, MISSING);
  }
}

/**
 * One read per slot, each with the fact's name written in the code: the records of a scope
 * share one shape, so each read is a direct field load. (A loop reading `facts[name]` sees a
 * new name at every step and takes V8's slowest, megamorphic, lookup each time.) Names are
 * JSON-quoted into the code.
 */
function compileReader(names: readonly string[]): SlotReader {
  const reads = names.map((name, i) => {
    const key = JSON.stringify(name);
    return `v = facts[${key}]; into[${i}] = v === undefined && !(${key} in facts) ? missing : v;`;
  });
  return new Function('facts', 'into', 'missing', `"use strict"; let v; ${reads.join(' ')} return into;`) as SlotReader;
}

export function undefinedFact(name: string): Error {
  return new Error(`Undefined fact: ${name}`);
}
