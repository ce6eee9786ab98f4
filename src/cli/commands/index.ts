import type { CommandModule } from 'yargs';
import { auditCommand } from './audit.js';
import { batchCommand } from './batch.js';
import { factsCommand } from './facts.js';
import { rulesCommand } from './rules.js';
import { sampleCommand } from './sample.js';

/** Every command of the bin, one module per file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [auditCommand, batchCommand, rulesCommand, factsCommand, sampleCommand];
