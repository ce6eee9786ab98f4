/**
 * The one message catalogue: every sentence the tool says to a person outside the reports
 * (errors and their hints, `rules validate` problems, `--help`, the terminal output of every
 * command, the upload service's refusals and page) is an entry here with a Chinese and an
 * English template, and code names it by key.
 * A message is data — a key and its parameters (`Message`) — rendered in either language when it
 * is shown, so an error thrown deep in the ledger reader is printed in the language of the
 * terminal that ran the command (docs/cli.md, "Language").
 *
 * The tables are split by what they hold (errors.ts, rule-problems.ts, help.ts, output.ts,
 * settlement.ts: the finding statuses, 预警 kinds and 运行信息 notes the reports share, and
 * serve.ts: the upload service's refusals and page); this file joins them and types them:
 * `msg(key, params)` does not compile with an unknown key, a missing parameter or one the
 * template does not use. test/messages/catalogue.test.ts checks
 * every entry has both languages with the same placeholders and Chinese punctuation in Chinese,
 * and that commands, errors and problems take their words from here.
 */
import { fillTemplate, type Lang, type Localized } from '../text.js';
import { ERROR_TEXT } from './errors.js';
import { HELP_TEXT } from './help.js';
import { OUTPUT_TEXT } from './output.js';
import { RULE_PROBLEM_TEXT } from './rule-problems.js';
import { SERVE_TEXT } from './serve.js';
import { SETTLEMENT_TEXT } from './settlement.js';

/** Each table by the area it serves; keys are unique across them (checked by the catalogue test). */
export const MESSAGE_TABLES = { errors: ERROR_TEXT, ruleProblems: RULE_PROBLEM_TEXT, help: HELP_TEXT, output: OUTPUT_TEXT, settlement: SETTLEMENT_TEXT, serve: SERVE_TEXT } as const;

const MESSAGES = { ...ERROR_TEXT, ...RULE_PROBLEM_TEXT, ...HELP_TEXT, ...OUTPUT_TEXT, ...SETTLEMENT_TEXT, ...SERVE_TEXT } as const;
type Catalogue = typeof MESSAGES;

/** A key in two tables would silently take the later one's words: this does not compile then. */
type Shared<A, B> = keyof A & keyof B;
type NoSharedKeys = [
  | Shared<typeof ERROR_TEXT, typeof RULE_PROBLEM_TEXT>
  | Shared<typeof ERROR_TEXT, typeof HELP_TEXT>
  | Shared<typeof ERROR_TEXT, typeof OUTPUT_TEXT>
  | Shared<typeof RULE_PROBLEM_TEXT, typeof HELP_TEXT>
  | Shared<typeof RULE_PROBLEM_TEXT, typeof OUTPUT_TEXT>
  | Shared<typeof HELP_TEXT, typeof OUTPUT_TEXT>
  | Shared<typeof SETTLEMENT_TEXT, typeof ERROR_TEXT>
  | Shared<typeof SETTLEMENT_TEXT, typeof RULE_PROBLEM_TEXT>
  | Shared<typeof SETTLEMENT_TEXT, typeof HELP_TEXT>
  | Shared<typeof SETTLEMENT_TEXT, typeof OUTPUT_TEXT>
  | Shared<typeof SERVE_TEXT, typeof ERROR_TEXT>
  | Shared<typeof SERVE_TEXT, typeof RULE_PROBLEM_TEXT>
  | Shared<typeof SERVE_TEXT, typeof HELP_TEXT>
  | Shared<typeof SERVE_TEXT, typeof OUTPUT_TEXT>
  | Shared<typeof SERVE_TEXT, typeof SETTLEMENT_TEXT>,
] extends [never]
  ? true
  : false;
const noSharedKeys: NoSharedKeys = true;
void noSharedKeys;

export type MessageKey = keyof Catalogue;

type WordChar =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z'
  | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '_';
type IsWord<S extends string> = S extends '' ? false : S extends `${infer C}${infer R}` ? (C extends WordChar ? (R extends '' ? true : IsWord<R>) : false) : false;
type AfterLastOpen<S extends string> = S extends `${string}{${infer R}` ? AfterLastOpen<R> : S;
/** The `{name}` placeholders of a template, as fillTemplate finds them (`{"fact": …}` is not one). */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? (IsWord<AfterLastOpen<P>> extends true ? AfterLastOpen<P> : never) | Placeholders<R>
  : never;

export type PlaceholderOf<K extends MessageKey> = Placeholders<Catalogue[K]['en']> | Placeholders<Catalogue[K]['zh']>;

/**
 * What a placeholder may be given: text and numbers as written, a text in both languages, another
 * message (rendered in the same language), or a list of these (joined by 、 or ", ").
 */
export type MessageParam = string | number | Localized | Message | readonly MessageParam[];

export interface Message {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, MessageParam>>;
}

type ParamsArg<K extends MessageKey> = [PlaceholderOf<K>] extends [never] ? [] : [params: { readonly [P in PlaceholderOf<K>]: MessageParam }];

/** A message as data: `msg('ledger.empty', { file })`. Plain JSON, so it crosses worker threads and files. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return { key, params: (params[0] ?? {}) as Record<string, MessageParam> };
}

export const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: ', ' };

function isMessage(value: object): value is Message {
  return 'key' in value && 'params' in value;
}

function paramText(value: MessageParam, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v: MessageParam) => paramText(v, lang)).join(LIST_SEPARATOR[lang]);
  if (isMessage(value as object)) return render(value as Message, lang);
  return (value as Localized)[lang];
}

/** The words of a message in one language. A key the catalogue no longer has (an old manifest) shows as itself. */
export function render(message: Message, lang: Lang): string {
  const entry = (MESSAGES as Record<string, Localized | undefined>)[message.key];
  if (!entry) return `${message.key} ${JSON.stringify(message.params)}`;
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params)) vars[name] = paramText(value, lang);
  return fillTemplate(entry[lang], vars);
}

/** A message in both languages, for the report's tables of words (src/report/labels.ts) that take theirs from here. */
export function inBoth(message: Message): Localized {
  return { zh: render(message, 'zh'), en: render(message, 'en') };
}

/** `tr(lang, key, params)`: build and render in one step, for text printed at once. */
export function tr<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsArg<K>): string {
  return render(msg(key, ...params), lang);
}

/** The template of an entry as written, for the catalogue test and the generated docs. */
export function templateOf(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];
