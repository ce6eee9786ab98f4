/** Progress for people (src/batch/progress.ts): one plain line per settled input off a terminal. */
import { describe, expect, it } from 'vitest';
import { describeEntry, lineProgress } from '../../src/batch/progress.js';
import { summaryOf } from './helpers.js';

describe('plain progress lines (not a terminal)', () => {
  it('writes one line per settled input with its outcome', () => {
    const lines: string[] = [];
    const p = lineProgress((l) => lines.push(l));
    p.start(12);
    p.settled({ status: 'audited', input: { path: '/a', display: 'a.xlsx', kind: 'xlsx' }, sha256: '', report: '', summary: summaryOf('城东', '2026-10', { reminder: 2 }) }, 1, 12);
    p.settled({ status: 'failed', input: { path: '/b', display: 'b.xlsx', kind: 'xlsx' }, failure: { code: 'encrypted-workbook', message: 'b.xlsx is encrypted\nmore' }, fromManifest: false }, 10, 12);
    p.stop();
    expect(lines).toEqual([
      '[ 1/12] audited   a.xlsx  城东 2026-10: 2 finding(s), 1 data issue(s)',
      '[10/12] FAILED    b.xlsx  encrypted-workbook: b.xlsx is encrypted …',
    ]);
  });

  it('says when an input was unchanged and kept', () => {
    expect(describeEntry({ status: 'skipped', input: { path: '/a', display: 'a.xlsx', kind: 'xlsx' }, sha256: '', report: 'A.xlsx', summary: summaryOf('A') })).toMatch(/^unchanged a\.xlsx/);
  });
});
