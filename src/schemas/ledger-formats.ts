/**
 * The string formats of the ledger schema, as the ledger validators check them: the committed
 * standalone code (generated/ledger.validator.ts imports `ledgerFormats`) and the fallback that
 * compiles an edited schema (ajv-instances.ts) call the same functions. `date` is the one date
 * check of the tool (src/iso-date.ts): ajv-formats' full `date` without its regular expression.
 */
import { isIsoDate } from '../iso-date.js';

/** By format name, as ajv's `formats` option and standalone code refer to them. */
export const ledgerFormats = { date: isIsoDate } as const;
