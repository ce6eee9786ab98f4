/**
 * `duty-audit facts [--scope S] [--format table|md|json] [--lang zh|en]`: the fact library a
 * rule may test, with each fact's type, origin (ledger column or derived), the sheets it needs
 * and its meaning. A thin shell over src/catalogue.
 */
import type { CommandModule } from 'yargs';
import { factCatalogue, renderFacts, CATALOGUE_FORMATS, type CatalogueFormat } from '../../catalogue/catalogue.js';
import { SCOPES, type Scope } from '../../facts/scopes.js';
import { LANGS, type Lang } from '../../text.js';
import { EXIT_OK } from '../exit.js';

export interface FactsArgs {
  scope?: Scope;
  format: CatalogueFormat;
  lang: Lang;
}

/** The command's output without yargs or process state, for tests. */
export function factsText(args: FactsArgs): string {
  return renderFacts(factCatalogue(args.scope), args.format, args.lang);
}

export const factsCommand: CommandModule<object, FactsArgs> = {
  command: 'facts',
  describe: 'List the facts a rule may test, per scope, with their meaning',
  builder: (y) =>
    y
      .option('scope', { type: 'string', choices: SCOPES, describe: 'only the facts of this scope' })
      .option('format', { type: 'string', choices: CATALOGUE_FORMATS, default: 'table' as const, describe: 'table (terminal), md (Markdown) or json' })
      .option('lang', { type: 'string', choices: LANGS, default: 'zh' as const, describe: 'language of the labels and meanings' }),
  handler: (args) => {
    process.stdout.write(factsText(args));
    process.exitCode = EXIT_OK;
  },
};
