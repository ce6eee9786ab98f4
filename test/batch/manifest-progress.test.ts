import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peopleToActOn, reaches } from '../../src/batch/center-summary.js';
import { MANIFEST_FILE, emptyManifest, optionsKey, readManifest, reusable, writeManifest, type ManifestEntry } from '../../src/batch/manifest.js';
import { describeEntry, lineProgress } from '../../src/batch/progress.js';
import { summaryOf, tempDir, writeFile } from './helpers.js';

const opts = optionsKey({ lang: 'zh', mask: true });
const audited: ManifestEntry = { sha256: 'h1', rulesHash: 'r1', options: opts, status: 'audited', report: 'A-2026-10.xlsx', summary: summaryOf('A') };

describe('manifest', () => {
  it('round-trips through the out folder, entries in path order', () => {
    const out = tempDir('manifest');
    const m = emptyManifest();
    m.entries['/z.xlsx'] = audited;
    m.entries['/a.xlsx'] = { ...audited, status: 'failed', failure: { code: 'encrypted-workbook', message: 'locked' } } as ManifestEntry;
    writeManifest(out, m);
    const text = readFileSync(join(out, MANIFEST_FILE), 'utf8');
    expect(text.indexOf('/a.xlsx')).toBeLessThan(text.indexOf('/z.xlsx'));
    expect(readManifest(out)).toEqual(m);
  });

  it('reads a missing, broken or other-version manifest as empty', () => {
    const out = tempDir('manifest');
    expect(readManifest(out)).toEqual(emptyManifest());
    writeFile(join(out, MANIFEST_FILE), '[');
    expect(readManifest(out)).toEqual(emptyManifest());
    writeFile(join(out, MANIFEST_FILE), JSON.stringify({ version: 99, entries: { x: audited } }));
    expect(readManifest(out)).toEqual(emptyManifest());
  });

  it('reuses an outcome only for the same content, rules and options, with its report present', () => {
    const out = tempDir('manifest');
    const now = { sha256: 'h1', rulesHash: 'r1', options: opts };
    expect(reusable(audited, now, out)).toBeUndefined();
    writeFile(join(out, 'A-2026-10.xlsx'));
    expect(reusable(audited, now, out)).toBe(audited);
    expect(reusable(audited, { ...now, sha256: 'h2' }, out)).toBeUndefined();
    expect(reusable(audited, { ...now, rulesHash: 'r2' }, out)).toBeUndefined();
    expect(reusable(audited, { ...now, options: optionsKey({ lang: 'en', mask: true }) }, out)).toBeUndefined();
    expect(reusable(audited, { ...now, options: optionsKey({ period: '2026-09', lang: 'zh', mask: true }) }, out)).toBeUndefined();
    expect(reusable(undefined, now, out)).toBeUndefined();
  });
});

describe('center summary helpers', () => {
  const person = (name: string, highest: 'reminder' | 'criticism' | 'notice', n = 1) => ({
    name,
    highest,
    counts: { reminder: highest === 'reminder' ? n : 0, criticism: highest === 'criticism' ? n : 0, notice: highest === 'notice' ? n : 0, deduction: 0 },
    sanction: { zh: '', en: '' },
    deductionYuan: 0,
    merged: 0,
    withdrawn: 0,
    reportedBefore: 0,
  });

  it('names the people whose highest grade is the center’s highest', () => {
    expect(peopleToActOn([person('王五', 'reminder'), person('张三', 'notice'), person('李四', 'notice'), person('赵六', 'criticism')])).toEqual({
      grade: 'notice',
      names: ['李四', '张三'],
    });
    expect(peopleToActOn([])).toBeNull();
    expect(peopleToActOn([person('空', 'reminder', 0)])).toBeNull();
  });

  it('reaches a grade when any finding is at or above it', () => {
    const s = summaryOf('A', '2026-10', { criticism: 1 });
    expect(reaches(s, 'reminder')).toBe(true);
    expect(reaches(s, 'criticism')).toBe(true);
    expect(reaches(s, 'notice')).toBe(false);
  });
});

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
