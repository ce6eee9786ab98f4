/**
 * The hostile corpus's harness: the real bin in a child process (asynchronous, so that cases of
 * one file run side by side, in Chinese as a center's machine runs it), and the checks every case
 * makes — exit code, the message (by its catalogue key and parameters: what the bin prints is
 * that message rendered), no stack trace or "internal error", and for accepted input the row
 * accounting.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { DutyAuditError } from '../../src/errors.js';
import { render, type Message } from '../../src/messages/catalogue.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { localeEnv } from '../audit/run-cli.js';

const LOADER = pathToFileURL(join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
export const MAIN = join(PACKAGE_ROOT, 'src', 'cli', 'main.ts');

export interface BinRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BinOptions {
  /** Called once the child has started (to signal it, or to watch its output). */
  started?: (child: import('node:child_process').ChildProcess) => void;
  timeoutMs?: number;
}

/** Runs `duty-audit <args>` from `cwd` and resolves when it exits. */
export function runBin(args: string[], cwd: string, options: BinOptions = {}): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', LOADER, MAIN, ...args], { cwd, env: { ...localeEnv(), DUTY_AUDIT_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    options.started?.(child);
  });
}

/** Never a stack trace, never "internal error": every failure is said in words. */
export function expectNoCrash(text: string): void {
  expect(text).not.toMatch(/\n\s+at [\w.<>]+ \(|\n\s+at file:|internal error|Maximum call stack|ENAMETOOLONG:|TypeError|RangeError|ReferenceError/);
}

/**
 * A refusal by the bin: exit 2, no crash, and each message printed as the catalogue renders it
 * (in Chinese: the bin runs in a Chinese locale).
 */
export function expectRefused(run: BinRun, ...messages: Message[]): void {
  expectNoCrash(run.stderr + run.stdout);
  for (const message of messages) expect(run.stderr).toContain(render(message, 'zh'));
  expect(run.status, run.stderr).toBe(2);
}

/** The DutyAuditError `work` throws (the bin's exit 2), with no crash in its words. */
export async function refusal(work: () => Promise<unknown>): Promise<DutyAuditError> {
  const error = await work().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DutyAuditError);
  const refused = error as DutyAuditError;
  expectNoCrash(refused.describe('zh') + refused.describe('en'));
  return refused;
}

export interface ReportJson {
  summary: { rowsRead: number; rowsEvaluated: number; rowsSetAside: number; byGrade: Record<string, number> };
  dataIssues: { file: string; sheet: string; row: number; column: string; header: string; value: string; code: string; message: string; params?: Record<string, unknown> }[];
  findings: { ruleId: string; subject: { kind: string; name: string }; ref: { sheet: string; row: number; key: string }; message: string; status: string }[];
  people: { name: string; counts: Record<string, number> }[];
  center: string;
}

/**
 * Accepted input: rows read = rows evaluated + rows set aside, every row the test wrote is read
 * (`rowsWritten` counts every sheet's rows: a month of month.ts has one 中心信息 row besides its cases)
 * (nothing silently lost), and every row set aside has a data issue.
 */
export function expectAccounted(report: ReportJson, rowsWritten: number): void {
  const { rowsRead, rowsEvaluated, rowsSetAside } = report.summary;
  expect(rowsRead).toBe(rowsEvaluated + rowsSetAside);
  expect(rowsRead).toBe(rowsWritten);
  const issueRows = new Set(report.dataIssues.filter((i) => i.row > 0).map((i) => `${i.sheet}:${i.row}`));
  expect(issueRows.size).toBe(rowsSetAside);
}

export async function withDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'duty-audit-hostile-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Files a write may have left behind: temporary files and `.partial` leftovers. */
export async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /partial|\.tmp$/.test(name));
}
