/** The files an audit read, each with its SHA-256, so a report can be reproduced (docs/report.md). */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { LedgerSource } from '../ledger/types.js';
import { msg, type Message } from '../messages/catalogue.js';
import { listCalendarFiles, listRuleFiles, POLICY_FILE } from '../rules/files.js';

export interface InputFile {
  file: string;
  sha256: string;
}

/**
 * Read in 1 MiB chunks, not the stream's default 64 KiB: the 8 MB workbook of the 100,000-case
 * bench month was ~127 chunks, a turn of the event loop each; hashing it took 13 against 10 ms
 * of CPU (medians of 15 alternating rounds, machine busy). Read into one buffer through a file
 * handle, not a read stream: in a fresh process, as an audit hashes its workbook, the stream
 * took 16.9 ms of CPU against 9.1 (medians of 9 alternating rounds, the 8 MB workbook, machine
 * busy; reading synchronously took 8.2 but would hold up the upload service's other requests).
 */
const HASH_CHUNK = 1 << 20;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(HASH_CHUNK);
  const file = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, HASH_CHUNK, null);
      if (bytesRead === 0) break;
      // update() has taken the bytes in before the next read overwrites the buffer.
      hash.update(bytesRead === HASH_CHUNK ? chunk : chunk.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
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

/**
 * Every file an audit of `input` with the rules of `rulesDir` reads, named as a message would
 * name it: the workbook or the folder and its files, and the rules, policy and calendars. An
 * output must be none of them (src/output/output-paths.ts).
 */
export function inputPaths(input: string, rulesDir: string): { path: string; label: Message }[] {
  const paths: { path: string; label: Message }[] = [];
  const ledger = resolve(input);
  paths.push({ path: ledger, label: msg('write.label.theLedger', { path: input }) });
  if (existsSync(ledger) && statSync(ledger).isDirectory()) {
    for (const name of readdirSync(ledger)) paths.push({ path: join(ledger, name), label: msg('write.label.ledgerFile', { path: join(input, name) }) });
  }
  return [...paths, ...rulePaths(rulesDir)];
}

/** The rule, policy and calendar files of a rules folder, named as a message would name them. */
export function rulePaths(rulesDir: string): { path: string; label: Message }[] {
  // Not there, or not a folder: loading the rules says so, after the outputs are checked.
  if (!existsSync(rulesDir) || !statSync(rulesDir).isDirectory()) return [];
  const rel = [...listRuleFiles(rulesDir).files, ...listCalendarFiles(rulesDir).files, POLICY_FILE];
  return rel.map((file) => ({ path: join(rulesDir, file), label: msg('write.label.ruleFile', { path: join(rulesDir, file) }) }));
}
