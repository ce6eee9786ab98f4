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

export class FactSlots {
  private readonly names: string[] = [];
  private readonly slots = new Map<string, number>();

  slot(name: string): number {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = this.names.length;
      this.names.push(name);
      this.slots.set(name, slot);
    }
    return slot;
  }

  /** The record's value of every slotted fact, into `into` (reused across records). */
  read(facts: Facts, into: unknown[] = []): unknown[] {
    const names = this.names;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = facts[name];
      into[i] = value === undefined && !(name in facts) ? MISSING : value;
    }
    return into;
  }
}

export function undefinedFact(name: string): Error {
  return new Error(`Undefined fact: ${name}`);
}
