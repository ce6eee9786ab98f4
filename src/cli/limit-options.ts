/**
 * The input limits as command-line options, shared by `audit`, `batch` and `rules validate|test`:
 * each leaves the library's safe default when not given (src/ledger/limits.ts,
 * src/rules/limits.ts), and each refusal names the option that raises it.
 */
import type { Argv } from 'yargs';
import { DutyAuditError } from '../errors.js';
import { msg, tr } from '../messages/catalogue.js';
import type { Lang } from '../text.js';
import { DEFAULT_LEDGER_LIMITS, LEDGER_LIMIT_FLAGS, type LedgerLimits, type LimitName } from '../ledger/limits.js';
import type { ReadLedgerOptions } from '../ledger/read-ledger.js';
import { DEFAULT_RULE_LIMITS, RULE_LIMIT_FLAGS, type RuleLimits } from '../rules/limits.js';

const RULE_UNITS: Record<keyof RuleLimits, number> = { maxRuleFileBytes: 1024, maxRuleNesting: 1 };

/** Option name without its dashes, as yargs gives it. */
const key = (flag: string): string => flag.replace(/^--/, '');

export function withLedgerLimitOptions<T>(y: Argv<T>, lang: Lang, skip: readonly LimitName[] = []): Argv<T> {
  for (const name of Object.keys(LEDGER_LIMIT_FLAGS) as LimitName[]) {
    if (skip.includes(name)) continue;
    const { flag, unit } = LEDGER_LIMIT_FLAGS[name];
    y = y.option(key(flag), { type: 'number', describe: tr(lang, `help.limit.${name}`), defaultDescription: String(DEFAULT_LEDGER_LIMITS[name] / unit), group: tr(lang, 'help.limits.group') }) as Argv<T>;
  }
  return y;
}

export function withRuleLimitOptions<T>(y: Argv<T>, lang: Lang): Argv<T> {
  for (const name of Object.keys(RULE_LIMIT_FLAGS) as (keyof RuleLimits)[]) {
    const shown = String(DEFAULT_RULE_LIMITS[name] / RULE_UNITS[name]);
    y = y.option(key(RULE_LIMIT_FLAGS[name]), { type: 'number', describe: tr(lang, `help.limit.${name}`), defaultDescription: shown, group: tr(lang, 'help.limits.group') }) as Argv<T>;
  }
  return y;
}

/** Parsed arguments holding the limit options (by their names without dashes). */
export type LimitArgs = object;

const given = (args: LimitArgs, flag: string): unknown => (args as Record<string, unknown>)[key(flag)];

function positive(value: unknown, flag: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DutyAuditError('bad-usage', msg('cli.badLimit', { flag, value: String(value) }), { hint: msg('cli.badLimit.hint', { flag }) });
  }
  return value;
}

/** The ledger limits given on the command line, in the library's units. */
export function ledgerLimitsOf(args: LimitArgs): ReadLedgerOptions {
  const limits: Partial<LedgerLimits> = {};
  for (const name of Object.keys(LEDGER_LIMIT_FLAGS) as LimitName[]) {
    const { flag, unit } = LEDGER_LIMIT_FLAGS[name];
    const value = given(args, flag);
    if (value !== undefined) limits[name] = Math.floor(positive(value, flag) * unit);
  }
  return limits;
}

export function ruleLimitsOf(args: LimitArgs): Partial<RuleLimits> {
  const limits: Partial<RuleLimits> = {};
  for (const name of Object.keys(RULE_LIMIT_FLAGS) as (keyof RuleLimits)[]) {
    const flag = RULE_LIMIT_FLAGS[name];
    const value = given(args, flag);
    if (value !== undefined) limits[name] = Math.floor(positive(value, flag) * RULE_UNITS[name]);
  }
  return limits;
}
