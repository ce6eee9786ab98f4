/** Which center a ledger belongs to: its 中心信息 sheet, else the file name before `-YYYY-MM`. */
import { basename, extname } from 'node:path';
import type { Ledger } from '../ledger/types.js';

export function centerFromFileName(file: string): string {
  const name = basename(file.replace(/[\\/]+$/, ''), extname(file));
  const m = /^(.+?)-\d{4}-\d{2}(?!\d)/.exec(name);
  return (m?.[1] ?? name).trim() || name;
}

export function centerOf(ledger: Ledger): { center: string; district?: string } {
  const record = ledger.sheets.center?.[0]?.record;
  const center = record?.center?.trim() || centerFromFileName(ledger.source.file);
  return record?.district ? { center, district: record.district } : { center };
}
