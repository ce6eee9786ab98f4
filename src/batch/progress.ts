/**
 * Progress for people, in the terminal's language: a bar on a terminal, and one plain line per
 * settled input otherwise (CI logs, pipes), so a log shows which file did what without control
 * characters. Input names come from uploads, so they pass through terminalSafe before they are
 * drawn (a bar writes to the stream itself, not through the CLI's printer).
 */
import cliProgress from 'cli-progress';
import { render, tr, type Message } from '../messages/catalogue.js';
import { terminalSafe } from '../messages/terminal-safe.js';
import type { Lang } from '../text.js';
import type { BatchProgress } from './run-batch.js';
import type { BatchEntry } from './types.js';

export function progressFor(stream: NodeJS.WriteStream, lang: Lang): BatchProgress {
  return stream.isTTY ? barProgress(stream, lang) : lineProgress((line) => stream.write(terminalSafe(line) + '\n'), lang);
}

export function lineProgress(write: (line: string) => void, lang: Lang): BatchProgress {
  return {
    start: () => undefined,
    settled: (entry, done, total) => write(`[${String(done).padStart(String(total).length)}/${total}] ${describeEntry(entry, lang)}`),
    stop: () => undefined,
  };
}

function barProgress(stream: NodeJS.WriteStream, lang: Lang): BatchProgress {
  // cli-progress fills {bar}, {value}, … itself: the failed count's words keep its {failed}.
  const format = `{bar} {value}/{total} | ${tr(lang, 'batch.progress.bar', { failed: '{failed}' })} | {last}`;
  const bar = new cliProgress.SingleBar({ stream, format, hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
  let failed = 0;
  return {
    start: (total) => bar.start(total, 0, { failed, last: '' }),
    settled: (entry, done) => {
      if (entry.status === 'failed') failed += 1;
      bar.update(done, { failed, last: terminalSafe(entry.input.display) });
    },
    stop: () => bar.stop(),
  };
}

export function describeEntry(entry: BatchEntry, lang: Lang): string {
  switch (entry.status) {
    case 'audited':
    case 'skipped': {
      const s = entry.summary;
      const said = { input: entry.input.display, center: s.center, period: s.period, findings: s.findings, issues: s.dataIssues };
      return tr(lang, entry.status === 'audited' ? 'batch.progress.audited' : 'batch.progress.unchanged', said);
    }
    case 'failed': {
      const reason: Message | string = entry.failure.detail ?? entry.failure.message;
      const text = typeof reason === 'string' ? reason : render(reason, lang);
      return tr(lang, 'batch.progress.failed', { input: entry.input.display, code: entry.failure.code, reason: firstLine(text) });
    }
  }
}

function firstLine(text: string): string {
  const i = text.indexOf('\n');
  return i < 0 ? text : text.slice(0, i) + ' …';
}
