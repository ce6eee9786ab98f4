/**
 * `duty-audit serve [--port 8080] [--host 127.0.0.1] [--data DIR] [--jobs N] [--token T]`: the
 * upload service (src/serve, docs/service.md). Runs until stopped; Ctrl-C (SIGINT) or SIGTERM
 * stops taking jobs and closes the index, and audits cut short run again at the next start.
 * A failure the service cannot audit on after (a month's report that could not be copied into
 * the history folder) closes it the same way and exits 2, saying what failed and how to fix it.
 * The reports are written in the files' language (--lang, else Chinese); the page and the API
 * answer in either, as each request asks.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { DutyAuditError } from '../../errors.js';
import { msg, tr } from '../../messages/catalogue.js';
import { startService } from '../../serve/server.js';
import type { Lang } from '../../text.js';
import { fileLang } from '../language.js';
import { printOut } from '../terminal.js';

interface ServeArgs {
  port: number;
  host: string;
  data: string;
  jobs?: number;
  token?: string;
  'max-mb': number;
  rules?: string;
  lang?: string;
  mask: boolean;
}

export function serveCommand(lang: Lang): CommandModule<object, ServeArgs> {
  return {
    command: 'serve',
    describe: tr(lang, 'help.serve'),
    builder: (y) =>
      y
        .option('port', { type: 'number', default: 8080, describe: tr(lang, 'help.serve.port') })
        .option('host', { type: 'string', default: '127.0.0.1', describe: tr(lang, 'help.serve.host') })
        .option('data', { type: 'string', default: 'duty-audit-data', describe: tr(lang, 'help.serve.data') })
        .option('jobs', { type: 'number', describe: tr(lang, 'help.serve.jobs', { cores: availableParallelism() }) })
        .option('token', { type: 'string', describe: tr(lang, 'help.serve.token') })
        .option('max-mb', { type: 'number', default: 50, describe: tr(lang, 'help.serve.maxMb') })
        .option('rules', { type: 'string', describe: tr(lang, 'help.rules') })
        .option('mask', { type: 'boolean', default: true, describe: tr(lang, 'help.batch.mask') }),
    handler: async (args) => {
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
        throw new DutyAuditError('bad-usage', msg('serve.badPort', { value: String(args.port) }), { hint: msg('serve.badPort.hint') });
      }
      if (!(args['max-mb'] > 0)) {
        throw new DutyAuditError('bad-usage', msg('cli.notPositive', { flag: '--max-mb', value: String(args['max-mb']) }), { hint: msg('cli.notPositive.hint', { flag: '--max-mb' }) });
      }
      if (args.jobs !== undefined && !(args.jobs >= 1)) {
        throw new DutyAuditError('bad-usage', msg('serve.badJobs', { value: String(args.jobs) }), { hint: msg('serve.badJobs.hint') });
      }
      if (args.token !== undefined && args.token.length < 16) throw new DutyAuditError('bad-usage', msg('serve.shortToken'), { hint: msg('serve.shortToken.hint') });
      const data = resolve(args.data);
      const service = await startService({
        data,
        host: args.host,
        port: args.port,
        jobs: args.jobs ?? availableParallelism(),
        maxMb: args['max-mb'],
        lang: fileLang(args.lang),
        mask: args.mask,
        logger: false,
        ...(args.token !== undefined ? { token: args.token } : {}),
        ...(args.rules !== undefined ? { rulesDir: resolve(args.rules) } : {}),
      });
      printOut(`${tr(lang, 'serve.listening', { url: service.url, data })}\n`);
      const failure = await new Promise<{ error: unknown } | undefined>((done, fail) => {
        // The first signal closes the service; a second one, with no listener left, stops the
        // process at once. output/stop-cleanup.ts counts this listener before it is removed.
        let failed: { error: unknown } | undefined;
        let stopping = false;
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          if (stopping) return;
          stopping = true;
          service.close().then(() => done(failed), (error: unknown) => fail(failed ? failed.error : error));
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        // Also when it halts while closing: the exit says so.
        void service.queue.halted.then((error) => {
          failed ??= { error };
          stop();
        });
      });
      // Closed in order; the bin prints what failed and its fix, and exits 2.
      if (failure) throw failure.error;
    },
  };
}
