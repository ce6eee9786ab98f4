/**
 * What the store writes survives a crash once the index names it (docs/service.md, "Storage"):
 * an upload is flushed, renamed to its content hash and its folder flushed before its audit is
 * inserted, so after a crash the index never names a file that is not there; a standing report
 * is copied to the history folder the same way. The file system calls are recorded
 * (node:fs/promises, wrapped) because a crash cannot be staged in a test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { centerKey, Store } from '../../src/serve/store.js';
import { tempDir } from './helpers.js';

const calls = vi.hoisted(() => [] as string[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (path, flags, mode) => {
    const handle = await fs.open(path, flags, mode);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      await sync();
      calls.push(`fsync ${String(path)}`);
    };
    return handle;
  };
  const rename: typeof fs.rename = async (from, to) => {
    await fs.rename(from, to);
    calls.push(`rename ${String(to)}`);
  };
  return { ...fs, open, rename };
});

let tmp: ReturnType<typeof tempDir>;
let store: Store;

beforeEach(() => {
  tmp = tempDir();
  store = Store.open(join(tmp.dir, 'data'));
  calls.length = 0;
});
afterEach(() => {
  store.close();
  tmp.remove();
});

describe('an upload', () => {
  it('is flushed, renamed and its folder flushed before its audit is recorded (regression: the files folder was never flushed)', async () => {
    const temp = store.receivingFile();
    writeFileSync(temp.path, 'x,y\n1,2\n');
    const sha256 = 'a'.repeat(64);
    const [stored] = await store.storeUploads([{ temp, name: 'a.csv', sha256, bytes: 8, kind: 'csv' }]);
    const target = store.fileOf(sha256, 'csv');
    expect(calls).toEqual([`fsync ${temp.path}`, `rename ${target}`, `fsync ${join(store.root, 'files')}`]);
    expect(store.audit(stored!.id)).toMatchObject({ sha256, status: 'queued' });
    expect(readdirSync(join(store.root, 'files'))).toEqual([`${sha256}.csv`]);
  });

  it('is received beside the stored files, and what a stopped service left there is removed at the next start', () => {
    const temp = store.receivingFile();
    expect(join(temp.path, '..')).toBe(join(store.root, 'files'));
    writeFileSync(temp.path, 'half an upload');
    writeFileSync(store.fileOf('b'.repeat(64), 'csv'), 'a stored upload');
    store.close();
    store = Store.open(join(tmp.dir, 'data'));
    expect(existsSync(temp.path)).toBe(false);
    expect(readdirSync(join(store.root, 'files'))).toEqual([`${'b'.repeat(64)}.csv`]);
  });
});

describe('a standing report', () => {
  it('is copied to the history folder, flushed, renamed and the folder flushed (regression: renamed from tmp/ without a flush)', async () => {
    const temp = store.receivingFile();
    writeFileSync(temp.path, 'x,y\n1,2\n');
    const [stored] = await store.storeUploads([{ temp, name: 'a.csv', sha256: 'c'.repeat(64), bytes: 8, kind: 'csv' }]);
    const id = store.claimNextJob()!.auditId;
    expect(id).toBe(stored!.id);
    mkdirSync(store.reportDir(id), { recursive: true });
    writeFileSync(store.reportFile(id, 'json'), '{"report":1}');
    calls.length = 0;
    const summary = { center: '城东', period: '2026-10', asOf: '2026-10-28', byGrade: { reminder: 0, criticism: 0, notice: 0, deduction: 0 }, findings: 0, toAct: null, dataIssues: 0, rowsRead: 0 };
    expect(await store.finishJob(id, { ok: true, summary, reportSha256: 'r', history: [] })).toMatchObject({ standing: true });
    const target = store.historyFile(centerKey('城东'), '2026-10');
    expect(calls).toEqual([expect.stringMatching(/^fsync .*\/history\/\.[^/]+\.partial$/), `rename ${target}`, `fsync ${store.historyDir()}`]);
    expect(readFileSync(target, 'utf8')).toBe('{"report":1}');
    expect(readdirSync(store.historyDir())).toEqual([`${centerKey('城东')}-2026-10.json`]);
  });
});
