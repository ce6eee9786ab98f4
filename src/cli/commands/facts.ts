/**
 * `duty-audit facts [--scope S] [--format table|md|json]`: the fact library a rule may test,
 * with each fact's type, origin (ledger column or derived), the sheets it needs and its meaning,
 * in the terminal's language. A thin shell over src/catalogue.
 */
import type { CommandModule } from 'yargs';
import { factCatalogue, renderFacts, CATALOGUE_FORMATS, type CatalogueFormat } from '../../catalogue/catalogue.js';
import { SCOPES, type Scope } from '../../facts/scopes.js';
import { tr } from '../../messages/catalogue.js';
import type { Lang } from '../../text.js';
import { EXIT_OK } from '../exit.js';
import { printOut } from '../terminal.js';

export interface FactsArgs {
  scope?: Scope;
  format: CatalogueFormat;
  /** The language of the labels and meanings printed. */
  lang: Lang;
}

/** The command's output without yargs or process state, for tests. */
export function factsText(args: FactsArgs): string {
  return renderFacts(factCatalogue(args.scope), args.format, args.lang);
}

export function factsCommand(lang: Lang): CommandModule<object, Omit<FactsArgs, 'lang'>> {
  return {
    command: 'facts',
    describe: tr(lang, 'help.facts'),
    builder: (y) =>
      y
        .option('scope', { type: 'string', choices: SCOPES, describe: tr(lang, 'help.facts.scope') })
        .option('format', { type: 'string', choices: CATALOGUE_FORMATS, default: 'table' as const, describe: tr(lang, 'help.facts.format') }),
    handler: (args) => {
      printOut(factsText({ ...args, lang }));
      process.exitCode = EXIT_OK;
    },
  };
}
