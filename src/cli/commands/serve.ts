/**
 * `duty-audit serve [--port 8080] [--host 127.0.0.1] [--data DIR] [--jobs N] [--token T]`: the
 * upload service (src/serve, docs/service.md). Runs until stopped; Ctrl-C (SIGINT) or SIGTERM
 * stops taking jobs and closes the index, and audits cut short run again at the next start.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { DutyAuditError } from '../../errors.js';
import { startService } from '../../serve/server.js';
import { isLang } from '../../text.js';

interface ServeArgs {
  port: number;
  host: string;
  data: string;
  jobs?: number;
  token?: string;
  'max-mb': number;
  rules?: string;
  lang: string;
  mask: boolean;
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve',
  describe: 'Run the upload service: a web page and JSON API where centers upload ledgers and inspectors download reports',
  builder: (y) =>
    y
      .option('port', { type: 'number', default: 8080, describe: 'port to listen on (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on; beyond loopback --token is required' })
      .option('data', { type: 'string', default: 'duty-audit-data', describe: 'folder for the uploads, the reports and the SQLite index' })
      .option('jobs', { type: 'number', describe: `audits at once (default: the number of cores, ${availableParallelism()})` })
      .option('token', { type: 'string', describe: 'secret every request must carry (Authorization: Bearer T, or open /?token=T once)' })
      .option('max-mb', { type: 'number', default: 50, describe: 'largest file accepted, in MB (413 above it)' })
      .option('rules', { type: 'string', describe: 'rules folder (default: the rules shipped with duty-audit)' })
      .option('lang', { type: 'string', choices: ['zh', 'en'], default: 'zh', describe: 'language of the reports written' })
      .option('mask', { type: 'boolean', default: true, describe: 'mask phone numbers in reports (--no-mask to show them)' }),
  handler: async (args) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw bad(`--port ${args.port} is not a port number`, 'pass --port between 0 and 65535');
    if (!(args['max-mb'] > 0)) throw bad(`--max-mb ${args['max-mb']} must be above 0`, 'pass --max-mb with a number of megabytes, e.g. 50');
    if (args.jobs !== undefined && !(args.jobs >= 1)) throw bad(`--jobs ${args.jobs} must be at least 1`, 'pass --jobs with a whole number, e.g. 2');
    if (args.token !== undefined && args.token.length < 16) throw bad('--token is shorter than 16 characters', 'use a long random secret, e.g. `openssl rand -hex 16`');
    const service = await startService({
      data: resolve(args.data),
      host: args.host,
      port: args.port,
      jobs: args.jobs ?? availableParallelism(),
      maxMb: args['max-mb'],
      lang: isLang(args.lang) ? args.lang : 'zh',
      mask: args.mask,
      logger: false,
      ...(args.token !== undefined ? { token: args.token } : {}),
      ...(args.rules !== undefined ? { rulesDir: resolve(args.rules) } : {}),
    });
    process.stdout.write(`duty-audit serve: listening on ${service.url}  (data: ${resolve(args.data)})\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void service.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};

function bad(message: string, hint: string): DutyAuditError {
  return new DutyAuditError('bad-usage', message, { hint });
}
