/** The files an audit read, each with its SHA-256, so a report can be reproduced (SPEC §6). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import type { LedgerSource } from '../ledger/types.js';

export interface InputFile {
  file: string;
  sha256: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The workbook itself, or each CSV of a folder named under the folder as the user gave it
 * (not an absolute path, so the same command from the same place gives the same report).
 */
export async function inputFiles(source: LedgerSource): Promise<InputFile[]> {
  if (source.kind === 'xlsx') return [{ file: source.file, sha256: await sha256File(source.file) }];
  const files = source.parts.map((p) => p.file).sort();
  const out: InputFile[] = [];
  for (const file of files) out.push({ file: join(source.file, basename(file)), sha256: await sha256File(file) });
  return out;
}
