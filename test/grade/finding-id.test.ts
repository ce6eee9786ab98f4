/** Stable finding ids: same input → same ids; different records → different ids. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { findingIdBase } from '../../src/grade/finding-id.js';
import { lateness, PERIOD, rawOf, settle } from './helpers.js';

describe('finding ids', () => {
  it('are F- and the first 12 hex of SHA-256 of ruleId|sheet|key|subject', () => {
    const f = rawOf({ key: '王芳@2026-10-09' });
    const expected = 'F-' + createHash('sha256').update('attendance-late|attendance|王芳@2026-10-09|王芳').digest('hex').slice(0, 12);
    expect(findingIdBase(f, PERIOD)).toBe(expected);
    expect(expected).toMatch(/^F-[0-9a-f]{12}$/);
  });

  it('are the same across two runs, whatever the input order', () => {
    const raw = lateness(5);
    const first = settle(raw).findings.map((f) => f.id);
    const second = settle([...raw].reverse()).findings.map((f) => f.id);
    expect(second).toEqual(first);
  });

  it('differ for different records, rules and subjects', () => {
    const ids = new Set([
      findingIdBase(rawOf({ key: 'A' }), PERIOD),
      findingIdBase(rawOf({ key: 'B' }), PERIOD),
      findingIdBase(rawOf({ key: 'A', ruleId: 'attendance-absent' }), PERIOD),
      findingIdBase(rawOf({ key: 'A', name: '李敏' }), PERIOD),
    ]);
    expect(ids.size).toBe(4);
  });

  it('do not depend on the row, so a row inserted above keeps the ids', () => {
    expect(findingIdBase(rawOf({ key: 'A', row: 2 }), PERIOD)).toBe(findingIdBase(rawOf({ key: 'A', row: 40 }), PERIOD));
  });

  it('of a dated record are the same in every month: the same act keeps its id', () => {
    const f = rawOf({ key: '王芳@2026-09-29' });
    expect(findingIdBase(f, '2026-09')).toBe(findingIdBase(f, '2026-10'));
  });

  it('of staff, item, center and ledger findings hash the period too: a new act each month', () => {
    for (const scope of ['staff', 'item', 'center', 'ledger'] as const) {
      const f = rawOf({ scope, ruleId: 'repeated-errors', ref: { sheet: 'staff', row: 2, key: '王芳' } });
      const expected = 'F-' + createHash('sha256').update('repeated-errors|staff|王芳|王芳|2026-10').digest('hex').slice(0, 12);
      expect(findingIdBase(f, '2026-10')).toBe(expected);
      expect(findingIdBase(f, '2026-09')).not.toBe(expected);
    }
  });

  it('repeat within one record get #2, #3 in row order', () => {
    const raw = [rawOf({ key: '王芳@2026-10-09', row: 7 }), rawOf({ key: '王芳@2026-10-09', row: 3 }), rawOf({ key: '王芳@2026-10-09', row: 5 })];
    const { findings } = settle(raw);
    const base = findingIdBase(raw[0]!, PERIOD);
    expect(findings.map((f) => [f.ref.row, f.id])).toEqual([[3, base], [5, `${base}#2`], [7, `${base}#3`]]);
  });
});
