/**
 * `duty-audit rules list [DIR] [--format table|md|json] [--write]`: the rule catalogue, printed in
 * the terminal's language. `--write` regenerates DIR/README.md (the Markdown page: rules, then
 * facts) in Chinese unless `--lang en` says otherwise: a generated file never follows the
 * environment's locale (src/cli/language.ts), or a test of its freshness would depend on it.
 */
import { displayPath } from '../../display-path.js';
import type { CommandModule } from 'yargs';
import { renderRules, ruleCatalogue, README_FILE, writeCatalogueReadme, CATALOGUE_FORMATS, type CatalogueFormat } from '../../catalogue/catalogue.js';
import { tr } from '../../messages/catalogue.js';
import { DEFAULT_RULES_DIR } from '../../paths.js';
import type { Lang } from '../../text.js';
import { EXIT_OK } from '../exit.js';
import { fileLang } from '../language.js';
import { printOut } from '../terminal.js';

export interface RulesListArgs {
  dir: string;
  format: CatalogueFormat;
  /** The language of the catalogue printed or written. */
  lang: Lang;
  write: boolean;
  /** The language of the line saying what was written (default: `lang`). */
  ui?: Lang;
}

/** The command's output without yargs or process state, for tests. */
export async function rulesListText(args: RulesListArgs, cwd = process.cwd()): Promise<string> {
  const entries = await ruleCatalogue(args.dir);
  if (!args.write) return renderRules(entries, args.format, args.lang);
  const file = await writeCatalogueReadme(args.dir, renderRules(entries, 'md', args.lang));
  return `${tr(args.ui ?? args.lang, 'list.written', { path: displayPath(file, cwd), n: entries.length })}\n`;
}

interface RulesListOptions {
  dir: string;
  format: CatalogueFormat;
  write: boolean;
  lang?: string;
}

export function rulesListCommand(lang: Lang): CommandModule<object, RulesListOptions> {
  return {
    command: 'list [dir]',
    describe: tr(lang, 'help.rules.list'),
    builder: (y) =>
      y
        .positional('dir', { type: 'string', default: DEFAULT_RULES_DIR, describe: tr(lang, 'help.rules.dir'), defaultDescription: 'rules/' })
        .option('format', { type: 'string', choices: CATALOGUE_FORMATS, default: 'table' as const, describe: tr(lang, 'help.rules.list.format') })
        .option('write', { type: 'boolean', default: false, describe: tr(lang, 'help.rules.list.write', { file: README_FILE }) }),
    handler: async (args) => {
      printOut(await rulesListText({ dir: args.dir, format: args.format, write: args.write, lang: args.write ? fileLang(args.lang) : lang, ui: lang }));
      process.exitCode = EXIT_OK;
    },
  };
}
