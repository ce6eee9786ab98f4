/**
 * Which language the tool speaks (docs/cli.md, "Language"). Two choices, kept apart on purpose:
 * - the terminal (help, errors, progress, summaries): `--lang`, else the locale of the
 *   environment — the first of LC_ALL, LC_MESSAGES, LANG that is set, as POSIX reads them —
 *   English for `en` / `en_US.UTF-8` / `en-GB`, Chinese for anything else (`zh_CN.UTF-8`, `C`,
 *   `POSIX`, unset: the tool is for Chinese service centers, and a bare container says `C`);
 * - the files written (reports, JSON, rules/README.md): `--lang`, else Chinese, never the
 *   environment — the same inputs give the same report on every machine.
 */
import yargs from 'yargs';
import { isLang, type Lang } from '../text.js';

/** The locale variables that choose message language, in the order POSIX consults them. */
export const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** The language a locale such as `en_US.UTF-8` asks for; Chinese unless it is English. */
export function localeLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = LOCALE_VARIABLES.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  return locale !== undefined && /^en(?:[_.@-]|$)/i.test(locale) ? 'en' : 'zh';
}

/**
 * `--lang` as given on the command line (the last one wins, as yargs reads it), before the
 * commands are built: their help is written in that language. A value yargs will refuse is
 * ignored here, so its refusal is said in the environment's language.
 */
export function requestedLang(argv: readonly string[]): Lang | undefined {
  const parsed = yargs([...argv]).help(false).version(false).exitProcess(false).strict(false).option('lang', { type: 'string' }).parseSync();
  const given = parsed['lang'] as string | string[] | undefined;
  const last = Array.isArray(given) ? given[given.length - 1] : given;
  return isLang(last) ? last : undefined;
}

/** The terminal's language: `--lang`, else the environment's locale. */
export function terminalLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  return requestedLang(argv) ?? localeLang(env);
}

/** The language of the files a command writes: `--lang`, else Chinese. */
export function fileLang(given: string | undefined): Lang {
  return isLang(given) ? given : 'zh';
}
