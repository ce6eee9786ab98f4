/**
 * A folder of uploads that cannot be read (no permission, an I/O error) is listed as failed
 * with the reason, never passed over: its centers would otherwise be missing from the district
 * summary without a word. The tests run as root, whom permissions do not stop, so the file
 * system's answer for one folder is replaced (node:fs, wrapped).
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { discoverInputs } from '../../src/batch/discover.js';
import { render } from '../../src/messages/catalogue.js';
import { tempDir, writeFile } from './helpers.js';

const denied = vi.hoisted(() => new Set<string>());

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse = (path: unknown) => {
    if (denied.has(String(path))) throw Object.assign(new Error(`EACCES: permission denied, '${String(path)}'`), { code: 'EACCES' });
  };
  const readdirSync = ((path: Parameters<typeof fs.readdirSync>[0], options?: unknown) => {
    refuse(path);
    return (fs.readdirSync as (p: unknown, o?: unknown) => unknown)(path, options);
  }) as typeof fs.readdirSync;
  const statSync = ((path: Parameters<typeof fs.statSync>[0], options?: unknown) => {
    refuse(path);
    return (fs.statSync as (p: unknown, o?: unknown) => unknown)(path, options);
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, readdirSync, statSync }, readdirSync, statSync };
});

describe('discoverInputs on what cannot be read', () => {
  it('lists a sub-folder it cannot list as failed, with the reason, and audits the rest', async () => {
    const root = tempDir('discover-unreadable');
    writeFile(join(root, 'a.xlsx'));
    writeFile(join(root, '东区', 'b.xlsx'));
    denied.add(join(root, '东区'));
    try {
      const { inputs, refused, unmatched } = await discoverInputs([root], { cwd: root });
      expect(inputs.map((i) => i.display)).toEqual(['a.xlsx']);
      expect(unmatched).toEqual([]);
      expect(refused).toHaveLength(1);
      const { input, failure } = refused[0]!;
      expect(input.path).toBe(join(root, '东区'));
      expect(failure.code).toBe('cannot-read');
      expect(render(failure.detail!, 'en')).toBe('cannot read 东区 (EACCES); no ledger in it was audited');
      expect(render(failure.fix!, 'zh')).toMatch(/有权读取/);
    } finally {
      denied.clear();
    }
  });

  it('an argument it cannot look at is failed, not "no such file"', async () => {
    const root = tempDir('discover-unreadable-arg');
    writeFile(join(root, 'x.xlsx'));
    denied.add(join(root, 'x.xlsx'));
    try {
      const { inputs, refused, unmatched } = await discoverInputs(['x.xlsx'], { cwd: root });
      expect(inputs).toEqual([]);
      expect(unmatched).toEqual([]);
      expect(refused.map((r) => [r.input.display, r.failure.code])).toEqual([['x.xlsx', 'cannot-read']]);
    } finally {
      denied.clear();
    }
  });
});
