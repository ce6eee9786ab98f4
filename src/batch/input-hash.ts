/**
 * The content identity of an input, for skipping unchanged ones on a re-run: a workbook's
 * SHA-256, or for a CSV folder a SHA-256 over each CSV's name and SHA-256 in name order
 * (renaming a sheet's file changes what is read, so the name counts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from '../audit/inputs.js';
import type { BatchInput } from './types.js';

export async function inputSha256(input: BatchInput): Promise<string> {
  if (input.kind !== 'csv-folder') return sha256File(input.path);
  const hash = createHash('sha256');
  for (const name of csvFiles(input.path)) {
    hash.update(`${name}\0${await sha256File(join(input.path, name))}\n`);
  }
  return hash.digest('hex');
}

/** Bytes the audit would read: the file, or every CSV of the folder. */
export function inputBytes(input: BatchInput): number {
  if (input.kind !== 'csv-folder') return statSync(input.path).size;
  return csvFiles(input.path).reduce((sum, name) => sum + statSync(join(input.path, name)).size, 0);
}

function csvFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.csv') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
}
