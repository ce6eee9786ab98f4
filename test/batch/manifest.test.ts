/** The manifest of the last run (src/batch/manifest.ts): what lets a re-run audit only what changed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, emptyManifest, optionsKey, readManifest, reusable, writeManifest, type ManifestEntry } from '../../src/batch/manifest.js';
import { summaryOf, tempDir, writeFile } from './helpers.js';

const opts = optionsKey({ lang: 'zh', mask: true });
const audited: ManifestEntry = { sha256: 'h1', rulesHash: 'r1', options: opts, status: 'audited', report: 'A-2026-10.xlsx', summary: summaryOf('A') };

describe('manifest', () => {
  it('round-trips through the out folder, entries in path order', async () => {
    const out = tempDir('manifest');
    const m = emptyManifest();
    m.entries['/z.xlsx'] = audited;
    m.entries['/a.xlsx'] = { ...audited, status: 'failed', failure: { code: 'encrypted-workbook', message: 'locked' } } as ManifestEntry;
    await writeManifest(out, m);
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
