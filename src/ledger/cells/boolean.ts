/** Yes/no cells: 是/否, Y/N, yes/no, true/false, 1/0, √/× and real booleans. */
import type { RawValue } from '../raw-value.js';
import { foldText, ok, unreadable, type Parsed } from './parsed.js';

const WORDS = new Map<string, boolean>([
  ['是', true], ['否', false],
  ['y', true], ['n', false],
  ['yes', true], ['no', false],
  ['true', true], ['false', false],
  ['1', true], ['0', false],
  ['√', true], ['×', false],
  // Check and cross marks as other input methods type them.
  ['✓', true], ['✔', true], ['✗', false], ['✘', false],
]);

export function parseBoolean(value: RawValue): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') {
    const known = WORDS.get(foldText(value).toLowerCase());
    if (known !== undefined) return ok(known);
  }
  return unreadable('bad-boolean');
}
