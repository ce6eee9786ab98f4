/**
 * The importer's quick yes (record-fast-check.ts) against ajv on the same schema: on thousands
 * of seeded records per sheet — valid ones and ones with a wrong type, a value off the list, a
 * number below its minimum, an impossible date, an empty text, an unknown key — a yes is only
 * ever given where ajv finds nothing, and leaves the record exactly as ajv's defaults would.
 */
import { describe, expect, it } from 'vitest';
import { LEDGER_SCHEMA } from '../../src/ledger/columns.js';
import { hasFastCheck, passesFastCheck } from '../../src/ledger/record-fast-check.js';
import { validateRecord, validateWithAjv } from '../../src/ledger/record-schema.js';
import { SHEET_KEYS } from '../../src/ledger/types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Property = { type: string; enum?: string[]; minimum?: number; minLength?: number; format?: string };

/** Values a property's cell parser could give, and values it should never give. */
function candidates(p: Property): unknown[] {
  const odd = [undefined, null, '', ' ', 'x', 0, -1, 1.5, true, NaN, Infinity, [], {}, '2026-02-30', '2026-10-08'];
  if (p.enum) return [...p.enum, ...p.enum, `${p.enum[0]}?`, ...odd];
  if (p.format === 'date') return ['2026-10-08', '2024-02-29', '2026-12-31', '2025-02-29', '2026-13-01', '26-10-08', ...odd];
  if (p.type === 'integer') return [0, 1, 2, 30, (p.minimum ?? 0) - 1, 2.5, '3', ...odd];
  if (p.type === 'number') return [0, 12.5, 1200, -3, '12', ...odd];
  if (p.type === 'boolean') return [true, false, true, false, 'true', 1, ...odd];
  return ['王芳', 'SL-2026-10-000001', '𠀀', 'a', ...odd];
}

describe('the fast check', () => {
  it('covers every ledger sheet (the schema uses only the keywords it restates)', () => {
    expect(SHEET_KEYS.filter((sheet) => !hasFastCheck(sheet))).toEqual([]);
  });

  for (const sheet of SHEET_KEYS) {
    it(`${sheet}: says yes only where ajv does, with the same defaults`, () => {
      const schema = LEDGER_SCHEMA.$defs[sheet] as unknown as { properties: Record<string, Property>; required: string[] };
      const random = rng(SHEET_KEYS.indexOf(sheet) + 1);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      let yes = 0;
      for (let i = 0; i < 3000; i++) {
        const record: Record<string, unknown> = {};
        const clean = random() < 0.5;
        for (const [key, property] of Object.entries(schema.properties)) {
          if (!schema.required.includes(key) && random() < 0.4) continue;
          const values = candidates(property);
          record[key] = clean ? values[Math.floor(random() * 3)] : pick(values);
        }
        if (random() < 0.05) record['unknown_column'] = 'x';
        const fast = structuredClone(record);
        const slow = structuredClone(record);
        if (passesFastCheck(sheet, fast)) {
          yes += 1;
          expect(validateWithAjv(sheet, slow), JSON.stringify(record)).toEqual([]);
          expect(fast).toEqual(slow);
        }
      }
      // It is actually used: most clean rows take the quick path.
      expect(yes).toBeGreaterThan(500);
    });
  }

  it('a rejected record is left to ajv, which words the problem', () => {
    const record = { case_id: 'SL-1', received_on: '2026-10-09', applicant: '王芳', item: '居住证办理', kind: '即办件', handler: '李明', materials_complete: true, result: '办结', visits: 0 };
    expect(passesFastCheck('cases', { ...record })).toBe(false);
    expect(validateRecord('cases', { ...record })).toEqual([{ column: 'visits', code: 'out-of-range', params: { minimum: 1 } }]);
  });

  it('counts text length in code points as ajv does', () => {
    expect(passesFastCheck('staff', { name: '𠀀' })).toBe(true);
    expect(validateWithAjv('staff', { name: '𠀀' })).toEqual([]);
  });
});
