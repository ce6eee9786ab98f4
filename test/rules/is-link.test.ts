/**
 * isLink (src/rules/files.ts): whether a path is a symbolic link, asked by the rules loader (a
 * broken policy or calendar link is reported, not taken for "none") and by a batch's discovery
 * (a link a glob matched is checked, not followed). One function for both; this pins down what
 * they agreed on before they were one: a broken or looping link is a link, and where nothing is
 * (no such path, a file where a folder of the path should be) is not. The last test fails on a
 * copy written out again in src/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLink } from '../../src/rules/files.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-is-link-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isLink', () => {
  const at = (name: string) => join(dir, name);
  mkdirSync(at('folder'));
  writeFileSync(at('folder/inner.json'), '{}');
  writeFileSync(at('file.json'), '{}');
  symlinkSync(at('file.json'), at('to-file'));
  symlinkSync(at('folder'), at('to-folder'));
  symlinkSync(at('nowhere'), at('broken'));
  symlinkSync(at('loop-b'), at('loop-a'));
  symlinkSync(at('loop-a'), at('loop-b'));

  it('is true for a link, whether it leads to a file, a folder, nothing or round in a loop', () => {
    expect(['to-file', 'to-folder', 'broken', 'loop-a'].map((name) => isLink(at(name)))).toEqual([true, true, true, true]);
  });

  it('is false for a file, a folder, no such path, and a path through a file', () => {
    expect(['file.json', 'folder', 'missing', 'file.json/policy.json', 'missing/policy.json'].map((name) => isLink(at(name)))).toEqual([false, false, false, false, false]);
  });

  it('is false for what lies through a link: a file in the linked folder, the folder itself named with a slash', () => {
    expect([isLink(at('to-folder/inner.json')), isLink(`${at('to-folder')}/`)]).toEqual([false, false]);
  });

  it('is defined once in src/ (batch discovery had a copy of its own)', () => {
    const SRC = resolve(import.meta.dirname, '..', '..', 'src');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    // A copy under another name would still ask lstat the same question.
    const defining = files(SRC).filter((f) => /\bfunction isLink\b|lstatSync\([^)]*\)\.isSymbolicLink\(\)/.test(readFileSync(f, 'utf8')));
    expect(defining.map((f) => relative(SRC, f).split(sep).join('/'))).toEqual(['rules/files.ts']);
  });
});
