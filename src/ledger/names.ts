/**
 * Matching sheet and column names as people write them (docs/ledger.md): zero-width and
 * direction marks dropped, trimmed, full-width folded to half-width (NFKC), a parenthesised
 * suffix dropped (`承诺时限(工作日)` → `承诺时限`), and the English key accepted as an alias, in
 * any case and with spaces, `_` or `-`.
 */
import { withoutInvisibleMarks } from '../text.js';
import { SHEETS, type ColumnSpec, type SheetSpec } from './columns.js';
import type { SheetKey } from './types.js';

const PARENTHESISED_SUFFIX = /\([^()]*\)\s*$/;
/** Whitespace (headers often wrap inside a cell), key separators, and the `*` of required marks. */
const IGNORED_CHARACTERS = /[\s_\-*]/g;

export function canonicalName(name: string): string {
  let folded = withoutInvisibleMarks(name).normalize('NFKC').trim();
  while (PARENTHESISED_SUFFIX.test(folded)) {
    const dropped = folded.replace(PARENTHESISED_SUFFIX, '').trim();
    if (dropped === '') break;
    folded = dropped;
  }
  return folded.replace(IGNORED_CHARACTERS, '').toLowerCase();
}

const SHEET_BY_NAME = new Map<string, SheetKey>();
for (const sheet of SHEETS) {
  SHEET_BY_NAME.set(canonicalName(sheet.zh), sheet.key);
  SHEET_BY_NAME.set(canonicalName(sheet.key), sheet.key);
}

/** The ledger sheet a workbook sheet name stands for, if any. */
export function sheetKeyOfName(name: string): SheetKey | undefined {
  return SHEET_BY_NAME.get(canonicalName(name));
}

/**
 * Files that are no one's ledger, though named like one, by their base name: the owner file Excel
 * and WPS keep beside a file while it is open (`~$城东社区-2026-10-办件台账.csv`), hidden files and
 * the `._` twins a Mac leaves on a USB stick, and desktop litter (Thumbs.db, desktop.ini). The CSV
 * folder reader, the batch's discovery and precheck and the service's zip unpacking all pass
 * over them: a lock sorted before the real file was read as the case sheet ("UTF-16 text"), and
 * counted as a second cases file it failed an open ledger as several-ledgers.
 */
export function isLitterFileName(baseName: string): boolean {
  return baseName.startsWith('~$') || baseName.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(baseName);
}

/** The ledger sheet a CSV file stands for: its name (without `.csv`) ends with the sheet's name or key. */
export function sheetKeyOfFileName(baseName: string): SheetKey | undefined {
  const folded = canonicalName(baseName);
  let best: { key: SheetKey; length: number } | undefined;
  for (const [name, key] of SHEET_BY_NAME) {
    if (folded.endsWith(name) && (!best || name.length > best.length)) best = { key, length: name.length };
  }
  return best?.key;
}

const COLUMNS_BY_SHEET = new Map<SheetKey, Map<string, ColumnSpec>>();
for (const sheet of SHEETS) {
  const byName = new Map<string, ColumnSpec>();
  for (const column of sheet.columns) {
    byName.set(canonicalName(column.zh), column);
    byName.set(canonicalName(column.key), column);
  }
  COLUMNS_BY_SHEET.set(sheet.key, byName);
}

/** The sheet's column a header cell names, if any. */
export function columnOfHeader(sheet: SheetSpec, header: string): ColumnSpec | undefined {
  return COLUMNS_BY_SHEET.get(sheet.key)?.get(canonicalName(header));
}
