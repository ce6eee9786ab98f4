/**
 * `duty-audit rules list [DIR] [--format table|md|json] [--lang zh|en] [--write]`: the rule
 * catalogue. `--write` regenerates DIR/README.md (the Markdown page: rules, then facts).
 */
import { displayPath } from '../../display-path.js';
import type { CommandModule } from 'yargs';
import { renderRules, ruleCatalogue, README_FILE, writeCatalogueReadme, CATALOGUE_FORMATS, type CatalogueFormat } from '../../catalogue/catalogue.js';
import { DEFAULT_RULES_DIR } from '../../paths.js';
import { LANGS, type Lang } from '../../text.js';
import { EXIT_OK } from '../exit.js';

export interface RulesListArgs {
  dir: string;
  format: CatalogueFormat;
  lang: Lang;
  write: boolean;
}

/** The command's output without yargs or process state, for tests. */
export async function rulesListText(args: RulesListArgs, cwd = process.cwd()): Promise<string> {
  const entries = await ruleCatalogue(args.dir);
  if (!args.write) return renderRules(entries, args.format, args.lang);
  const file = await writeCatalogueReadme(args.dir, renderRules(entries, 'md', args.lang));
  return `${args.lang === 'zh' ? '已写入' : 'wrote'} ${displayPath(file, cwd)} (${entries.length} ${args.lang === 'zh' ? '条规则' : 'rules'})\n`;
}

export const rulesListCommand: CommandModule<object, RulesListArgs> = {
  command: 'list [dir]',
  describe: 'The rule catalogue: id, clause, titles, scope → subject, params with their values, grade',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', default: DEFAULT_RULES_DIR, describe: 'rules folder', defaultDescription: 'rules/' })
      .option('format', { type: 'string', choices: CATALOGUE_FORMATS, default: 'table' as const, describe: 'table (terminal), md (Markdown: the README page) or json' })
      .option('lang', { type: 'string', choices: LANGS, default: 'zh' as const, describe: 'language of the labels' })
      .option('write', { type: 'boolean', default: false, describe: `write the Markdown catalogue to DIR/${README_FILE}` }),
  handler: async (args) => {
    process.stdout.write(await rulesListText(args));
    process.exitCode = EXIT_OK;
  },
};
