/** Stable finding ids: same input → same ids; different records → different ids. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { findingIdBase } from '../../src/grade/finding-id.js';
import { gradeFindings } from '../../src/grade/grade.js';
import { lateness, POLICY, rawOf } from './helpers.js';

describe('finding ids', () => {
  it('are F- and the first 12 hex of SHA-256 of ruleId|sheet|key|subject', () => {
    const f = rawOf({ key: '王芳@2026-10-09' });
    const expected = 'F-' + createHash('sha256').update('attendance-late|attendance|王芳@2026-10-09|王芳').digest('hex').slice(0, 12);
    expect(findingIdBase(f)).toBe(expected);
    expect(expected).toMatch(/^F-[0-9a-f]{12}$/);
  });

  it('are the same across two runs, whatever the input order', () => {
    const raw = lateness(5);
    const first = gradeFindings(raw, POLICY).findings.map((f) => f.id);
    const second = gradeFindings([...raw].reverse(), POLICY).findings.map((f) => f.id);
    expect(second).toEqual(first);
  });

  it('differ for different records, rules and subjects', () => {
    const ids = new Set([
      findingIdBase(rawOf({ key: 'A' })),
      findingIdBase(rawOf({ key: 'B' })),
      findingIdBase(rawOf({ key: 'A', ruleId: 'attendance-absent' })),
      findingIdBase(rawOf({ key: 'A', name: '李敏' })),
    ]);
    expect(ids.size).toBe(4);
  });

  it('do not depend on the row, so a row inserted above keeps the ids', () => {
    expect(findingIdBase(rawOf({ key: 'A', row: 2 }))).toBe(findingIdBase(rawOf({ key: 'A', row: 40 })));
  });

  it('repeat within one record get #2, #3 in row order', () => {
    const raw = [rawOf({ key: '王芳@2026-10-09', row: 7 }), rawOf({ key: '王芳@2026-10-09', row: 3 }), rawOf({ key: '王芳@2026-10-09', row: 5 })];
    const { findings } = gradeFindings(raw, POLICY);
    const base = findingIdBase(raw[0]!);
    expect(findings.map((f) => [f.ref.row, f.id])).toEqual([[3, base], [5, `${base}#2`], [7, `${base}#3`]]);
  });
});
