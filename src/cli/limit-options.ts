/**
 * The input limits as command-line options, shared by `audit`, `batch` and `rules validate|test`:
 * each leaves the library's safe default when not given (src/ledger/limits.ts,
 * src/rules/limits.ts), and each refusal names the option that raises it.
 */
import type { Argv } from 'yargs';
import { DutyAuditError } from '../errors.js';
import { msg, tr } from '../messages/catalogue.js';
import type { Lang } from '../text.js';
import { DEFAULT_LEDGER_LIMITS, LEDGER_LIMIT_FLAGS, type LimitName } from '../ledger/limits.js';
import type { ReadLedgerOptions } from '../ledger/read-ledger.js';
import { DEFAULT_RULE_LIMITS, RULE_LIMIT_FLAGS, type RuleLimits } from '../rules/limits.js';

/** Option name without its dashes, as yargs gives it. */
const key = (flag: string): string => flag.replace(/^--/, '');

type Limit = LimitName | keyof RuleLimits;
type Flags<N extends Limit> = Readonly<Record<N, { flag: string; unit: number }>>;

/** Each limit of a table as a number option, its default shown in the option's unit. */
function withLimitOptions<T, N extends Limit>(y: Argv<T>, lang: Lang, flags: Flags<N>, defaults: Readonly<Record<N, number>>, skip: readonly N[] = []): Argv<T> {
  for (const name of Object.keys(flags) as N[]) {
    if (skip.includes(name)) continue;
    const { flag, unit } = flags[name];
    y = y.option(key(flag), { type: 'number', describe: tr(lang, `help.limit.${name as Limit}`), defaultDescription: String(defaults[name] / unit), group: tr(lang, 'help.limits.group') }) as Argv<T>;
  }
  return y;
}

export function withLedgerLimitOptions<T>(y: Argv<T>, lang: Lang, skip: readonly LimitName[] = []): Argv<T> {
  return withLimitOptions(y, lang, LEDGER_LIMIT_FLAGS, DEFAULT_LEDGER_LIMITS, skip);
}

export function withRuleLimitOptions<T>(y: Argv<T>, lang: Lang): Argv<T> {
  return withLimitOptions(y, lang, RULE_LIMIT_FLAGS, DEFAULT_RULE_LIMITS);
}

/** Parsed arguments holding the limit options (by their names without dashes). */
export type LimitArgs = object;

function positive(value: unknown, flag: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DutyAuditError('bad-usage', msg('cli.badLimit', { flag, value: String(value) }), { hint: msg('cli.badLimit.hint', { flag }) });
  }
  return value;
}

/** The limits of a table given on the command line, in the library's units. */
function limitsOf<N extends Limit>(args: LimitArgs, flags: Flags<N>): Partial<Record<N, number>> {
  const limits: Partial<Record<N, number>> = {};
  for (const name of Object.keys(flags) as N[]) {
    const { flag, unit } = flags[name];
    const value = (args as Record<string, unknown>)[key(flag)];
    if (value !== undefined) limits[name] = Math.floor(positive(value, flag) * unit);
  }
  return limits;
}

export function ledgerLimitsOf(args: LimitArgs): ReadLedgerOptions {
  return limitsOf<LimitName>(args, LEDGER_LIMIT_FLAGS);
}

export function ruleLimitsOf(args: LimitArgs): Partial<RuleLimits> {
  return limitsOf<keyof RuleLimits>(args, RULE_LIMIT_FLAGS);
}
