/** Where a fact comes from, in words: `列 受理日期` / `column 受理日期` / `派生` / `derived`. */
import type { Lang } from '../text.js';
import { ct } from './labels.js';
import type { FactEntry } from './types.js';

export function originText(f: FactEntry, lang: Lang): string {
  return f.origin === 'column' && f.column !== undefined ? ct('columnOf', lang, { column: f.column }) : ct('derived', lang);
}
