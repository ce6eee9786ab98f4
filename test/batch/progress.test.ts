/** Progress for people (src/batch/progress.ts): one plain line per settled input off a terminal. */
import { describe, expect, it } from 'vitest';
import { describeEntry, lineProgress } from '../../src/batch/progress.js';
import { batchFailure } from '../../src/batch/types.js';
import { msg } from '../../src/messages/catalogue.js';
import { summaryOf } from './helpers.js';

describe('plain progress lines (not a terminal)', () => {
  it('writes one line per settled input with its outcome', () => {
    const lines: string[] = [];
    const p = lineProgress((l) => lines.push(l), 'en');
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
    const skipped = { status: 'skipped', input: { path: '/a', display: 'a.xlsx', kind: 'xlsx' }, sha256: '', report: 'A.xlsx', summary: summaryOf('A') } as const;
    expect(describeEntry(skipped, 'en')).toMatch(/^unchanged a\.xlsx/);
    expect(describeEntry(skipped, 'zh')).toMatch(/^未改动  a\.xlsx  A 2026-10：0 个问题，1 个数据问题$/);
  });
});

describe('progress in Chinese', () => {
  it('says what happened to each input in Chinese, and a failure by its message in Chinese', () => {
    const lines: string[] = [];
    const p = lineProgress((l) => lines.push(l), 'zh');
    p.settled({ status: 'audited', input: { path: '/a', display: 'a.xlsx', kind: 'xlsx' }, sha256: '', report: '', summary: summaryOf('城东', '2026-10', { reminder: 2 }) }, 1, 2);
    const failure = batchFailure('encrypted-workbook', msg('ledger.encrypted', { file: 'b.xlsx' }), msg('ledger.encrypted.hint'));
    p.settled({ status: 'failed', input: { path: '/b', display: 'b.xlsx', kind: 'xlsx' }, failure, fromManifest: false }, 2, 2);
    expect(lines).toEqual(['[1/2] 已审计  a.xlsx  城东 2026-10：2 个问题，1 个数据问题', '[2/2] 失败    b.xlsx  encrypted-workbook：b.xlsx：工作簿设有密码保护（加密的 CDFV2 容器）']);
  });

  it('a failure kept by a manifest written before messages shows its English', () => {
    const old = { status: 'failed', input: { path: '/b', display: 'b.xlsx', kind: 'xlsx' }, failure: { code: 'encrypted-workbook', message: 'b.xlsx is encrypted' }, fromManifest: true } as const;
    expect(describeEntry(old, 'zh')).toBe('失败    b.xlsx  encrypted-workbook：b.xlsx is encrypted');
  });
});
