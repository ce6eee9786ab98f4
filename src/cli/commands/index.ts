import type { CommandModule } from 'yargs';
import type { Lang } from '../../text.js';
import { auditCommand } from './audit.js';
import { batchCommand } from './batch.js';
import { factsCommand } from './facts.js';
import { rulesCommand } from './rules.js';
import { sampleCommand } from './sample.js';
import { serveCommand } from './serve.js';

/** Every command of the bin, one module per file, its help and output in the terminal's language. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function commands(lang: Lang): CommandModule<any, any>[] {
  return [auditCommand(lang), batchCommand(lang), rulesCommand(lang), factsCommand(lang), sampleCommand(lang), serveCommand(lang)];
}
