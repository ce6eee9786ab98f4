/**
 * Progress for people: a bar on a terminal, and one plain line per settled input otherwise (CI
 * logs, pipes), so a log shows which file did what without control characters.
 */
import cliProgress from 'cli-progress';
import type { BatchProgress } from './run-batch.js';
import type { BatchEntry } from './types.js';

export function progressFor(stream: NodeJS.WriteStream): BatchProgress {
  return stream.isTTY ? barProgress(stream) : lineProgress((line) => stream.write(line + '\n'));
}

export function lineProgress(write: (line: string) => void): BatchProgress {
  return {
    start: () => undefined,
    settled: (entry, done, total) => write(`[${String(done).padStart(String(total).length)}/${total}] ${describeEntry(entry)}`),
    stop: () => undefined,
  };
}

function barProgress(stream: NodeJS.WriteStream): BatchProgress {
  const bar = new cliProgress.SingleBar(
    { stream, format: '{bar} {value}/{total} | {failed} failed | {last}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let failed = 0;
  return {
    start: (total) => bar.start(total, 0, { failed, last: '' }),
    settled: (entry, done) => {
      if (entry.status === 'failed') failed += 1;
      bar.update(done, { failed, last: entry.input.display });
    },
    stop: () => bar.stop(),
  };
}

export function describeEntry(entry: BatchEntry): string {
  switch (entry.status) {
    case 'audited':
    case 'skipped': {
      const s = entry.summary;
      const what = `${s.center} ${s.period}: ${s.findings} finding(s), ${s.dataIssues} data issue(s)`;
      return `${entry.status === 'audited' ? 'audited  ' : 'unchanged'} ${entry.input.display}  ${what}`;
    }
    case 'failed':
      return `FAILED    ${entry.input.display}  ${entry.failure.code}: ${firstLine(entry.failure.message)}`;
  }
}

function firstLine(text: string): string {
  const i = text.indexOf('\n');
  return i < 0 ? text : text.slice(0, i) + ' …';
}
