/** Paths in messages: relative inside the working folder, absolute outside it. */
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { displayPath } from '../src/display-path.js';

const CWD = resolve('/work/project');

describe('displayPath', () => {
  test('inside the folder: relative, as the user would type it', () => {
    expect(displayPath(join(CWD, 'rules', 'x.json'), CWD)).toBe(join('rules', 'x.json'));
    expect(displayPath(join(CWD, '..foo', 'x.json'), CWD)).toBe(join('..foo', 'x.json'));
  });

  test('outside the folder: absolute, never ../..', () => {
    expect(displayPath(resolve('/tmp/rules/x.json'), CWD)).toBe(resolve('/tmp/rules/x.json'));
    expect(displayPath(resolve('/work/other.xlsx'), CWD)).toBe(resolve('/work/other.xlsx'));
    expect(displayPath(resolve('/work'), CWD)).toBe(resolve('/work'));
  });

  test('the folder itself is "."', () => {
    expect(displayPath(CWD, CWD)).toBe('.');
  });
});
