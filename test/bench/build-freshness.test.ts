/**
 * bench/build-freshness.ts: the audit bench rebuilds dist/ when any file the build reads is newer
 * than it, not only a source under src/ (it measured an old build after a change to the build's
 * tsconfig, package.json or the bundle script).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_INPUTS, BUILD_OUTPUT, staleBuildInput } from '../../bench/build-freshness.js';
import { PACKAGE_ROOT as ROOT } from '../../src/paths.js';

const BUILT_AT = new Date('2026-11-01T10:00:00Z');
const BEFORE = new Date('2026-11-01T09:00:00Z');
const AFTER = new Date('2026-11-01T11:00:00Z');

function touch(root: string, path: string, at: Date): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, at, at);
}

/** A package root whose build inputs all predate dist/. */
function builtPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'duty-audit-build-freshness-'));
  touch(root, 'src/audit/audit.ts', BEFORE);
  touch(root, 'scripts/bundle-bin.mjs', BEFORE);
  touch(root, 'scripts/exceljs-on-demand.cjs', BEFORE);
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']) touch(root, file, BEFORE);
  touch(root, BUILD_OUTPUT, BUILT_AT);
  return root;
}

describe('whether the bench must rebuild dist/', () => {
  it('not when every build input predates the build', () => {
    expect(staleBuildInput(builtPackage())).toBeUndefined();
  });

  it('when dist/ was never built', () => {
    const root = mkdtempSync(join(tmpdir(), 'duty-audit-build-freshness-'));
    touch(root, 'src/index.ts', BEFORE);
    expect(staleBuildInput(root)).toBe(BUILD_OUTPUT);
  });

  it.each([
    ['src', 'src/ledger/xlsx/read.ts'],
    ['scripts', 'scripts/exceljs-on-demand.cjs'],
    ['scripts', 'scripts/bundle-bin.mjs'],
    ['tsconfig.json', 'tsconfig.json'],
    ['tsconfig.build.json', 'tsconfig.build.json'],
    ['package.json', 'package.json'],
    ['package-lock.json', 'package-lock.json'],
  ])('when %s changed after the build (%s)', (input, changed) => {
    const root = builtPackage();
    touch(root, changed, AFTER);
    expect(staleBuildInput(root)).toBe(input);
  });

  it('watches every file the build script names, and the tsconfig the build config extends', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const named = pkg.scripts.build.split(/\s+/).filter((word) => existsSync(join(ROOT, word)) && word !== '.');
    const buildConfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { extends: string; include: string[] };
    const read = [...named, join(buildConfig.extends), ...buildConfig.include];
    expect(read.length).toBeGreaterThanOrEqual(4);
    for (const path of read) expect(BUILD_INPUTS.some((input) => path === input || path.startsWith(`${input}/`)), path).toBe(true);
  });
});
